"""gunicorn settings for the portal (`make serve`, `make soak`, production).

Every figure can be overridden from the environment (GUNICORN_* below, or WEB_CONCURRENCY for
the worker count), so an operator tunes without editing code.

Why these choices:
- uvicorn workers (portal/worker.py) running the ASGI application (portal/asgi.py), one per
  core: pages are served as cached bytes (portal/http_cache.py), so what a request costs is
  the server's own HTTP handling, and uvicorn's (uvloop and httptools, in C) is several times
  cheaper than gthread's. Measured by `make bench BENCH_ARGS=--sweep` on 2 cores, same run:
  topic page 3,656 req/s with gthread 2 x 4 and keep-alive, 6,154 with 2 uvicorn workers
  (README, "Performance").
  Set GUNICORN_WORKER_CLASS=gthread (or sync) to run the WSGI application (portal/wsgi.py)
  instead; the same page cache is in front of Django either way.
- preload_app stays False, but the master loads the *content* (not the app) itself, at start
  and again on every `kill -HUP <master>`, before it forks the new workers. New workers so
  start with the new Library already in memory (shared copy-on-write) and take requests at
  once; gunicorn retires the old ones gracefully as the new ones start. Measured: with each
  worker loading content itself, the old workers were gone seconds before the new ones were
  ready, and on a busy machine requests waited over 10 s. A broken file is logged once, by
  name and line, at load. (preload_app would instead fork every generation from the copy
  loaded at first start, so HUP would never pick up new content.) Code changes need a
  restart, as the master keeps the modules it imported.
- post_worker_init makes sure a worker has the Library before its first request (loading it
  itself should the master have failed to), so no reader waits for the first load.
- max_requests with jitter recycles workers gradually, never all at once.
- The access log leaves out the query string, the client address and the referrer: the path
  already says what a reader is ill with; their search words and who they are must not be
  written next to it. uvicorn's own access line is rewritten to match
  (portal/security/log_filters.py).
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
ASGI_WORKER = "portal.worker.PortalWorker"
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "").strip() or ASGI_WORKER
# gunicorn's own worker classes speak WSGI; the uvicorn worker speaks ASGI.
wsgi_app = "portal.asgi:application" if worker_class == ASGI_WORKER else "portal.wsgi:application"

# An event-loop worker keeps its core busy by itself: one per core. Threaded and sync workers
# wait on sockets with a thread each, so they get one more than the cores.
workers = _int(
    "WEB_CONCURRENCY",
    multiprocessing.cpu_count() + (0 if worker_class == ASGI_WORKER else 1),
)
threads = _int("GUNICORN_THREADS", 4)  # gthread only
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
# requests with its helpful page and full headers; gunicorn's bare 400 is the last resort.
# (The uvicorn worker has its own, in portal/worker.py.)
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


def _keep_query_strings_out_of_gunicorn_logs() -> None:
    # gunicorn's own error log quotes a malformed request line whole, search words included.
    import logging

    from portal.security.log_filters import StripQueryStrings, UvicornAccessLine

    filters = {
        "gunicorn.error": (StripQueryStrings,),
        "gunicorn.access": (StripQueryStrings,),
        "uvicorn.error": (StripQueryStrings,),
        # UvicornAccessLine first: it knows uvicorn's format and drops the client as well.
        "uvicorn.access": (UvicornAccessLine, StripQueryStrings),
    }
    for name, kinds in filters.items():
        logger = logging.getLogger(name)
        for kind in kinds:
            if not any(isinstance(f, kind) for f in logger.filters):
                logger.addFilter(kind())


def _load_content_in_master(server) -> None:
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if not apps.ready:
        django.setup(set_prefix=False)
    from portal.content.loading import store

    store.reset()
    library = store.get_library()
    # The search index too, so every worker shares it instead of building its own.
    from portal.search.service import get_index

    get_index()
    server.log.info(
        "content loaded from %s: %d topics, %d content problems",
        library.content_dir,
        len(library.topics),
        len(library.problems),
    )


def on_starting(server):
    _keep_query_strings_out_of_gunicorn_logs()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from portal.production import require_production_environment

    # Refuse here, once and clearly, rather than as a worker boot failure.
    require_production_environment()
    _load_content_in_master(server)


def on_reload(server):
    try:
        _load_content_in_master(server)
    except Exception:  # a failed load must not take the master down; workers retry it
        server.log.exception("content could not be loaded in the master; workers will load it")
        from portal.content.loading import store

        store.reset()


def post_fork(server, worker):
    _keep_query_strings_out_of_gunicorn_logs()


def post_worker_init(worker):
    from portal.content.loading.store import get_library

    library = get_library()
    worker.log.info(
        "worker %s ready: %d topics, %d content problems",
        worker.pid,
        len(library.topics),
        len(library.problems),
    )
