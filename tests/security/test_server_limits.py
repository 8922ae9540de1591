"""gunicorn's own limits, the last resort behind nginx's (deploy/nginx.conf), through real
gunicorn as gunicorn.conf.py runs it.

Django answers a long query (414) or big headers (431) with its helpful page; gunicorn's limits
sit above those, for a client that sends a head no browser would. Either way the server
answers 4xx, not 500, and goes on serving everyone else.
"""

import socket

import pytest

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
        try:
            while chunk := raw.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass  # closed with our unread bytes still queued: the answer came first
        return answer


def test_the_worker_is_gunicorns_own_threaded_worker(server):
    _, port, log_path = server
    answer = exchange(port, b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")
    assert "Using worker: gthread" in log_path.read_text()


def test_a_header_over_gunicorns_limit_gets_431_and_the_server_carries_on(server):
    base, port, _ = server
    long_header = b"X-Filler: " + b"a" * 9000 + b"\r\n"
    answer = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + long_header + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 431")
    assert get(base + "/about/") == 200


def test_too_many_headers_get_a_4xx(server):
    base, port, _ = server
    many = b"".join(b"X-H%d: 1\r\n" % n for n in range(150))
    answer = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n")
    assert answer[:10] == b"HTTP/1.1 4", answer[:40]
    assert get(base + "/about/") == 200


def test_a_head_under_the_limit_reaches_django_for_its_helpful_answer(server):
    _, port, _ = server
    query = b"a" * 5000  # over Django's 4 KiB, under the server's limit
    answer = exchange(
        port, b"GET /?q=" + query + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 414")
    assert b"<h1>" in answer


def test_a_small_body_gets_the_helpful_405(server):
    _, port, _ = server
    request = b"POST /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n"
    answer = exchange(port, request + b"Connection: close\r\n\r\nabc")
    assert answer.startswith(b"HTTP/1.1 405")
