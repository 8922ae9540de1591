"""ASGI entry point, what gunicorn runs (gunicorn.conf.py): refuses an unsafe environment.

Served by uvicorn workers under gunicorn: a cached page is answered by `AsgiPageCache` without
entering Django, at 1.7 to 2 times the rate gunicorn's threaded WSGI worker reaches in the
same run (README, "Performance"). portal/wsgi.py is the same application for WSGI servers.
"""

import os
import warnings

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from portal.content.loading.store import get_library  # noqa: E402
from portal.http_cache import AsgiPageCache  # noqa: E402
from portal.production import require_production_environment  # noqa: E402

require_production_environment()
# whitenoise (static files) is synchronous and hands Django an ordinary file iterator, which
# Django's ASGI handler reads in a thread, as it says in this warning; that is what we want
# for a file on disk, and static files are behind the nginx cache in production anyway.
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators", category=Warning
)
application = AsgiPageCache(get_asgi_application())
# Read the content now, not on the first request (see portal/wsgi.py).
get_library()
