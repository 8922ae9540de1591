"""Read-only JSON about the content, in the shapes DESIGN.md promises to other people.

Every response is public and cacheable (Cache-Control and an ETag, answered with 304 when the
client already has it), UTF-8 without \\u escapes, and described in portal/pages/openapi.py.
"""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.pages import safe_json
from portal.pages.openapi import OPENAPI

# Content changes only when editors publish, so a few minutes of caching is safe and lets an
# HTTP cache in front answer most requests.
MAX_AGE = 300


def json_response(request, payload: dict, status: int = 200) -> HttpResponse:
    response = safe_json.json_response(payload, status=status)
    if status != 200:
        patch_cache_control(response, no_store=True)
        return response
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def not_found(request, exception=None):
    """JSON 404 for any /api/ address; a known address missing its final slash is redirected."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return json_response(
        request,
        {
            "error": "not_found",
            "message": "There is nothing at this address. The API is described at "
            "/api/openapi.json.",
        },
        status=404,
    )


def topic_summary(topic) -> dict:
    return {
        "title": topic.title,
        "url": topic.url,
        "section": topic.section,
        "summary": topic.summary,
        "updated": topic.updated.isoformat(),
        "next_review": topic.next_review.isoformat(),
        "clinical_signoff": signoff(topic),
    }


def signoff(topic) -> dict | None:
    """The sign-off that covers the text as it is now, or None (never an older one)."""
    if not topic.review.signed_off:
        return None
    return {"role": topic.clinical_signoff.role, "date": topic.clinical_signoff.date.isoformat()}


def source(item) -> dict:
    found = {"title": item.title, "publisher": item.publisher, "year": item.year}
    found.update({key: getattr(item, key) for key in ("ref", "url") if getattr(item, key)})
    return found


@require_safe
def topics(request):
    library = get_library()
    results = [topic_summary(topic) for section in library.sections for topic in section.topics]
    return json_response(request, {"results": results})


@require_safe
def topic_detail(request, section, topic):
    found = get_library().topic(section, topic)
    if found is None:
        return not_found(request)
    return json_response(
        request,
        {
            **topic_summary(found),
            "html": found.html,
            "sources": [source(item) for item in found.sources],
            "changes": [
                {"date": change.date.isoformat(), "note": change.note} for change in found.changes
            ],
            "headings": [
                {"level": heading.level, "id": heading.id, "text": heading.text}
                for heading in found.headings
            ],
        },
    )


@require_safe
def glossary(request):
    library = get_library()
    results = [
        {
            "term": entry.term,
            "definition": entry.definition,
            "other_forms": list(entry.other_forms),
            "url": entry.url,
            "topic": library.topics[entry.topic].url if entry.topic in library.topics else None,
        }
        for entry in library.glossary
    ]
    return json_response(request, {"results": results})


@require_safe
def medicines(request):
    library = get_library()
    results = [
        {
            "name": medicine.name,
            "brands": list(medicine.brands),
            "group": medicine.group,
            "used_for": medicine.used_for,
            "url": f"/medicines/#{medicine.anchor}",
            "mentioned_in": [
                {"title": library.topics[key].title, "url": library.topics[key].url}
                for key in medicine.mentioned_in
            ],
        }
        for medicine in library.medicines
    ]
    return json_response(request, {"results": results})


@require_safe
def openapi(request):
    return json_response(request, OPENAPI)
