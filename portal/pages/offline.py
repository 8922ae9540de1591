"""Offline reading: the service worker's script, the site-wide list of page versions, and the
page a reader sees offline when a page is not saved.

The list of versions is built from the Content and is the same for every reader, so it can be
cached anywhere; each device compares its saved copies with it. Nothing a reader saved is ever
sent: saving, listing and comparing happen in the browser (static/js/offline.js, sw.js).
"""

import hashlib
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.pages import api

VERSIONS_PATH = "/offline/versions.json"
OFFLINE_PATH = "/offline/"
CARD_PATH = "/print/emergency-card/"
CONTACTS_PATH = "/contacts/"
# What every offline page needs to look right. Hashed names after collectstatic, via static().
ASSETS = ("css/site.css", "js/display.js", "js/offline.js", "js/glossary.js", "js/print.js")


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dated(page, version: str) -> dict:
    entry = {"title": page.title, "version": version}
    if page.updated is not None:
        entry["updated"] = page.updated.isoformat()
        entry["next_review"] = page.next_review.isoformat()
    return entry


def _build(library) -> dict:
    pages: dict[str, dict] = {}
    for section in library.sections:
        listed = [(topic.url, topic.title, topic.summary) for topic in section.topics]
        pages[section.url] = _dated(
            section,
            _digest(section.title, section.summary, section.intro_html, section.updated, listed),
        )
        for topic in section.topics:
            pages[topic.url] = _dated(
                topic,
                _digest(topic.title, topic.summary, topic.html, topic.updated, topic.next_review),
            )
    pages[CONTACTS_PATH] = {
        "title": "Helplines and contacts",
        "version": _digest(library.contacts),
    }
    emergencies = library.section("emergencies")
    pages[CARD_PATH] = {
        "title": "My emergency card",
        "version": _digest(emergencies.intro_html if emergencies else "", library.contacts),
    }
    essential = [OFFLINE_PATH, CONTACTS_PATH, CARD_PATH]
    if emergencies is not None:
        essential[1:1] = [emergencies.url, *(topic.url for topic in emergencies.topics)]
    return {"pages": pages, "essential": essential}


# One list per loaded Content: rebuilt only when a release or an edit loads a new one.
_built: tuple[object, dict] | None = None


def page_versions() -> dict:
    global _built
    library = get_library()
    if _built is None or _built[0] is not library:
        _built = (library, _build(library))
    return _built[1]


@require_safe
def versions(request):
    """{"pages": {path: {title, version, updated?, next_review?}}, "essential": [path],
    "assets": [static url]}: identical for every reader."""
    payload = {**page_versions(), "assets": [static(name) for name in ASSETS]}
    return api.json_response(request, payload)


@lru_cache(maxsize=1)
def _worker_source() -> bytes:
    # From the source tree rather than STATIC_ROOT: the worker must keep one fixed address
    # (/sw.js, so its scope is the whole site), never a hashed name that changes each release.
    path = finders.find("js/sw.js")
    with open(path, "rb") as file:
        return file.read()


@require_safe
def service_worker(request):
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    # Browsers compare the worker byte for byte on every visit; never serve a stale copy.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request):
    library = get_library()
    emergencies = library.section("emergencies")
    return render(request, "pages/offline.html", {"emergencies": emergencies})
