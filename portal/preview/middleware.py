"""In development only, a page whose file is broken explains why instead of a bare 404.

Production never loads this middleware (MiddlewareNotUsed without DEBUG): readers get the
normal 'page not found' page while every other page keeps working.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.shortcuts import render

from portal.library.models import Library
from portal.library.problems import Problem
from portal.library.store import get_library


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
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        library = get_library()
        problems = problems_for_path(library, request.path)
        if not problems:
            return response
        rows = [
            {
                "id": problem.id,
                "file": problem.location(library.content_dir),
                "message": problem.message,
                "hint": problem.hint,
                "error": problem.is_error,
            }
            for problem in problems
        ]
        return render(
            request,
            "preview/content_error.html",
            {"problems": rows, "path": request.path},
            status=404,
        )
