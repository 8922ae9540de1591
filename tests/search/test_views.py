"""/search/ and /api/search/: what people see, the JSON shape, and hostile input."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.utils.html import escape

from portal.search.query import cut
from portal.security.middleware import MAX_QUERY_STRING_BYTES
from tests.search.test_query import HOSTILE

NASTY = [
    *HOSTILE,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE pages; --",
    "chemo</mark><script>",
    "%00%3Cscript%3E",
]


def html_of(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_search_page_offers_common_searches_emergencies_and_sections(client):
    html = html_of(client, {})
    assert "<h1>Search</h1>" in html
    assert "Common searches" in html and 'href="/search/?q=high%20calcium"' in html
    assert 'href="/emergencies/high-calcium/"' in html
    assert 'href="/about/"' in html
    # One page, worth finding: indexable, with its canonical address.
    assert 'name="robots"' not in html
    assert '<link rel="canonical" href="http://testserver/search/">' in html


def test_results_pages_are_kept_out_of_search_engines(client):
    # A page per query, without end: noindex, and no canonical link to contradict it.
    for params in ({"q": "lymph"}, {"q": "zzzzqqq"}):
        html = html_of(client, params)
        assert '<meta name="robots" content="noindex">' in html
        assert 'rel="canonical"' not in html


def test_results_show_count_title_section_and_marked_snippet(client):
    html = html_of(client, {"q": "mets lymph"})
    assert "<strong>1</strong> page found" in html
    assert '<a href="/about/what-it-is/">What it is</a>' in html
    assert 'class="search-result__section">About' in html
    assert "<mark>lymph</mark>" in html
    assert 'value="mets lymph"' in html  # the header search box keeps the words


def test_emergency_results_are_labelled_in_words(client):
    html = html_of(client, {"q": "hypercalcaemia"})
    assert '<strong class="search-result__flag">Emergency</strong>' in html


def test_no_results_page_is_never_a_dead_end(client):
    html = html_of(client, {"q": "qwxzv"})
    assert "No pages found for ‘qwxzv’" in html
    assert 'href="/emergencies/"' in html and 'href="/emergencies/high-calcium/"' in html
    assert 'href="tel:08088006000"' in html  # helpline
    assert 'href="/about/"' in html  # sections
    assert 'id="page-search"' in html  # search again


def test_correction_is_said_and_search_instead_does_not_loop(client, real_content):
    html = html_of(client, {"q": "trastuzamab"})
    assert "Showing results for <strong>trastuzumab</strong>" in html
    assert 'href="/search/?q=trastuzamab&amp;exact=1">trastuzamab</a>' in html
    exact = html_of(client, {"q": "trastuzamab", "exact": "1"})
    assert "Showing results for" not in exact
    assert "trastuzamab" in exact and "Showing results" not in exact


def test_long_input_is_cut_with_a_note(client):
    # 3,200 characters: longer than any search, short enough for the request limits.
    html = html_of(client, {"q": "calcium " * 400})
    assert "first 200 characters" in html
    assert "calcium " * 30 not in html


def test_input_beyond_the_request_limit_gets_a_helpful_refusal(client):
    response = client.get("/search/", {"q": "calcium " * 2000})
    assert response.status_code == 414
    assert "Try a shorter search" in response.content.decode()


def test_api_shape(client, real_content):
    response = client.get("/api/search/", {"q": "herceptin"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "suggestion", "confident", "results"}
    assert data["query"] == "herceptin" and data["suggestion"] is None
    assert data["confident"] is True
    first = data["results"][0]
    assert set(first) == {"title", "url", "section", "snippet"}
    assert first["url"] == "/treatments/targeted-therapy/"
    assert first["section"] == "treatments" and first["title"] == "Targeted therapy"


def test_api_gives_the_suggestion(client, real_content):
    data = client.get("/api/search/", {"q": "chemotheraphy"}).json()
    assert data["suggestion"] == "chemotherapy"
    assert data["results"][0]["url"] == "/treatments/chemotherapy/"


def test_api_empty_query(client):
    assert client.get("/api/search/").json() == {
        "query": "",
        "suggestion": None,
        "confident": False,
        "results": [],
    }


def test_api_says_when_the_site_does_not_cover_a_query(client, real_content):
    data = client.get("/api/search/", {"q": "prostate cancer psa"}).json()
    assert data["confident"] is False


def test_a_query_the_site_does_not_cover_is_answered_honestly(client, real_content):
    html = html_of(client, {"q": "tesco opening times"})
    assert "We do not have information about ‘tesco opening times’" in html
    assert 'href="tel:08088006000">0808 800 6000</a>' in html
    assert "The closest pages we have" in html
    assert "pages found for" not in html  # no count dressing up weak matches
    assert "<mark>" not in html  # nor words marked as if they matched


def test_a_covered_query_is_not_doubted(client, real_content):
    html = html_of(client, {"q": "high calcium"})
    assert "We do not have information" not in html
    assert "found for ‘high calcium’" in html


def test_search_is_read_only(client):
    assert client.post("/search/", {"q": "x"}).status_code == 405
    assert client.post("/api/search/", {"q": "x"}).status_code == 405


def beyond_request_limit(text: str) -> bool:
    return len(urlencode({"q": text})) > MAX_QUERY_STRING_BYTES


@pytest.mark.parametrize("text", NASTY)
def test_hostile_input_never_fails_and_is_never_reflected_unescaped(client, text):
    if beyond_request_limit(text):
        # Longer than any real search: refused with a helpful page before search runs.
        for url in ("/search/", "/api/search/"):
            response = client.get(url, {"q": text})
            assert response.status_code == 414
            assert text[:50] not in response.content.decode()
        return
    html = html_of(client, {"q": text})
    # The page's own scripts are static files or JSON-LD data, and it has no <img>: any other
    # script or image here would be the input reflected.
    assert not re.search(r"<script(?![^>]*(?:\ssrc=|application/ld\+json))", html)
    assert "<img" not in html and "\x00" not in html
    if any(char in text for char in "<>"):
        assert text[:200] not in html
    query, _ = cut(text)
    assert f'value="{escape(query)}"' in html  # the search box shows it, escaped
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert len(data["query"]) <= 200
    for result in data["results"]:
        snippet = result["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in snippet and ">" not in snippet


def test_hostile_input_with_real_content(client, real_content):
    for text in NASTY:
        expected = 414 if beyond_request_limit(text) else 200
        assert client.get("/search/", {"q": text}).status_code == expected
        assert client.get("/api/search/", {"q": text}).status_code == expected


def test_emergency_first_result_brings_the_call_now_banner(client, real_content):
    html = html_of(client, {"q": "back pain and numb legs"})
    assert html.index("emergency-banner") < html.index('class="search-results"')
    assert "emergency-banner" not in html_of(client, {"q": "constipation"})
