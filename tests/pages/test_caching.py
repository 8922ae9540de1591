"""The whole-page cache (portal/http_cache.py), driven through the real Django stack.

Every behaviour is checked through both adapters: ASGI (what gunicorn's uvicorn workers run)
and WSGI, which share one PageStore.
"""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler

from portal.content.loading import store
from portal.http_cache import (
    DEFAULT_CACHE_CONTROL,
    AsgiPageCache,
    PageCache,
    etag_matches,
    make_etag,
)
from tests.asgi_client import asgi_call


class Counting:
    """The Django application, counting how often the cache had to ask it."""

    def __init__(self, app):
        self.app = app
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


class AsyncCounting(Counting):
    async def __call__(self, scope, receive, send):
        self.calls += 1
        await self.app(scope, receive, send)


def call(app, path="/", method="GET", query="", **headers):
    """One request; headers as keyword arguments (if_none_match=...), as WSGI names them."""
    if isinstance(app, AsgiPageCache):
        return asgi_call(app, path, method, query, headers)
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    environ["wsgi.input"] = io.BytesIO(b"")
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    result = app(environ, start_response)
    try:
        answer["body"] = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer


@pytest.fixture(params=["asgi", "wsgi"])
def protocol(request):
    return request.param


@pytest.fixture
def django_app(protocol):
    return AsyncCounting(ASGIHandler()) if protocol == "asgi" else Counting(WSGIHandler())


@pytest.fixture
def make_cache(protocol):
    return AsgiPageCache if protocol == "asgi" else PageCache


@pytest.fixture
def cache(make_cache, django_app):
    return make_cache(django_app)


def test_page_has_strong_etag_of_its_bytes_and_cdn_cache_control(cache):
    answer = call(cache, "/about/what-it-is/")
    assert answer["status"] == 200
    assert answer["headers"]["etag"] == make_etag(answer["body"])
    assert answer["headers"]["etag"].startswith('"') and answer["headers"]["etag"].endswith('"')
    assert answer["headers"]["cache-control"] == DEFAULT_CACHE_CONTROL
    assert "public" in DEFAULT_CACHE_CONTROL and "max-age=300" in DEFAULT_CACHE_CONTROL
    assert int(answer["headers"]["content-length"]) == len(answer["body"])


def test_etag_is_stable_across_requests_and_processes(make_cache, django_app):
    first = call(make_cache(django_app), "/about/what-it-is/")
    again = call(make_cache(django_app), "/about/what-it-is/")
    assert first["headers"]["etag"] == again["headers"]["etag"]
    assert first["body"] == again["body"]


def test_second_request_is_served_from_cache_with_the_same_headers(cache, django_app):
    first = call(cache, "/about/what-it-is/")
    second = call(cache, "/about/what-it-is/")
    assert django_app.calls == 1
    assert second == first
    # Django's security headers were recorded with the page and are replayed with it.
    assert second["headers"]["x-content-type-options"] == "nosniff"
    assert len(cache) == 1 and cache.size == len(first["body"])


def test_matching_if_none_match_gets_304_without_body(cache):
    etag = call(cache, "/about/what-it-is/")["headers"]["etag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        answer = call(cache, "/about/what-it-is/", if_none_match=header)
        assert answer["status"] == 304, header
        assert answer["body"] == b""
        assert answer["headers"]["etag"] == etag
        assert answer["headers"]["cache-control"] == DEFAULT_CACHE_CONTROL
        assert "content-type" not in answer["headers"]


def test_if_none_match_on_first_request_is_answered_too(make_cache, cache, django_app):
    etag = call(make_cache(django_app), "/about/second/")["headers"]["etag"]
    assert call(cache, "/about/second/", if_none_match=etag)["status"] == 304


def test_other_etag_gets_the_full_page(cache):
    answer = call(cache, "/about/what-it-is/", if_none_match='"not-this-page"')
    assert answer["status"] == 200 and b"<h1>" in answer["body"]


def test_etag_comparison_rules():
    assert etag_matches('"a"', '"a"')
    assert etag_matches('W/"a"', '"a"')
    assert etag_matches('"b", W/"a"', '"a"')
    assert not etag_matches('"b"', '"a"')
    assert not etag_matches('"ab"', '"a"')


def test_query_strings_are_separate_pages(cache, django_app):
    # A page, not the API: API responses carry their own Cache-Control and ETag.
    call(cache, "/about/what-it-is/", query="a=1")
    call(cache, "/about/what-it-is/", query="a=2")
    call(cache, "/about/what-it-is/", query="a=1")
    assert django_app.calls == 2
    assert len(cache) == 2


def test_library_reload_empties_the_cache(content_copy, cache, django_app):
    before = call(cache, "/about/second/")
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nA new paragraph.\n")
    assert call(cache, "/about/second/") == before  # same Library: still the cached bytes
    store.reset()  # what a reload does: a new Library object
    after = call(cache, "/about/second/")
    assert django_app.calls == 2
    assert b"A new paragraph." in after["body"]
    assert after["headers"]["etag"] != before["headers"]["etag"]
    assert call(cache, "/about/second/", if_none_match=before["headers"]["etag"])["status"] == 200


def test_not_found_is_not_cached(cache, django_app):
    for _ in range(2):
        answer = call(cache, "/about/no-such-page/")
        assert answer["status"] == 404
        assert "etag" not in answer["headers"]
        assert "cache-control" not in answer["headers"]
    assert django_app.calls == 2 and len(cache) == 0


def test_redirect_is_not_cached(cache, django_app):
    assert call(cache, "/About/")["status"] == 302
    assert call(cache, "/About/")["status"] == 302
    assert django_app.calls == 2 and len(cache) == 0


def test_post_is_never_cached_nor_answered_from_cache(cache, django_app):
    call(cache, "/about/what-it-is/")
    answer = call(cache, "/about/what-it-is/", method="POST")
    assert answer["status"] == 405
    assert django_app.calls == 2 and len(cache) == 1


def test_head_is_answered_from_cache_without_body_but_never_fills_it(cache, django_app):
    call(cache, "/about/second/", method="HEAD")
    assert len(cache) == 0
    page = call(cache, "/about/second/")
    head = call(cache, "/about/second/", method="HEAD")
    assert django_app.calls == 2
    assert head["status"] == 200 and head["body"] == b""
    assert head["headers"]["content-length"] == str(len(page["body"]))


# whitenoise hands Django a synchronous file iterator; portal/asgi.py silences the same warning.
@pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators")
def test_static_files_and_credentials_pass_through(cache, django_app):
    call(cache, "/static/css/site.css")
    call(cache, "/about/second/", authorization="Basic eDp5")
    assert len(cache) == 0 and django_app.calls == 2


def test_nothing_is_cached_in_development(settings, cache, django_app):
    settings.DEBUG = True
    call(cache, "/about/second/")
    call(cache, "/about/second/")
    assert django_app.calls == 2 and len(cache) == 0


def test_memory_is_bounded_least_recently_used_first(make_cache, django_app):
    page = call(make_cache(django_app), "/about/second/")["body"]
    cache = make_cache(django_app, max_bytes=len(page) * 2 + 10)
    for path in ("/about/second/", "/about/what-it-is/", "/", "/about/second/", "/about/"):
        call(cache, path)
        assert cache.size <= cache.max_bytes
    assert len(cache) <= 2
    calls = django_app.calls
    call(cache, "/about/")  # most recent: still there
    assert django_app.calls == calls


def fixed_app(protocol):
    """An application answering 200 HTML with one extra header named by the path."""

    def headers(path):
        return [("Content-Type", "text/html"), (path[1:], "x")]

    def wsgi(environ, start_response):
        start_response("200 OK", headers(environ["PATH_INFO"]))
        return [b"<p>hello</p>"]

    async def asgi(scope, receive, send):
        encoded = [(n.lower().encode(), v.encode()) for n, v in headers(scope["path"])]
        await send({"type": "http.response.start", "status": 200, "headers": encoded})
        await send({"type": "http.response.body", "body": b"<p>hello</p>"})

    return asgi if protocol == "asgi" else wsgi


def test_responses_that_set_cookies_or_their_own_caching_are_not_kept(protocol, make_cache):
    cache = make_cache(fixed_app(protocol))
    for header in ("Set-Cookie", "Cache-Control", "Vary"):
        answer = call(cache, f"/{header}")
        assert answer["body"] == b"<p>hello</p>" and "etag" not in answer["headers"]
    assert len(cache) == 0
    assert call(cache, "/X-Other")["headers"]["etag"] == make_etag(b"<p>hello</p>")
    assert len(cache) == 1
