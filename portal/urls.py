"""Top-level URLs. Fixed paths first; the catch-all section/topic paths (pages) come last."""

from django.conf import settings
from django.urls import include, path

from portal.pages import recent_changes
from portal.security.views import security_txt

urlpatterns = [
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("", include("portal.feedback.urls")),
    path("", include("portal.search.urls")),
    path("recent-changes/", recent_changes.recent_changes, name="recent-changes"),
    path("recent-changes/feed/", recent_changes.RecentChangesFeed(), name="recent-changes-feed"),
    path("", include("portal.pages.reference_urls")),
    path("", include("portal.pages.urls")),
]

# Live preview (development only): before the catch-all paths, which would take "__reload__".
if "django_browser_reload" in settings.INSTALLED_APPS:
    urlpatterns.insert(0, path("__reload__/", include("django_browser_reload.urls")))

# The editors' desk exists only on the desk's own host (PORTAL_DESK=1): anywhere else /desk/
# is an ordinary 404, and nothing of it (sessions, sign-in, cookies) is loaded.
if settings.PORTAL_DESK:
    urlpatterns.insert(0, path("desk/", include("portal.desk.urls")))

handler404 = "portal.pages.views.not_found"
handler500 = "portal.pages.views.server_error"
