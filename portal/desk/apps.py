from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "portal.desk"
    label = "desk"
    verbose_name = "Editors' desk"

    def ready(self):
        from portal.desk import audit  # noqa: F401  (connects the sign-in signals)
