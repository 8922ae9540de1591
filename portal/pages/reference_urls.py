"""Plain-language help (glossary, medicines), page metadata (sitemap, robots) and the content
API beyond /api/topics/. Included before the pages' catch-all section and topic paths."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from portal.pages import api, reference
from portal.pages.sitemaps import SITEMAPS, robots

urlpatterns = [
    path("glossary/", reference.glossary, name="glossary"),
    path("medicines/", reference.medicines, name="medicines"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots, name="robots"),
    path("api/openapi.json", api.openapi, name="api-openapi"),
    path("api/topics/<slug:section>/<slug:topic>/", api.topic_detail, name="api-topic"),
    path("api/glossary/", api.glossary, name="api-glossary"),
    path("api/medicines/", api.medicines, name="api-medicines"),
]
