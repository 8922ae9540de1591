"""Search URLs: /search/ and /api/search/."""

from django.urls import path

from portal.search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="api-search"),
]
