"""Releases that cannot take the site down: HUP to real gunicorn (gunicorn.conf.py) with the
content folder moved away, with most pages gone, with a FIFO in it, and with a valid change."""

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


def wait_for(log_path: Path, text: str, count: int = 1, timeout: float = 30) -> str:
    """The log once `text` appears in it `count` times."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        written = log_path.read_text()
        if written.count(text) >= count:
            return written
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not seen {count} times in:\n{log_path.read_text()}")


def body(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  loopback
        return response.read().decode()


def workers(master: int) -> set[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=False
    ).stdout
    return {int(pid) for pid in out.split()}


def test_a_release_with_the_folder_moved_away_is_refused(tmp_path, content):
    log = tmp_path / "gunicorn.log"
    with running_gunicorn(log, PORTAL_CONTENT_DIR=str(content)) as server:
        assert get(server.url + PAGE) == 200
        content.rename(tmp_path / "moved-away")
        server.master.send_signal(signal.SIGHUP)
        written = wait_for(log, "content release refused")
        assert "the content folder does not exist" in written
        assert "still serving the 3 topics loaded before" in written
        wait_for(log, "ready: 3 topics", count=2)  # the new worker has the old content
        for path in ("/", PAGE, "/about/second/", "/emergencies/high-calcium/"):
            assert get(server.url + path) == 200, path


def test_a_release_that_drops_most_pages_is_refused(tmp_path, content):
    log = tmp_path / "gunicorn.log"
    with running_gunicorn(log, PORTAL_CONTENT_DIR=str(content)) as server:
        (content / "about" / "second.md").unlink()
        (content / "emergencies" / "high-calcium.md").unlink()
        server.master.send_signal(signal.SIGHUP)
        written = wait_for(log, "content release refused")
        assert "it has 1 topics where 3 are served now" in written
        wait_for(log, "ready: 3 topics", count=2)
        assert get(server.url + "/about/second/") == 200


def test_a_valid_release_goes_live_on_hup(tmp_path, content):
    log = tmp_path / "gunicorn.log"
    with running_gunicorn(log, PORTAL_CONTENT_DIR=str(content)) as server:
        assert "A new paragraph." not in body(server.url + "/about/second/")
        page = content / "about" / "second.md"
        page.write_text(page.read_text() + "\nA new paragraph.\n")
        server.master.send_signal(signal.SIGHUP)
        wait_for(log, "content loaded from", count=2)
        wait_for(log, "ready: 3 topics", count=2)
        deadline = time.monotonic() + 10
        while "A new paragraph." not in body(server.url + "/about/second/"):
            assert time.monotonic() < deadline, "the old worker kept answering"
            time.sleep(0.2)
        assert "content release refused" not in log.read_text()


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
