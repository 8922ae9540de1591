"""Search terms never reach a log: Django's request log, error log, and gunicorn's access log."""

import io
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from portal.security.log_filters import StripQueryStrings, strip_query_strings

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = "secretterm"


@pytest.fixture
def console_log():
    """What the configured console handler (stderr in production) writes, as a string."""
    handler = next(h for h in logging.getLogger("django.request").handlers)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_not_found_is_logged_with_its_path_but_no_query(client, console_log):
    client.get(f"/no-such-page/?q={SECRET}&page=2")
    written = console_log.getvalue()
    assert "Not Found: /no-such-page/" in written
    assert SECRET not in written


def test_refused_method_is_logged_without_query(client, console_log):
    client.post(f"/about/?q={SECRET}")
    assert SECRET not in console_log.getvalue()


def test_messages_carrying_a_full_address_are_cleaned(console_log):
    logging.getLogger("django.request").warning("Bad request: %s", f"/search/?q={SECRET}")
    written = console_log.getvalue()
    assert "/search/?[query removed]" in written and SECRET not in written


def test_tracebacks_are_cleaned_too(console_log):
    try:
        raise ValueError(f"could not parse /search/?q={SECRET}")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /search/")
    written = console_log.getvalue()
    assert "ValueError" in written and SECRET not in written


def test_filter_leaves_ordinary_question_marks_alone():
    assert strip_query_strings("Is this right? yes") == "Is this right? yes"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "see %s", ("/a/?q=b",), None)
    assert StripQueryStrings().filter(record) and record.getMessage() == "see /a/?[query removed]"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_gunicorn_access_and_error_logs_leave_out_query_strings(tmp_path):
    port = _free_port()
    log_path = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "PYTHONUNBUFFERED": "1",
    }
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while "ready:" not in log_path.read_text() and time.monotonic() < deadline:
            assert server.poll() is None, log_path.read_text()
            time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        assert _get(f"{base}/about/?q={SECRET}") == 200
        assert _get(f"{base}/search/?q={SECRET}") in (200, 404)
        assert _get(f"{base}/no-such-page/?q={SECRET}&x=1") == 404
        # A malformed request line, which gunicorn itself logs.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(f"GET /search/?q={SECRET}\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            assert raw.recv(100).startswith(b"HTTP/1.1 400")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    written = log_path.read_text()
    assert '"GET /about/ HTTP/1.1" 200' in written, written
    assert "Not Found: /no-such-page/" in written
    assert "Invalid request" in written and "?[query removed]" in written
    assert "Invalid request" in written and "?[query removed]" in written
    assert SECRET not in written
    assert "127.0.0.1 -" not in written  # no client address next to the page they read


def test_unknown_host_is_one_line_without_traceback(client):
    handler = logging.getLogger("django.security.DisallowedHost").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        client.get(f"/?q={SECRET}", HTTP_HOST="attacker.example")
    finally:
        handler.setStream(previous)
    written = stream.getvalue()
    assert "Invalid HTTP_HOST header: 'attacker.example'" in written
    assert "Traceback" not in written and SECRET not in written
