"""WSGI entry point for gunicorn: the production way in, so it refuses an unsafe environment."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from portal.content.loading.store import get_library  # noqa: E402
from portal.http_cache import PageCache  # noqa: E402
from portal.production import require_production_environment  # noqa: E402

require_production_environment()
# Pages are rendered once and then served as bytes (portal/http_cache.py).
application = PageCache(get_wsgi_application())
# Read the content now, not on the first request: with gunicorn --preload the Library is loaded
# once, before the workers fork and share it, and before any worker timeout is counting.
get_library()
