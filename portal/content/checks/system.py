"""Content problems as Django system-check messages, so `manage.py check` names each broken file.

Errors are mistakes in a file: `manage.py check` fails on them, so they are caught before
publishing. Warnings are things to act on that are not mistakes in the file (a review that is
due, a reading age above target, a glossary gap); `make check` fails on those too
(--fail-level WARNING).

The development server (`runserver`) also runs system checks and refuses to start on an Error.
There, content errors are shown as warnings instead (`serving`): the server must keep serving
every other page, and in DEBUG a broken page explains itself (portal.preview).

The content is loaded once here and every check reads that one Library. The checks are
registered by the pages app (portal/pages/checks.py), which knows the site's web addresses.
"""

from pathlib import Path

from django.core import checks

from portal.content.checks.editor import check_library
from portal.content.checks.glossary import glossary_messages
from portal.content.checks.links import SitePath
from portal.content.loading.loader import load_library
from portal.content.rendering.markdown import remembering_renders


def content_messages(
    content_dir: Path, site: SitePath, serving: bool = False
) -> list[checks.CheckMessage]:
    """Every problem in the content folder as it is now: the loader's, the editors' checks'
    and the glossary's. Never raises: a check reports, it never crashes `check`."""
    try:
        # A fresh load, not the process's Library: the check must see the files as they are now.
        # The editor checks read every page again; each is converted only once.
        with remembering_renders():
            library = load_library(content_dir)
            problems = [*library.problems, *check_library(library, site)]
        glossary = list(glossary_messages(library))
    except Exception as error:  # noqa: BLE001 (a check reports; it never crashes `check`)
        return [
            checks.Error(
                f"The content could not be checked ({type(error).__name__}: {error}).",
                hint="Ask a developer and quote this message.",
                obj=str(content_dir),
                id="content.E013",
            )
        ]
    messages = []
    for problem in problems:
        level = checks.Error if problem.is_error and not serving else checks.Warning
        messages.append(
            level(
                problem.message,
                hint=problem.hint or None,
                obj=problem.location(library.content_dir),
                id=problem.id,
            )
        )
    return messages + glossary
