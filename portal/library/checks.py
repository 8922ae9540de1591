"""Content problems as Django system checks, so `manage.py check` names each broken file.

Errors are mistakes in a file: `manage.py check` fails on them, so they are caught before
publishing. Warnings are things to act on that are not mistakes in the file (a review that is
due, a reading age above target); `make check` fails on those too (--fail-level WARNING).

The development server (`runserver`) also runs system checks and refuses to start on an Error.
There, content errors are shown as warnings instead: the server must keep serving every other
page, and in DEBUG a broken page explains itself (portal.preview).
"""

import sys

from django.core import checks

from portal.library.editor_checks import check_library
from portal.library.loader import load_library
from portal.library.problems import Problem


def content_problems() -> tuple[object, list[Problem]]:
    """The Library as the files are now, and every problem in it, loader's and editors'."""
    from django.conf import settings

    # A fresh load, not the cached Library: the check must see the files as they are now.
    library = load_library(settings.PORTAL_CONTENT_DIR)
    return library, [*library.problems, *check_library(library)]


def _serving() -> bool:
    return len(sys.argv) > 1 and sys.argv[1] == "runserver"


@checks.register("content")
def content_checks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from django.conf import settings

    try:
        library, problems = content_problems()
    except Exception as error:  # noqa: BLE001 (a check reports; it never crashes `check`)
        return [
            checks.Error(
                f"The content could not be checked ({type(error).__name__}: {error}).",
                hint="Ask a developer and quote this message.",
                obj=str(settings.PORTAL_CONTENT_DIR),
                id="content.E013",
            )
        ]
    messages = []
    for problem in problems:
        level = checks.Error if problem.is_error and not _serving() else checks.Warning
        messages.append(
            level(
                problem.message,
                hint=problem.hint or None,
                obj=problem.location(library.content_dir),
                id=problem.id,
            )
        )
    return messages
