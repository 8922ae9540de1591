"""Playwright driving Debian's Chromium against the portal on a loopback live server.

In CI a missing Chromium fails the run; on a laptop without it the browser tests are skipped
with a message that says how to install it.
"""

import os
import shutil
import threading

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

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


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = (
            f"Chromium not found at {CHROMIUM}: install it with "
            "'sudo apt-get install chromium' (or set PORTAL_CHROMIUM to its path)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="session")
def portal_server():
    """The portal on a free loopback port, for the whole session.

    Our own small server rather than pytest-django's live_server, which flushes a database
    after each test, and the portal has none. Static files come through whitenoise as in
    production.
    """
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


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
