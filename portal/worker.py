"""The gunicorn worker class for the portal: uvicorn's event loop and HTTP parser, bounded.

gunicorn keeps doing what it is good at (a master that loads the content once, forks workers,
replaces them on HUP and when they die); each worker serves with uvloop and httptools, written
in C, so a page from the cache costs tens of microseconds rather than gthread's hundreds
(README, "Performance").

uvicorn's parser has no size limits of its own, where gunicorn's had limit_request_line and
limit_request_field_size; `BoundedHttpToolsProtocol` puts them back. Django still answers
anything under these limits with its helpful 414 or 431 page (portal/security/middleware.py);
this is the last resort against a client sending an endless head, or a body the portal never
wants (it takes no uploads, and Django's ASGI handler would spool a body to disk before our
middleware could refuse the method).
"""

import asyncio
import logging
import os
import time

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn_worker import UvicornWorker

from portal.security.log_filters import UvicornAccessLine, access_line

# Well above Django's own limits (4 KiB query, 8 KiB headers), as gunicorn's were.
MAX_HEAD_BYTES = 64 * 1024
MAX_BODY_BYTES = 64 * 1024
# How long a client may take to send a request's line and headers, from connecting or from
# its first byte. uvicorn has no such limit: a connection that sends half a head, or nothing,
# would stay open for ever, and enough of them use up the worker's file descriptors.
HEAD_TIMEOUT_SECONDS = float(os.environ.get("PORTAL_HEAD_TIMEOUT") or 10)
# How long a worker that is leaving (HUP, max_requests) keeps an idle keep-alive connection
# open for a request that may already be on its way; that request is answered, with
# `Connection: close`. uvicorn itself closes idle connections at once, and `make soak` saw
# clients lose hundreds of requests sent in that instant (wrk counts them; a browser retries).
SHUTDOWN_GRACE_SECONDS = 1.0


class RequestTooLarge(Exception):
    """Raised inside a parser callback: httptools turns it into a parser error, and uvicorn
    answers 400 and closes the connection."""


class BatchedAccessLog:
    """Stands in for uvicorn's access logger: the portal's line for each request (time,
    method, path; no client address, no query), handed to logging once per turn of the
    event loop for all the requests that turn finished.

    One logging call and one flush per request took half of a worker's time when serving
    cached pages (16,200 answers a second without the access log, 8,400 with it, on one core);
    a turn of the loop under load finishes many requests, and at rest a line is written at
    once as before. The lines still pass the "uvicorn.access" logger's filters.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.logger = logging.getLogger("uvicorn.access")
        self.loop = loop
        self.lines: list[str] = []

    def info(self, message: str, *args) -> None:
        if message == UvicornAccessLine.UVICORN_FORMAT and len(args) == 5:
            line = access_line(time.time(), *args[1:])
        else:
            line = message % args
        if not self.lines:
            self.loop.call_soon(self.flush)
        self.lines.append(line)

    def flush(self) -> None:
        lines, self.lines = self.lines, []
        if lines:
            self.logger.info("%s", "\n".join(lines))


_access_logs: dict[asyncio.AbstractEventLoop, BatchedAccessLog] = {}


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    leaving = False  # the worker is shutting down: answer what comes, then close
    head_timer: asyncio.TimerHandle | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.access_log:  # one batch for all the worker's connections
            if self.loop not in _access_logs:
                _access_logs[self.loop] = BatchedAccessLog(self.loop)
            self.access_logger = _access_logs[self.loop]

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)
        self._start_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        self.head_bytes = 0
        self.body_bytes = 0
        super().on_message_begin()
        self._start_head_timer()

    def on_url(self, url: bytes) -> None:
        self._count_head(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_head(len(name) + len(value))
        super().on_header(name, value)

    def on_body(self, body: bytes) -> None:
        self.body_bytes += len(body)
        if self.body_bytes > MAX_BODY_BYTES:
            raise RequestTooLarge(f"request body over {MAX_BODY_BYTES} bytes")
        super().on_body(body)

    def on_headers_complete(self) -> None:
        self._stop_head_timer()
        super().on_headers_complete()
        if self.leaving and self.cycle is not None:
            self.cycle.keep_alive = False  # answered with Connection: close, then closed

    def _idle(self) -> bool:
        """No request under way: between requests on a keep-alive connection, or before one."""
        return self.cycle is None or self.cycle.response_complete

    def shutdown(self) -> None:
        if self._idle():
            self.leaving = True
            self.loop.call_later(SHUTDOWN_GRACE_SECONDS, self._close_if_idle)
        else:
            super().shutdown()  # the answer under way ends with Connection: close

    def _close_if_idle(self) -> None:
        if self._idle():
            self.transport.close()
        else:
            self.cycle.keep_alive = False

    def _start_head_timer(self) -> None:
        self._stop_head_timer()
        self.head_timer = self.loop.call_later(HEAD_TIMEOUT_SECONDS, self._head_too_slow)

    def _stop_head_timer(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_too_slow(self) -> None:
        self.head_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def _count_head(self, size: int) -> None:
        self.head_bytes += size
        if self.head_bytes > MAX_HEAD_BYTES:
            raise RequestTooLarge(f"request line and headers over {MAX_HEAD_BYTES} bytes")


class PortalWorker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "uvloop",
        "http": BoundedHttpToolsProtocol,
        "ws": "none",  # the portal has no WebSockets; an upgrade request is an ordinary GET
        # Django's ASGI handler has no start-up or shutdown work (the content is loaded when
        # portal.asgi is imported), and would log that it does not speak the lifespan protocol.
        "lifespan": "off",
        # Nothing about the software behind the site is given away.
        "server_header": False,
    }
