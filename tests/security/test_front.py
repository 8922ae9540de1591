"""The production front (deploy/nginx.conf) in front of real gunicorn, as `make front` runs it:
what it caches and what it never caches, the limits it answers itself, and its access log.
Slow clients take seconds each and are shown by `make soak` instead.

Needs Debian's nginx: in CI a missing nginx fails the run; elsewhere these tests are skipped."""

import os
import shutil
import socket
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import FIXTURE_CONTENT
from tests.security.gunicorn_server import free_port

PAGE = "/about/what-it-is/"
SECRET = "frontsecretterm"


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    if shutil.which("nginx") is None:
        message = "nginx is not installed: apt-get install nginx"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from deploy.front import Front

    log = tmp_path_factory.mktemp("front") / "gunicorn.log"
    stack = Front(
        free_port(),
        free_port(),
        env={"PORTAL_CONTENT_DIR": str(FIXTURE_CONTENT), "WEB_CONCURRENCY": "1"},
        log_to=log,
    )
    stack.start()
    try:
        yield stack, log
    finally:
        stack.stop()


def fetch(url: str, method: str = "GET", data: bytes | None = None, **headers: str):
    request = urllib.request.Request(url, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(request)
        except OSError:
            pass
        try:
            return sock.recv(200)
        except OSError:
            return b""


def test_a_page_is_cached_and_revalidated_by_the_front(front):
    stack, _ = front
    fetch(stack.url + PAGE)
    status, headers, body = fetch(stack.url + PAGE)
    assert status == 200 and headers["X-Cache-Status"] == "HIT"
    assert "public" in headers["Cache-Control"]
    status, headers, body = fetch(stack.url + PAGE, **{"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_search_is_never_written_to_the_cache(front):
    stack, _ = front
    for path in ("/search/", "/search/", "/api/search/", "/api/search/"):
        status, headers, _ = fetch(stack.url + f"{path}?q={SECRET}")
        assert status == 200 and headers["X-Cache-Status"] == "BYPASS", path
    cached = [p.read_bytes() for p in (stack.root / "cache").rglob("*") if p.is_file()]
    assert cached and not any(SECRET.encode() in data for data in cached)


def test_a_post_is_passed_to_django_every_time_and_never_cached(front):
    stack, log = front
    before = log.read_text().count('"POST /about/')
    for _ in range(2):
        status, headers, _ = fetch(stack.url + "/about/", method="POST", data=b"a=b")
        assert status == 405 and headers["X-Cache-Status"] is None  # not a cache matter
    deadline = time.monotonic() + 5  # gunicorn logs a request just after answering it
    while log.read_text().count('"POST /about/') < before + 2:
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def test_oversized_requests_are_answered_by_nginx_and_never_reach_gunicorn(front):
    stack, log = front
    before = log.read_text()
    port = stack.nginx_port
    host = b"Host: 127.0.0.1\r\n"
    big_header = b"GET /big-header/ HTTP/1.1\r\n" + host + b"X-A: " + b"a" * 9000 + b"\r\n\r\n"
    assert raw(port, big_header).startswith(b"HTTP/1.1 400")
    long_line = b"GET /long/?q=" + b"a" * 9000 + b" HTTP/1.1\r\n" + host + b"\r\n"
    assert raw(port, long_line).startswith(b"HTTP/1.1 414")
    body = b"POST /feedback/ HTTP/1.1\r\n" + host + b"Content-Length: 20000\r\n\r\n"
    assert raw(port, body + b"a" * 20000).startswith(b"HTTP/1.1 413")
    after = log.read_text()[len(before) :]
    assert "/big-header/" not in after and "/long/" not in after and "/feedback/" not in after


def test_many_headers_stop_at_nginx(front):
    stack, log = front
    many = b"".join(b"X-%d: 1\r\n" % n for n in range(300))
    answer = raw(
        stack.nginx_port,
        b"GET /about/second/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"Connection: close\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 200")


def test_the_access_log_has_no_query_and_no_address(front):
    stack, _ = front
    fetch(stack.url + f"/about/?q={SECRET}")
    deadline = time.monotonic() + 10  # nginx writes its log in blocks, at least every 5 s
    while '"GET /about/ HTTP/1.1" 200' not in (written := stack.access_log.read_text()):
        assert time.monotonic() < deadline, written
        time.sleep(0.2)
    assert SECRET not in written and "127.0.0.1" not in written
