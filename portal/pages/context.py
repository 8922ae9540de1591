"""Template context every page needs: the site's name and its sections for the navigation."""

from django.conf import settings

from portal.content.loading.store import get_library


def site(request) -> dict:
    library = get_library()
    return {
        "site_name": settings.PORTAL_SITE_NAME,
        "nav_sections": library.sections,
        "helpline": library.contact("breast-cancer-now-helpline"),
    }
