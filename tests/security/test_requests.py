"""Input the site refuses: other methods, oversized requests, unknown hosts, each with a clear
4xx page, never a 500."""

import pytest

PATHS = ["/", "/about/", "/about/what-it-is/", "/no-such-page/", "/a/b/c/d/", "/api/topics/"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize("path", PATHS)
def test_only_get_and_head_are_allowed_everywhere(client, method, path):
    response = client.generic(method.upper(), path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "This website only shows pages" in response.content.decode()


def test_head_and_get_still_work(client):
    assert client.head("/about/what-it-is/").status_code == 200
    assert client.get("/about/what-it-is/").status_code == 200


def test_unknown_host_gets_a_helpful_400(client):
    response = client.get("/about/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not answer that request" in html
    assert "not be one this website answers to" in html
    assert "attacker.example" not in html


def test_oversized_query_string_gets_414(client):
    response = client.get("/", {"q": "x" * 5000})
    assert response.status_code == 414
    assert "too long" in response.content.decode()


def test_a_full_length_search_is_not_refused(client):
    # The search box takes 200 characters; percent-encoded non-ASCII is up to 9 bytes each.
    response = client.get("/no-such-page/", {"q": "€" * 200})
    assert response.status_code == 404


def test_oversized_path_gets_414(client):
    assert client.get("/" + "a" * 3000 + "/").status_code == 414


def test_oversized_header_gets_431(client):
    response = client.get("/", HTTP_X_PADDING="y" * 5000)
    assert response.status_code == 431
    assert "more information than we accept" in response.content.decode()


def test_many_headers_adding_up_get_431(client):
    headers = {f"HTTP_X_PAD_{n}": "z" * 1000 for n in range(20)}
    assert client.get("/", **headers).status_code == 431
