"""App config of the content model. Its Django system checks are registered by the pages app
(portal/pages/apps.py), which hands them what they need to know about the site's web addresses:
this package knows nothing of HTTP."""

from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "portal.content"
    label = "content"
