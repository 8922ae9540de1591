"""Registers the content checks with Django, handing them what only the HTTP side knows:
which web addresses the site answers (from the URL configuration), so the content package
itself stays free of HTTP; and the deploy check that "About our information" names the real
publisher (set, never made up)."""

import sys
from collections.abc import Mapping

from django.conf import settings
from django.core import checks
from django.urls import Resolver404, resolve

from portal.content.checks.system import content_messages


def site_path(path: str) -> Mapping[str, str] | None:
    """The named parts of the page at this path ({} for the portal's own pages), or None."""
    try:
        return resolve(path).kwargs
    except Resolver404:
        return None


def _serving() -> bool:
    return len(sys.argv) > 1 and sys.argv[1] == "runserver"


@checks.register("content")
def content_checks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return content_messages(settings.PORTAL_CONTENT_DIR, site_path, serving=_serving())


@checks.register(checks.Tags.security, deploy=True)
def publisher_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.PORTAL_PUBLISHER:
        return []
    return [
        checks.Warning(
            "PORTAL_PUBLISHER is not set, so 'About our information' does not say who "
            "publishes this site. Readers judging whether to trust a health page look for that.",
            hint="Set PORTAL_PUBLISHER to your organisation's name, as readers know it.",
            id="portal_pages.W001",
        )
    ]
