"""Page URLs. Slugs are only ever looked up in the Library, never used as file paths."""

from django.urls import path

from portal.pages import api, views

urlpatterns = [
    path("", views.home, name="home"),
    path("contacts/", views.contacts, name="contacts"),
    path("api/topics/", api.topics, name="api-topics"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/<slug:topic>/", views.topic, name="topic"),
]
