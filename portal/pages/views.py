"""Thin views: look a slug up in the Library, render a template, or give the helpful 404."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.pages import api

# A page needs a contents list once it has this many main headings.
CONTENTS_MIN_HEADINGS = 3


@require_safe
def home(request):
    library = get_library()
    return render(
        request,
        "pages/home.html",
        {"sections": library.sections, "emergencies": library.section("emergencies")},
    )


@require_safe
def section(request, section):
    library = get_library()
    found = library.section(section)
    if found is None:
        if section != section.lower() and library.section(section.lower()):
            return HttpResponseRedirect(f"/{section.lower()}/")
        raise Http404("No such section")
    return render(request, "pages/section.html", {"section": found})


def lookup_topic(library, section: str, topic: str, suffix: str = ""):
    """The topic these slugs name, or a redirect when only their case is wrong (a typed or
    spoken address), or Http404. `suffix` keeps a sub-page such as "print/" on the redirect."""
    found = library.topic(section, topic)
    if found is not None:
        return found
    lower = library.topic(section.lower(), topic.lower())
    if lower is not None:
        return HttpResponseRedirect(lower.url + suffix)
    raise Http404("No such topic")


@require_safe
def topic(request, section, topic):
    library = get_library()
    found = lookup_topic(library, section, topic)
    if isinstance(found, HttpResponseRedirect):
        return found
    contents = [heading for heading in found.headings if heading.level == 2]
    return render(
        request,
        "pages/topic.html",
        {
            "topic": found,
            "section": library.section(found.section),
            "related": library.related(found),
            "contents": contents if len(contents) >= CONTENTS_MIN_HEADINGS else [],
        },
    )


@require_safe
def contacts(request):
    return render(request, "pages/contacts.html", {"contacts": get_library().contacts})


@require_safe
def about_information(request):
    """How pages are written and checked; the publisher's name only as the operator sets it."""
    return render(request, "pages/about_information.html", {"publisher": settings.PORTAL_PUBLISHER})


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return api.not_found(request)  # API clients get JSON, never an HTML page
    library = get_library()
    return render(
        request,
        "404.html",
        {"sections": library.sections, "emergencies": library.section("emergencies")},
        status=404,
    )


def server_error(request):
    # No context processors: whatever failed must not be able to fail again here.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
