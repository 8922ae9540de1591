"""Development-only app: saving a content file reloads the open page, without a server restart.

django-browser-reload keeps a connection open from each page in development and reloads it
when told to. Django's autoreloader is asked to watch content/ as well; when a file there
changes, the page is reloaded instead of the server restarting (the Library notices the
change itself: store.get_library() reloads in DEBUG when a content file changes).
"""

from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


def on_autoreload_started(*, sender, **kwargs) -> None:
    sender.watch_dir(Path(settings.PORTAL_CONTENT_DIR), "**/*")


def on_file_changed(*, file_path: Path, **kwargs) -> bool | None:
    content_dir = Path(settings.PORTAL_CONTENT_DIR)
    if content_dir == file_path or content_dir in file_path.parents:
        from django_browser_reload.views import trigger_reload_soon

        trigger_reload_soon()
        return True  # handled: no need to restart the server for a content file
    return None


class PreviewConfig(AppConfig):
    name = "portal.preview"
    label = "preview"

    def ready(self) -> None:
        from django.utils.autoreload import autoreload_started, file_changed

        autoreload_started.connect(on_autoreload_started, dispatch_uid="portal_preview_watch")
        file_changed.connect(on_file_changed, dispatch_uid="portal_preview_changed")
