"""WSGI entry point for gunicorn: the production way in, so it refuses an unsafe environment."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from portal.production import require_production_environment  # noqa: E402

require_production_environment()
application = get_wsgi_application()
