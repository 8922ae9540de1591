"""Content problems as Django system checks, so `manage.py check` names each broken file."""

from django.core import checks

from portal.library.loader import load_library


@checks.register("content")
def content_checks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from django.conf import settings

    # A fresh load, not the cached Library: the check must see the files as they are now.
    library = load_library(settings.PORTAL_CONTENT_DIR)
    messages = []
    for problem in library.problems:
        level = checks.Error if problem.is_error else checks.Warning
        messages.append(
            level(
                problem.message,
                hint=problem.hint or None,
                obj=problem.location(library.content_dir),
                id=problem.id,
            )
        )
    return messages
