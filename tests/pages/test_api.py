"""Every response of every API endpoint is checked against the OpenAPI 3.1 document, and the
document itself against the OpenAPI specification."""

import json
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.urls import resolve
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator import validate

from portal.pages.openapi import OPENAPI
from tests.conftest import REAL_CONTENT, loaded

SPEC = OpenAPI.from_dict(OPENAPI)


def check(client, path: str, query: dict | None = None, **headers):
    """GET path and validate the response (status, content type, headers, body) against
    the document; return the response."""
    response = client.get(path, query or {}, **headers)
    request = MockRequest("http://testserver", "get", urlsplit(path).path, args=query or {})
    SPEC.validate_response(
        request,
        MockResponse(
            response.content,
            status_code=response.status_code,
            headers=dict(response.headers),
            content_type=response.get("Content-Type", "").split(";")[0],
        ),
    )
    return response


def test_the_document_is_valid_openapi_3_1():
    validate(OPENAPI)
    assert OPENAPI["openapi"].startswith("3.1")


def test_a_response_that_breaks_the_document_is_caught():
    request = MockRequest("http://testserver", "get", "/api/topics/")
    wrong = MockResponse(json.dumps({"results": [{"title": "No url"}]}).encode())
    with pytest.raises(Exception, match="(?i)invalid|schema"):
        SPEC.validate_response(request, wrong)


def test_the_document_is_served_as_it_is(client):
    response = check(client, "/api/openapi.json")
    assert response.json() == json.loads(json.dumps(OPENAPI))


@pytest.fixture
def real(real_content):
    return loaded(REAL_CONTENT)


def test_topics_list(client, real):
    response = check(client, "/api/topics/")
    results = response.json()["results"]
    assert [item["url"] for item in results] == [
        topic.url for section in real.sections for topic in section.topics
    ]


def test_every_topic_detail(client, real):
    for topic in real.topics.values():
        response = check(client, f"/api/topics/{topic.section}/{topic.slug}/")
        data = response.json()
        assert data["html"] == topic.html and data["title"] == topic.title
        assert [h["id"] for h in data["headings"]] == [h.id for h in topic.headings]


def test_glossary(client, real):
    results = check(client, "/api/glossary/").json()["results"]
    assert [item["term"] for item in results] == [entry.term for entry in real.glossary]
    hypercalcaemia = next(item for item in results if item["term"] == "hypercalcaemia")
    assert hypercalcaemia["topic"] == "/emergencies/hypercalcaemia/"
    assert hypercalcaemia["url"] == "/glossary/#term-hypercalcaemia"


def test_medicines(client, real):
    results = check(client, "/api/medicines/").json()["results"]
    assert len(results) == len(real.medicines)
    tamoxifen = next(item for item in results if item["name"] == "tamoxifen")
    assert tamoxifen["mentioned_in"][0] == {
        "title": "Hormone therapy",
        "url": "/treatments/hormone-therapy/",
    }


def test_fixture_tree_responses_match_too(client):
    for path in ("/api/topics/", "/api/glossary/", "/api/medicines/", "/api/topics/about/second/"):
        check(client, path)


def test_missing_topic_is_a_described_json_404(client):
    response = check(client, "/api/topics/about/nowhere/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("path", ["/api/", "/api/nothing/", "/api/topics/a/b/c/", "/api/x.json"])
def test_unknown_api_paths_give_json_404_not_html(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    schema = {"$ref": "#/components/schemas/Error", **{"components": OPENAPI["components"]}}
    jsonschema.validate(response.json(), schema, cls=jsonschema.Draft202012Validator)
    assert b"<html" not in response.content


def test_address_without_final_slash_is_redirected(client):
    response = client.get("/api/glossary")
    assert response.status_code == 301 and response["Location"] == "/api/glossary/"


def test_responses_are_cacheable_and_answer_if_none_match(client):
    response = check(client, "/api/glossary/")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    etag = response["ETag"]
    again = check(client, "/api/glossary/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert response.headers.get("Set-Cookie") is None


def test_json_is_utf8_not_escaped(client, content_copy):
    path = content_copy / "glossary.yml"
    path.write_text(path.read_text().replace("Too much calcium", "Too much calcium – café"))
    response = check(client, "/api/glossary/")
    assert "– café".encode() in response.content and b"\\u" not in response.content


def test_api_is_read_only(client):
    assert client.post("/api/glossary/").status_code == 405


# The shape agreed in DESIGN.md.
DESIGN_SEARCH_EXAMPLE = {
    "query": "chemo",
    "suggestion": None,
    "confident": True,
    "results": [
        {
            "title": "Chemotherapy",
            "url": "/treatments/chemotherapy/",
            "section": "treatments",
            "snippet": "Chemotherapy (chemo) uses medicines to kill cancer cells.",
        }
    ],
}


def test_search_schema_matches_the_design_shape():
    schema = {"$ref": "#/components/schemas/SearchResults", "components": OPENAPI["components"]}
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(DESIGN_SEARCH_EXAMPLE)
    assert not validator.is_valid({**DESIGN_SEARCH_EXAMPLE, "suggestion": 3})
    assert not validator.is_valid({"query": "x", "results": []})
    assert not validator.is_valid({**DESIGN_SEARCH_EXAMPLE, "confident": "yes"})
    without_confident = {k: v for k, v in DESIGN_SEARCH_EXAMPLE.items() if k != "confident"}
    assert not validator.is_valid(without_confident)


def search_is_routed() -> bool:
    return resolve("/api/search/").url_name not in {"topic", "section"}


@pytest.mark.skipif(not search_is_routed(), reason="/api/search/ is not in this branch yet")
@pytest.mark.parametrize("query", ["chemo", "high calcium", "zzzz", "", "tesco opening times"])
def test_search_responses_match(client, real_content, query):
    check(client, "/api/search/", {"q": query})
