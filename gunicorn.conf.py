"""gunicorn settings for the portal (`make serve`, `make front`, `make soak`, production).

Every figure can be overridden from the environment (GUNICORN_* below, or WEB_CONCURRENCY for
the worker count), so an operator tunes without editing code.

Why these choices:
- gunicorn's own threaded worker (gthread) running the WSGI application (portal/wsgi.py): the
  standard deployment. Speed comes from the HTTP cache in front (deploy/nginx.conf), which
  answers repeat requests for a page without asking gunicorn at all. nginx also reads each
  whole request before it passes it on, so a slow client never holds a worker's thread.
- The master loads the content (not the app) itself, at start and again on every
  `kill -HUP <master>`, before it forks the new workers. New workers start with the new
  Library already in memory (shared copy-on-write) and take requests at once; gunicorn retires
  the old ones gracefully as the new ones start. (preload_app would fork every generation from
  the copy loaded at first start, so HUP would never pick up new content.) Code changes need a
  restart, as the master keeps the modules it imported.
- A release can never take the site down (portal/content/loading/release.py): a reload that finds no
  content folder, no topics, or fewer than half the topics served now is refused, the old
  content keeps serving, and the error log says why. Reading runs in a thread with a time
  limit (PORTAL_CONTENT_LOAD_TIMEOUT seconds), during which the master still replaces workers
  that die; a read that hangs (a FIFO, a hung network mount) is refused when time is up.
- Each worker builds its search index before its first request (post_worker_init): the index
  is an SQLite database, and SQLite connections must not cross a fork.
- max_requests with jitter recycles workers gradually, never all at once.
- The access log leaves out the query string, the client address and the referrer: the path
  already says what a reader is ill with; their search words and who they are must not be
  written next to it.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
wsgi_app = "portal.wsgi:application"
worker_class = "gthread"
# Threads wait on the database and on sockets; one more process than cores keeps them busy.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 4)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 1000)
backlog = _int("GUNICORN_BACKLOG", 2048)
preload_app = False
# Operated by signals (HUP, TERM); a shared default control socket path would also collide
# when several copies run on one machine.
control_socket_disable = True

# Above Django's own limits (portal/security/middleware.py), so Django answers oversized
# requests with its helpful page and full headers; gunicorn's bare 400 is the last resort
# behind nginx's own, smaller limits (deploy/nginx.conf).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# %(U)s is the path without the query string; %(M)s the time taken in milliseconds.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
# Trust X-Forwarded-* only from a proxy on this machine (gunicorn's own default).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# How long reading the content may take before a start fails or a reload is refused.
_CONTENT_LOAD_TIMEOUT = float(os.environ.get("PORTAL_CONTENT_LOAD_TIMEOUT") or 30)


def _keep_query_strings_out_of_gunicorn_logs() -> None:
    # gunicorn's own error log quotes a malformed request line whole, search words included.
    import logging

    from portal.security.log_filters import StripQueryStrings

    for name in ("gunicorn.error", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, StripQueryStrings) for f in logger.filters):
            logger.addFilter(StripQueryStrings())


def _setup_django() -> None:
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if not apps.ready:
        django.setup(set_prefix=False)


def _supervise(server):
    """What the master's main loop does each turn: replace workers that died or hang."""

    def turn() -> None:
        server.reap_workers()
        server.murder_workers()
        server.manage_workers()

    return turn


def _release(server, meanwhile=lambda: None) -> str | None:
    """Load the content and serve it if the release is acceptable; return why not, or None."""
    from pathlib import Path

    from django.conf import settings

    from portal.content.loading import release, store
    from portal.content.loading.loader import load_library

    content_dir = Path(settings.PORTAL_CONTENT_DIR)
    served = store.current()
    try:
        library = release.load_in_time(
            lambda: load_library(content_dir), _CONTENT_LOAD_TIMEOUT, meanwhile
        )
    except release.LoadTimedOut as error:
        return f"{error}: something in {content_dir} is not a regular file, or a mount hangs"
    except Exception as error:  # noqa: BLE001  any failure to read keeps the old release
        server.log.exception("reading %s failed", content_dir)
        return f"reading it failed ({type(error).__name__}: {error})"
    reason = release.refusal(
        None if served is None else len(served.topics), len(library.topics), content_dir.is_dir()
    )
    if reason is None:
        store.replace(library)
        server.log.info(
            "content loaded from %s: %d topics, %d content problems",
            content_dir,
            len(library.topics),
            len(library.problems),
        )
    return reason


def on_starting(server):
    _keep_query_strings_out_of_gunicorn_logs()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from portal.production import require_production_environment

    _setup_django()
    # Refuse here, once and clearly, rather than as a worker boot failure.
    require_production_environment()
    reason = _release(server)
    if reason is not None:
        raise SystemExit(f"Not starting: the content cannot be served: {reason}.")


def on_reload(server):
    reason = _release(server, meanwhile=_supervise(server))
    if reason is not None:
        from portal.content.loading import store

        served = store.current()
        server.log.error(
            "content release refused: %s; still serving the %d topics loaded before",
            reason,
            0 if served is None else len(served.topics),
        )


def post_fork(server, worker):
    _keep_query_strings_out_of_gunicorn_logs()


def post_worker_init(worker):
    from portal.content.loading.store import get_library
    from portal.search.service import get_index

    library = get_library()
    get_index()
    worker.log.info(
        "worker %s ready: %d topics, %d content problems",
        worker.pid,
        len(library.topics),
        len(library.problems),
    )
