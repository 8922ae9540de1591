"""Search terms never reach a log: Django's request log, error log, and gunicorn's access log."""

import asyncio
import io
import logging
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from portal.security.log_filters import (
    StripQueryStrings,
    UvicornAccessLine,
    strip_query_strings,
)
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


# The default uvicorn worker, and gunicorn's own threaded worker an operator may choose instead.
# A malformed request line: uvicorn logs no path; gunicorn quotes it, query removed.
WORKERS = {
    "uvicorn": ("", "Invalid HTTP request received"),
    "gthread": ("gthread", "Invalid request"),
}


@pytest.mark.parametrize("worker", WORKERS)
def test_gunicorn_access_and_error_logs_leave_out_query_strings(tmp_path, worker):
    worker_class, invalid_line = WORKERS[worker]
    log_path = tmp_path / "gunicorn.log"
    with running_gunicorn(log_path, GUNICORN_WORKER_CLASS=worker_class) as server:
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
    assert invalid_line in written
    if worker == "gthread":
        assert "?[query removed]" in written
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


def test_uvicorn_access_line_loses_the_client_and_the_query():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        UvicornAccessLine.UVICORN_FORMAT,
        ("203.0.113.9:51234", "GET", f"/search/?q={SECRET}", "1.1", 200),
        None,
    )
    assert UvicornAccessLine().filter(record)
    line = record.getMessage()
    assert line.endswith('"GET /search/ HTTP/1.1" 200')
    assert SECRET not in line and "203.0.113.9" not in line


def test_worker_access_log_writes_one_record_per_turn_of_the_event_loop():
    from portal.worker import BatchedAccessLog

    logger = logging.getLogger("uvicorn.access")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:

        async def three_requests_in_one_turn():
            access = BatchedAccessLog(asyncio.get_running_loop())
            for path in ("/a/", f"/search/?q={SECRET}", "/b/"):
                access.info(
                    UvicornAccessLine.UVICORN_FORMAT, "203.0.113.9:1", "GET", path, "1.1", 200
                )
            assert records == []  # nothing yet: written when this turn of the loop ends
            await asyncio.sleep(0)
            await asyncio.sleep(0)

        # In a thread of its own: the browser tests may leave an event loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, three_requests_in_one_turn()).result(timeout=10)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert len(records) == 1
    lines = records[0].getMessage().splitlines()
    assert [line.split('"')[1] for line in lines] == [
        "GET /a/ HTTP/1.1",
        "GET /search/ HTTP/1.1",
        "GET /b/ HTTP/1.1",
    ]
    assert all(line.endswith(" 200") and line.startswith("[") for line in lines)
    assert SECRET not in records[0].getMessage() and "203.0.113.9" not in records[0].getMessage()
