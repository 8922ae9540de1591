"""Search terms never reach a log: Django's request log, error log, and gunicorn's access log."""

import io
import logging
import socket
from pathlib import Path

import pytest

from portal.security.log_filters import StripQueryStrings, strip_query_strings
from tests.security.gunicorn_server import get, running_gunicorn

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


def test_gunicorn_access_and_error_logs_leave_out_query_strings(tmp_path):
    log_path = tmp_path / "gunicorn.log"
    with running_gunicorn(log_path) as server:
        base = server.url
        assert get(f"{base}/about/?q={SECRET}") == 200
        assert get(f"{base}/search/?q={SECRET}") in (200, 404)
        assert get(f"{base}/no-such-page/?q={SECRET}&x=1") == 404
        # A malformed request line, which the server itself answers and logs.
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall(f"GET /search/?q={SECRET}\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            assert raw.recv(100).startswith(b"HTTP/1.1 400")
    written = log_path.read_text()
    assert '"GET /about/ HTTP/1.1" 200' in written, written
    assert "Not Found: /no-such-page/" in written
    # gunicorn quotes a malformed request line in its error log: the query is cut from it.
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
