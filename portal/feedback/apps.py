"""App config for reader feedback: the form's storage, its limits and the team's report."""

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "portal.feedback"
    label = "feedback"
    verbose_name = "Reader feedback"
