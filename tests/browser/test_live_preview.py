"""Live preview end to end: `runserver` in DEBUG, Chromium on a page, an editor saves the file.

The open page reloads by itself (django-browser-reload) without the server restarting; a broken
save shows the file, line and fix; fixing it brings the page back.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.content.content_trees import copy_clean

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dev_server(tmp_path):
    content = copy_clean(tmp_path / "content")
    port = free_port()
    env = {**os.environ, "DJANGO_DEBUG": "1", "PORTAL_CONTENT_DIR": str(content)}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # the shared machine can be slow to start Django
            try:
                urllib.request.urlopen(url + "/about/good-page/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail(
                "runserver did not start: " + (process.stdout.read() if process.stdout else "")
            )
        yield url, content
    finally:
        process.terminate()
        process.wait(timeout=20)


def server_version(url: str) -> str:
    """The id the server process announces to reload listeners; a restart changes it."""
    with urllib.request.urlopen(url + "/__reload__/events/", timeout=10) as events:  # noqa: S310
        while not (line := events.readline().decode()).startswith("data:"):
            pass
    return json.loads(line.removeprefix("data:"))["versionId"]


def test_saving_a_file_updates_the_open_page(make_page, dev_server):
    url, content = dev_server
    version = server_version(url)
    page_file = content / "about" / "good-page.md"
    original = page_file.read_text()
    page = make_page(width=1280)
    page.goto(url + "/about/good-page/")
    assert page.locator("h1").inner_text() == "A good page"
    page.wait_for_timeout(1500)  # let the reload listener connect

    page_file.write_text(original.replace("title: A good page", "title: A better page"))
    # Locator assertions, not wait_for_function: the CSP forbids the eval that one uses.
    expect(page.locator("h1")).to_have_text("A better page", timeout=30000)

    page_file.write_text(original.replace("order: 1", "order: 1\nsumary: typo"))
    expect(page.locator("h1")).to_contain_text("mistake", timeout=30000)
    text = page.locator("main").inner_text()
    assert "about/good-page.md:5" in text and "Did you mean 'summary'?" in text

    page_file.write_text(original)
    expect(page.locator("h1")).to_have_text("A good page", timeout=30000)
    assert server_version(url) == version  # the same server process: no restart
