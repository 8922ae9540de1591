"""Top-level URLs. Fixed paths first; the catch-all section/topic paths (pages) come last."""

from django.urls import include, path

from portal.security.views import security_txt

urlpatterns = [
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("", include("portal.search.urls")),
    path("", include("portal.pages.urls")),
]

handler404 = "portal.pages.views.not_found"
handler500 = "portal.pages.views.server_error"
