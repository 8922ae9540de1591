"""Caching headers through Django (portal/pages/cache_headers.py and ConditionalGetMiddleware):
what lets the HTTP cache in front, and a reader's browser, keep pages and revalidate them."""

import hashlib

from django.http import HttpResponse
from django.test import RequestFactory

from portal.pages.cache_headers import PublicCacheMiddleware

PAGE_CACHE_CONTROL = {"public", "max-age=300", "stale-while-revalidate=600", "stale-if-error=86400"}


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_page_has_strong_etag_of_its_bytes_and_public_cache_control(client):
    response = client.get("/about/what-it-is/")
    assert response.status_code == 200
    assert response["ETag"] == '"' + hashlib.md5(response.content).hexdigest() + '"'  # noqa: S324
    assert directives(response) == PAGE_CACHE_CONTROL
    assert not response.cookies


def test_every_kind_of_page_is_marked_for_shared_caches(client):
    for path in ("/", "/about/", "/contacts/", "/search/?q=calcium", "/about/second/print/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "public" in directives(response), path
        assert response.has_header("ETag"), path


def test_etag_is_the_same_on_every_request(client):
    first = client.get("/about/what-it-is/")
    again = client.get("/about/what-it-is/")
    assert first["ETag"] == again["ETag"] and first.content == again.content


def test_matching_if_none_match_gets_304_without_body_but_with_caching_headers(client):
    etag = client.get("/about/what-it-is/")["ETag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        answer = client.get("/about/what-it-is/", headers={"if-none-match": header})
        assert answer.status_code == 304, header
        assert answer.content == b""
        assert answer["ETag"] == etag
        assert directives(answer) == PAGE_CACHE_CONTROL


def test_other_etag_gets_the_full_page(client):
    answer = client.get("/about/what-it-is/", headers={"if-none-match": '"not-this-page"'})
    assert answer.status_code == 200 and b"<h1" in answer.content


def test_changed_content_gets_a_new_etag(client, content_copy):
    from portal.content.loading import store

    before = client.get("/about/second/")
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nA new paragraph.\n")
    store.reset()  # what a release does: a new Library
    after = client.get("/about/second/", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and b"A new paragraph." in after.content
    assert after["ETag"] != before["ETag"]


def test_errors_and_redirects_are_not_marked_cacheable(client):
    missing = client.get("/about/no-such-page/")
    assert missing.status_code == 404 and not missing.has_header("Cache-Control")
    redirect = client.get("/About/")
    assert redirect.status_code in (301, 302) and not redirect.has_header("Cache-Control")


def test_a_refused_post_is_not_marked_cacheable(client):
    answer = client.post("/about/what-it-is/")
    assert answer.status_code == 405
    assert not answer.has_header("Cache-Control") and not answer.has_header("ETag")


def test_a_response_with_its_own_caching_or_a_cookie_is_left_alone():
    request = RequestFactory().get("/")

    def own_rules(request):
        response = HttpResponse("x")
        response["Cache-Control"] = "no-store"
        return response

    def sets_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("csrftoken", "abc")
        return response

    def varies_by_cookie(request):
        response = HttpResponse("x")
        response["Vary"] = "Accept-Encoding, Cookie"
        return response

    assert PublicCacheMiddleware(own_rules)(request)["Cache-Control"] == "no-store"
    assert not PublicCacheMiddleware(sets_cookie)(request).has_header("Cache-Control")
    assert not PublicCacheMiddleware(varies_by_cookie)(request).has_header("Cache-Control")
    assert PublicCacheMiddleware(lambda r: HttpResponse("x"))(request).has_header("Cache-Control")
