"""Deploy check: "About our information" must name the real publisher, so it is set, not made up."""

from django.conf import settings
from django.core import checks


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
