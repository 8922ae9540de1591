"""Read-only JSON about the content, in the shapes DESIGN.md promises to other people."""

from django.views.decorators.http import require_safe

from portal.library.store import get_library
from portal.pages.safe_json import json_response


def topic_summary(topic) -> dict:
    return {
        "title": topic.title,
        "url": topic.url,
        "section": topic.section,
        "summary": topic.summary,
        "reviewed": topic.reviewed.isoformat(),
        "next_review": topic.next_review.isoformat(),
    }


@require_safe
def topics(request):
    library = get_library()
    results = [topic_summary(topic) for section in library.sections for topic in section.topics]
    return json_response({"results": results})
