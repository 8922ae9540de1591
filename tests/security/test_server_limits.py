"""The production worker (portal/worker.py), through real gunicorn.

Its last-resort limits: Django answers a long query (414) or big headers (431) with its helpful
page; these limits are far above those, for a client that never stops sending a head, or sends
a body the portal never takes. Either way the server answers 400, closes, and goes on serving
everyone else. And its shutdown: a leaving worker still answers a request that arrives on an
idle keep-alive connection, with Connection: close, instead of cutting the connection.
"""

import os
import signal
import socket
import subprocess
import time

import pytest

from portal.worker import MAX_BODY_BYTES, MAX_HEAD_BYTES
from tests.security.gunicorn_server import get, running_gunicorn


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with running_gunicorn(log_path) as running:
        yield running.url, running.port, log_path


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


def read_response(raw: socket.socket) -> bytes:
    """One whole response with a Content-Length body, from a keep-alive connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = raw.recv(65536)
        assert chunk, f"connection closed without an answer (after {data!r})"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        ).split(b":")[1]
    )
    while len(body) < length:
        body += raw.recv(65536)
    return head


def the_worker(master: int) -> int:
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(children) == 1, children  # WEB_CONCURRENCY=1
    return int(children[0])


def test_a_leaving_worker_answers_a_request_on_an_idle_connection(tmp_path):
    request = b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with running_gunicorn(tmp_path / "gunicorn.log") as running:
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw:
            raw.sendall(request)
            first = read_response(raw)
            assert first.startswith(b"HTTP/1.1 200") and b"connection: close" not in first.lower()
            # What the master sends a worker it retires (on HUP, or at max_requests): our
            # connection is idle on it, as a reader's browser's would be between two pages.
            os.kill(the_worker(running.master.pid), signal.SIGTERM)
            time.sleep(0.3)
            raw.sendall(request)
            second = read_response(raw)
            assert second.startswith(b"HTTP/1.1 200")
            assert b"connection: close" in second.lower()
            assert raw.recv(100) == b""  # and then closed, cleanly


def test_a_client_too_slow_to_send_its_head_is_disconnected(tmp_path):
    with running_gunicorn(tmp_path / "gunicorn.log", PORTAL_HEAD_TIMEOUT="1") as running:
        address = ("127.0.0.1", running.port)
        with (
            socket.create_connection(address, timeout=10) as silent,
            socket.create_connection(address, timeout=10) as halfway,
        ):
            halfway.sendall(b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and no more
            started = time.monotonic()
            assert silent.recv(100) == b""
            assert halfway.recv(100) == b""
            assert time.monotonic() - started < 5
        # A prompt client on the same worker is served as ever.
        assert get(running.url + "/about/") == 200
