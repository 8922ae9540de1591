"""Page URLs. Slugs are only ever looked up in the Library, never used as file paths."""

from django.urls import path

from portal.pages import api, offline, print_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("contacts/", views.contacts, name="contacts"),
    path("about-our-information/", views.about_information, name="about-information"),
    path("api/topics/", api.topics, name="api-topics"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("offline/", offline.offline, name="offline"),
    path("offline/versions.json", offline.versions, name="offline-versions"),
    path("print/", print_views.pack, name="print-pack"),
    path("print/questions/", print_views.questions, name="print-questions"),
    path("print/emergency-card/", print_views.emergency_card, name="print-emergency-card"),
    path("print/symptom-diary/", print_views.symptom_diary, name="print-symptom-diary"),
    path("print/my-medicines/", print_views.my_medicines, name="print-my-medicines"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/<slug:topic>/", views.topic, name="topic"),
    path("<slug:section>/<slug:topic>/print/", print_views.topic_sheet, name="topic-print"),
]
