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


@contextmanager
def serve_portal(port: int = 0) -> Iterator[str]:
    """Yield the base address ("http://127.0.0.1:PORT") while the portal is being served."""
    server = ThreadedWSGIServer(("127.0.0.1", port), QuietHandler, allow_reuse_address=False)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
