"""App config: registers the content checks so `manage.py check` reports editors' mistakes."""

from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "portal.library"
    label = "library"

    def ready(self) -> None:
        import portal.library.glossary_checks  # noqa: F401  (registers the glossary checks)
        from portal.library import checks  # noqa: F401  (registers the system checks)
