"""Playwright driving Debian's Chromium against the portal on a loopback live server.

In CI a missing Chromium fails the run; on a laptop without it the browser tests are skipped
with a message that says how to install it.
"""

import os
import shutil

import pytest

from tests.browser.live_server import serve_portal
from tests.conftest import REAL_CONTENT

# Playwright's sync API keeps an event loop running in this thread; the live server and the
# settings fixture are plain synchronous Django, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    "install it with 'sudo apt-get install chromium' (or set PORTAL_CHROMIUM to its path)"
)


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


def missing_chromium() -> None:
    """Fail in CI, where the browser tests must run; skip on a laptop, saying how to fix it."""
    message = f"Chromium not found at {CHROMIUM}: {INSTALL_HINT}."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        missing_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def portal_server():
    """The portal on a free loopback port for the whole session (see live_server.py)."""
    with serve_portal() as url:
        yield url


@pytest.fixture
def site_url(portal_server, real_content):
    """Base address of the live portal, reading the real content tree."""
    return portal_server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def make_page(browser):
    """Pages with a chosen viewport width, JavaScript setting or media; closed after the test."""
    contexts = []

    def make(width: int = 1280, javascript: bool = True, height: int = 900):
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def page_reports(browser, portal_server):
    """Every page type, measured on the real content when a test first asks (see survey.py)."""
    from tests.browser.survey import Survey

    return Survey(browser, portal_server, REAL_CONTENT)
