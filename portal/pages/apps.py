from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"

    def ready(self):
        from portal.pages import checks  # noqa: F401 (registers the deploy check)
