"""The production server's own last-resort limits (portal/worker.py), through real gunicorn.

Django answers a long query (414) or big headers (431) with its helpful page; these limits are
far above those, for a client that never stops sending a head, or sends a body the portal
never takes. Either way the server answers 400, closes, and goes on serving everyone else.
"""

import socket

import pytest

from portal.worker import MAX_BODY_BYTES, MAX_HEAD_BYTES
from tests.security.gunicorn_server import get, running_gunicorn


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with running_gunicorn(log_path) as base:
        yield base, int(base.rsplit(":", 1)[1]), log_path


def exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        try:
            raw.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything we send
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
        return answer


def test_the_default_worker_is_uvicorn_and_names_no_software(server):
    base, port, log_path = server
    answer = exchange(port, b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")
    head = answer.split(b"\r\n\r\n", 1)[0].lower()
    assert b"\r\nserver:" not in head
    assert "Using worker: portal.worker.PortalWorker" in log_path.read_text()


def test_a_head_over_the_limit_gets_400_and_the_server_carries_on(server):
    base, port, _ = server
    long_header = b"X-Filler: " + b"a" * (MAX_HEAD_BYTES + 1) + b"\r\n"
    answer = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + long_header + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert get(base + "/about/") == 200


def test_a_head_under_the_limit_reaches_django_for_its_helpful_answer(server):
    base, port, _ = server
    query = b"a" * 5000  # over Django's 4 KiB, far under the server's limit
    answer = exchange(
        port, b"GET /?q=" + query + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 414")
    assert b"<h1>" in answer


def test_a_body_over_the_limit_gets_400(server):
    base, port, _ = server
    size = MAX_BODY_BYTES + 1
    request = (
        f"POST /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n\r\n".encode()
        + b"x" * size
    )
    assert exchange(port, request).startswith(b"HTTP/1.1 400")
    assert get(base + "/about/") == 200


def test_a_small_body_still_gets_the_helpful_405(server):
    _, port, _ = server
    request = b"POST /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n"
    answer = exchange(port, request + b"Connection: close\r\n\r\nabc")
    assert answer.startswith(b"HTTP/1.1 405")
