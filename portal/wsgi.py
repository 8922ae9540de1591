"""WSGI entry point, what gunicorn runs (gunicorn.conf.py): refuses an unsafe environment."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from portal.content.loading.store import get_library  # noqa: E402
from portal.production import require_production_environment  # noqa: E402

require_production_environment()
application = get_wsgi_application()
# Read the content now, not on the first request. Under gunicorn the master has loaded it
# already (gunicorn.conf.py) and this returns the copy every worker shares.
get_library()
