"""App config: registers the deploy checks so `manage.py check --deploy` covers security.txt."""

from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "portal.security"
    label = "portal_security"

    def ready(self) -> None:
        from portal.security import checks  # noqa: F401  (registers the deploy checks)
