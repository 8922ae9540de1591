from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"

    def ready(self) -> None:
        from portal.pages import checks  # noqa: F401  (registers the content and deploy checks)
