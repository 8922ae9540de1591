"""Releases that cannot take the site down: HUP to real gunicorn (gunicorn.conf.py) with the
content folder moved away, with most pages gone, with a FIFO in it, and with a valid change."""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_CONTENT
from tests.security.gunicorn_server import get, running_gunicorn

PAGE = "/about/what-it-is/"


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, folder)
    return folder


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One gunicorn for the HUP tests that leave the content as they found it."""
    folder = tmp_path_factory.mktemp("release") / "content"
    shutil.copytree(FIXTURE_CONTENT, folder)
    log = folder.parent / "gunicorn.log"
    with running_gunicorn(log, PORTAL_CONTENT_DIR=str(folder)) as server:
        yield server, folder, log


def wait_for(log_path: Path, text: str, since: int = 0, timeout: float = 30) -> str:
    """The log written after offset `since`, once `text` appears in it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        written = log_path.read_text()[since:]
        if text in written:
            return written
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not seen in:\n{log_path.read_text()[since:]}")


def hup(server, log: Path) -> int:
    """Send the master a HUP; the log's length before it."""
    since = len(log.read_text())
    server.master.send_signal(signal.SIGHUP)
    return since


def body(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  loopback
        return response.read().decode()


def workers(master: int) -> set[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=False
    ).stdout
    return {int(pid) for pid in out.split()}


def test_a_release_with_the_folder_moved_away_is_refused(served, tmp_path):
    server, content, log = served
    assert get(server.url + PAGE) == 200
    content.rename(tmp_path / "moved-away")
    try:
        since = hup(server, log)
        written = wait_for(log, "content release refused", since)
        assert "the content folder does not exist" in written
        assert "still serving the 3 topics loaded before" in written
        wait_for(log, "ready: 3 topics", since)  # a new worker, with the old content
        for path in ("/", PAGE, "/about/second/", "/emergencies/high-calcium/"):
            assert get(server.url + path) == 200, path
    finally:
        (tmp_path / "moved-away").rename(content)


def test_a_release_that_drops_most_pages_is_refused(served, tmp_path):
    server, content, log = served
    gone = [content / "about" / "second.md", content / "emergencies" / "high-calcium.md"]
    for page in gone:
        page.rename(tmp_path / page.name)
    try:
        since = hup(server, log)
        written = wait_for(log, "content release refused", since)
        assert "it has 1 topics where 3 are served now" in written
        wait_for(log, "ready: 3 topics", since)
        assert get(server.url + "/about/second/") == 200
    finally:
        for page in gone:
            (tmp_path / page.name).rename(page)


def test_a_valid_release_goes_live_on_hup(served):
    server, content, log = served
    page = content / "about" / "second.md"
    original = page.read_text()
    assert "A new paragraph." not in body(server.url + "/about/second/")
    page.write_text(original + "\nA new paragraph.\n")
    try:
        since = hup(server, log)
        written = wait_for(log, "ready: 3 topics", since)
        assert "content loaded from" in written and "content release refused" not in written
        deadline = time.monotonic() + 10
        while "A new paragraph." not in body(server.url + "/about/second/"):
            assert time.monotonic() < deadline, "the old worker kept answering"
            time.sleep(0.2)
    finally:
        page.write_text(original)


def test_a_fifo_in_the_folder_never_stalls_the_master(tmp_path, content):
    """Opening a FIFO for reading blocks until someone writes to it. The loader may skip it
    by name, or the read is cut off at the time limit; either way the master keeps replacing
    workers and the old pages keep being served."""
    # Put in after start-up: a start with a FIFO in the folder would wait out the limit first.
    os.mkfifo(tmp_path / "stuck.md")
    log = tmp_path / "gunicorn.log"
    limit = 6
    with running_gunicorn(
        log, PORTAL_CONTENT_DIR=str(content), PORTAL_CONTENT_LOAD_TIMEOUT=str(limit)
    ) as server:
        (tmp_path / "stuck.md").rename(content / "about" / "stuck.md")
        (worker,) = workers(server.master.pid)
        hup = time.monotonic()
        server.master.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        # The loader may skip the FIFO at once, and the HUP then retires this worker by itself.
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)
        # Replaced while the master may still be waiting for the read, not after it.
        while not (workers(server.master.pid) - {worker}) or get(server.url + PAGE) != 200:
            assert time.monotonic() - hup < limit - 1, log.read_text()
            time.sleep(0.1)
        if "stuck.md" not in log.read_text():  # not skipped by name: cut off at the limit
            wait_for(log, "content release refused", timeout=limit + 10)
        written = log.read_text()
        assert "stuck.md" in written or f"took more than {limit} s" in written, written
        for path in ("/", PAGE, "/about/second/"):
            assert get(server.url + path) == 200, path


def test_a_first_start_without_content_refuses_to_start_and_says_why(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", "127.0.0.1:0"],
        cwd=Path(__file__).resolve().parent.parent.parent,
        env={
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "PORTAL_CONTENT_DIR": str(tmp_path / "no-such-folder"),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Not starting: the content cannot be served: the content folder does not exist" in (
        result.stdout + result.stderr
    )
