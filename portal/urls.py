"""Top-level URLs. Fixed paths first; the catch-all section/topic paths (pages) come last."""

from django.conf import settings
from django.urls import include, path

from portal.security.views import security_txt

urlpatterns = [
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("", include("portal.feedback.urls")),
    path("", include("portal.search.urls")),
    path("", include("portal.pages.reference_urls")),
    path("", include("portal.pages.urls")),
]

# Live preview (development only): before the catch-all paths, which would take "__reload__".
if "django_browser_reload" in settings.INSTALLED_APPS:
    urlpatterns.insert(0, path("__reload__/", include("django_browser_reload.urls")))

handler404 = "portal.pages.views.not_found"
handler500 = "portal.pages.views.server_error"
