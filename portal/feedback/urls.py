"""The feedback form's address (the one path that takes a POST) and its thank-you page."""

from django.urls import path

from portal.feedback import views

urlpatterns = [
    path("feedback/", views.submit, name="feedback"),
    path("feedback/thanks/", views.thanks, name="feedback-thanks"),
]
