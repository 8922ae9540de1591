"""Top-level URLs. Fixed paths first; the catch-all section/topic paths (pages) come last."""

from django.urls import include, path

urlpatterns = [
    path("", include("portal.search.urls")),
    path("", include("portal.pages.reference_urls")),
    path("", include("portal.pages.urls")),
]

handler404 = "portal.pages.views.not_found"
handler500 = "portal.pages.views.server_error"
