"""The portal served on a free loopback port from a background thread.

Shared by the browser tests' `portal_server` fixture and by `make screenshots`, so both look at
the same thing: Django's WSGI handler with whitenoise for static files, as in production.
Our own small server rather than pytest-django's live_server, which flushes a database after
each test, and the portal has none.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def log_request(self, code="-", size="-"):
        log = getattr(self.server, "request_log", None)
        if log is not None:
            log.append(self.path)


@contextmanager
def serve_portal(port: int = 0, request_log: list[str] | None = None) -> Iterator[str]:
    """Yield the base address ("http://127.0.0.1:PORT") while the portal is being served.

    With request_log, the path of every request the server answers is appended to it: the
    server's count, which includes requests the browser makes on its own (the site icon) that
    Playwright never reports."""
    server = ThreadedWSGIServer(("127.0.0.1", port), QuietHandler, allow_reuse_address=False)
    server.request_log = request_log
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
