"""In development only, a page whose file is broken explains why instead of a bare 404.

A page that loads but still fails a check (a broken link, a phone number that is not a link)
gets a notice at the top listing the problems, so the editor sees them while writing.

Production never loads this middleware (MiddlewareNotUsed without DEBUG): readers get the
normal 'page not found' page while every other page keeps working.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.shortcuts import render
from django.template.loader import render_to_string

from portal.content.checks.editor import check_page
from portal.content.loading.loader import SECTION_INDEX
from portal.content.loading.models import Library
from portal.content.loading.problems import Problem
from portal.content.loading.store import get_library
from portal.pages.checks import site_path


def _key(relative: Path) -> tuple[str, ...]:
    """content-relative path as lowercase URL parts: 'about/Pain.MD' -> ('about', 'pain')."""
    parts = [part.lower() for part in relative.parts]
    if parts:
        parts[-1] = parts[-1].split(".")[0]
    return tuple(parts)


def problems_for_path(library: Library, url_path: str) -> list[Problem]:
    """Problems in the file or folder that would have made the page at url_path."""
    parts = [part.lower() for part in url_path.strip("/").split("/") if part]
    if not parts or len(parts) > 3:
        return []
    section = parts[0]
    if len(parts) == 1:
        wanted = {(section,), (section, "_index")}
    else:
        wanted = {(section,), (section, parts[1])}
    found = []
    for problem in library.problems:
        try:
            relative = Path(problem.path).relative_to(library.content_dir)
        except ValueError:
            continue
        if _key(relative) in wanted:
            found.append(problem)
    return found


class ContentErrorMiddleware:
    def __init__(self, get_response):
        if not settings.DEBUG:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        if response.status_code == 200:
            return self._with_notice(request, response)
        if response.status_code != 404:
            return response
        library = get_library()
        problems = problems_for_path(library, request.path)
        if not problems:
            return response
        return render(
            request,
            "preview/content_error.html",
            {"problems": _rows(library, problems), "path": request.path},
            status=404,
        )

    def _with_notice(self, request, response):
        """A page that loads but still fails a check gets a notice at the top, for the editor."""
        match = getattr(request, "resolver_match", None)
        if match is None or "text/html" not in response.get("Content-Type", ""):
            return response
        library = get_library()
        section = library.section(match.kwargs.get("section", ""))
        if section is None:
            return response
        topic = library.topic(section.slug, match.kwargs.get("topic", ""))
        if match.kwargs.get("topic") and topic is None:
            return response
        path = topic.path if topic is not None else section.path / SECTION_INDEX
        problems = [
            problem
            for problem in (*library.problems, *check_page(library, path, site_path))
            if problem.path == path
        ]
        marker = b'<main id="main" tabindex="-1">'
        if not problems or marker not in response.content:
            return response
        notice = render_to_string(
            "preview/content_notice.html",
            {"problems": _rows(library, problems)},
            request=request,
        ).encode(response.charset)
        response.content = response.content.replace(marker, marker + notice, 1)
        return response


def _rows(library: Library, problems: list[Problem]) -> list[dict]:
    return [
        {
            "id": problem.id,
            "file": problem.location(library.content_dir),
            "message": problem.message,
            "hint": problem.hint,
            "error": problem.is_error,
        }
        for problem in problems
    ]
