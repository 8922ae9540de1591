"""Thin search views: read ?q=, ask the search service, render HTML or JSON."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.pages.safe_json import json_response
from portal.search import query as q
from portal.search.service import search

# Shown on the empty search page: the kind of words that work, in patients' own words.
EXAMPLE_SEARCHES = (
    "chemo",
    "tired all the time",
    "feeling sick",
    "high calcium",
    "herceptin",
    "back pain",
    "money and benefits",
    "hospice",
)


def _params(request) -> tuple[str, bool]:
    return request.GET.get("q", ""), request.GET.get("exact") == "1"


@require_safe
def search_page(request):
    text, exact = _params(request)
    response = search(text, exact=exact)
    library = get_library()
    return render(
        request,
        "search/search.html",
        {
            "query": response.query,
            "response": response,
            "max_length": q.MAX_QUERY_LENGTH,
            "examples": EXAMPLE_SEARCHES,
            "sections": library.sections,
            "emergencies": library.section("emergencies"),
        },
    )


@require_safe
def search_api(request):
    text, exact = _params(request)
    response = search(text, exact=exact)
    return json_response(
        {
            "query": response.query,
            "suggestion": response.suggestion,
            "confident": response.confident,
            "results": [result.as_json() for result in response.results],
        }
    )
