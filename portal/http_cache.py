"""Whole-page HTTP cache in front of Django: each page is rendered once, then served as bytes.

Every page is a pure function of its URL and the Library (no cookies, no sessions, no per-request
nonce), so the first 200 for a URL can be kept as bytes with a precomputed ETag and replayed to
everyone until the Library changes. This sits at the server interface, outside Django's
middleware, so a cached page costs one dict look-up instead of a request object, URL routing and
a template. `PageStore` holds the rules and the pages; `PageCache` (WSGI, portal/wsgi.py) and
`AsgiPageCache` (ASGI, portal/asgi.py, what gunicorn runs) only translate the protocol.

What is kept: 200 responses to GET for HTML and JSON, without Set-Cookie, up to a size limit,
keyed by (scheme, host, path, query). Django has already checked the host (ALLOWED_HOSTS) and
run its middleware on the first response, whose headers are replayed as they were.
What is never kept: errors, redirects, non-GET requests, static files (whitenoise has its own
immutable, compressed answers), requests with credentials, anything while DEBUG is on.
Invalidated: when the Library object changes (a reload), and at midnight so a page may show
dates relative to today. Bounded: least recently used pages go first beyond `max_bytes`.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings

from portal.content.loading.store import get_library

# A CDN or browser may keep a page for 5 minutes, then use it for a further 10 while it checks
# in the background (a revalidation is a cheap 304); if the portal is down, a day-old page is
# better than none for someone looking up an emergency sign.
DEFAULT_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600, stale-if-error=86400"
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024
CACHEABLE_TYPES = ("text/html", "application/json")
# Someone decided a response with one of these is per-request or has its own caching rules.
UNCACHEABLE_HEADERS = frozenset(("set-cookie", "etag", "cache-control", "vary"))
SECONDS_PER_DAY = 86400


class Entry:
    """One page: its bytes and both answers (200 and 304), in both protocols' header forms."""

    __slots__ = ("body", "etag", "headers", "not_modified_headers", "raw", "raw_not_modified")

    def __init__(self, body: bytes, etag: str, headers: list, not_modified_headers: list):
        self.body = body
        self.etag = etag
        self.headers = headers  # [(str, str)] as WSGI wants them
        self.not_modified_headers = not_modified_headers
        self.raw = _raw(headers)  # [(bytes, bytes)] as ASGI wants them, encoded once
        self.raw_not_modified = _raw(not_modified_headers)

    def is_not_modified(self, if_none_match: str | None) -> bool:
        return bool(if_none_match) and etag_matches(if_none_match, self.etag)


def _raw(headers: list) -> list:
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]


def make_etag(body: bytes) -> str:
    # A strong validator from the bytes themselves: identical pages share it across workers,
    # servers and restarts, so a revalidation after a deploy that changed nothing is still a 304.
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match requires: W/ prefixes are ignored."""
    if if_none_match == etag:
        return True
    if if_none_match.strip() == "*":
        return True
    return any(
        candidate.strip().removeprefix("W/") == etag for candidate in if_none_match.split(",")
    )


class PageStore:
    """The pages and the rules for keeping them; see the module docstring."""

    def __init__(
        self,
        app: Callable,
        *,
        max_bytes: int | None = None,
        max_entry_bytes: int | None = None,
        cache_control: str | None = None,
    ):
        self.app = app
        self.max_bytes = max_bytes or getattr(settings, "PORTAL_PAGE_CACHE_BYTES", None)
        self.max_bytes = self.max_bytes or DEFAULT_MAX_BYTES
        self.max_entry_bytes = min(max_entry_bytes or DEFAULT_MAX_ENTRY_BYTES, self.max_bytes)
        self.cache_control = cache_control or getattr(
            settings, "PORTAL_CACHE_CONTROL", DEFAULT_CACHE_CONTROL
        )
        self.static_prefix = settings.STATIC_URL or "/static/"
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._library = None
        self._day = -1

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    def passes_by(self, method: str, path: str, has_credentials: bool) -> bool:
        """Requests the cache neither answers nor keeps: they go straight to Django."""
        return (
            method not in ("GET", "HEAD")
            or path.startswith(self.static_prefix)
            or has_credentials
            or settings.DEBUG
        )

    def find(self, key: tuple) -> Entry | None:
        self._current()
        entry = self._entries.get(key)
        if entry is not None:
            try:
                # Atomic under the GIL (OrderedDict is in C), so no lock on the hot path; the
                # page may have been evicted by another thread since the get().
                self._entries.move_to_end(key)
            except KeyError:
                pass
        return entry

    def _current(self) -> None:
        """Forget every page if the Library was reloaded or the day has changed."""
        library = get_library()
        day = int(time.time()) // SECONDS_PER_DAY
        if library is not self._library or day != self._day:
            with self._lock:
                self._entries.clear()
                self._size = 0
                self._library = library
                self._day = day

    @staticmethod
    def storable(status: int, headers: Iterable[tuple[str, str]]) -> bool:
        if status != 200:
            return False
        content_type = ""
        for name, value in headers:
            lower = name.lower()
            if lower in UNCACHEABLE_HEADERS:
                return False
            if lower == "content-type":
                content_type = value.lower()
        return content_type.startswith(CACHEABLE_TYPES)

    def keep(self, key: tuple, body: bytes, headers: list[tuple[str, str]]) -> Entry:
        """Store a storable page (if it fits) and return it as an entry to answer from."""
        etag = make_etag(body)
        kept = [(name, value) for name, value in headers if name.lower() != "content-length"]
        kept += [
            ("Content-Length", str(len(body))),
            ("ETag", etag),
            ("Cache-Control", self.cache_control),
        ]
        # RFC 9110 15.4.5: a 304 carries the validators and caching headers, not the body's.
        not_modified = [("ETag", etag), ("Cache-Control", self.cache_control)]
        entry = Entry(body, etag, kept, not_modified)
        if len(body) <= self.max_entry_bytes:
            self._store(key, entry)
        return entry

    def _store(self, key: tuple, entry: Entry) -> None:
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._size -= len(previous.body)
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self.max_bytes and self._entries:
                _, oldest = self._entries.popitem(last=False)
                self._size -= len(oldest.body)


class PageCache(PageStore):
    """The cache as WSGI middleware (portal/wsgi.py)."""

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "")
        if self.passes_by(method, path, "HTTP_AUTHORIZATION" in environ):
            return self.app(environ, start_response)
        key = (
            environ.get("wsgi.url_scheme", "http"),
            environ.get("HTTP_HOST", ""),
            path,
            environ.get("QUERY_STRING", ""),
        )
        entry = self.find(key)
        if entry is not None:
            return self._answer(entry, environ, start_response)
        if method != "GET":
            return self.app(environ, start_response)
        return self._fill(key, environ, start_response)

    @staticmethod
    def _answer(entry: Entry, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if entry.is_not_modified(environ.get("HTTP_IF_NONE_MATCH")):
            start_response("304 Not Modified", entry.not_modified_headers)
            return []
        start_response("200 OK", entry.headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [entry.body]

    def _fill(self, key: tuple, environ: dict, start_response: Callable) -> Iterable[bytes]:
        captured: list = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers, exc_info]
            return _no_write

        result = self.app(environ, capture)
        status, headers, exc_info = captured
        if not self.storable(int(status[:3]), headers):
            start_response(status, headers, exc_info)
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return self._answer(self.keep(key, body, headers), environ, start_response)


def _no_write(data: bytes) -> None:
    raise RuntimeError("PageCache does not support the WSGI write() callable.")


class AsgiPageCache(PageStore):
    """The cache as ASGI middleware (portal/asgi.py): what gunicorn's uvicorn workers run.

    A cached page is answered here with two messages and no Django at all; everything else
    goes to Django's ASGI handler, and a storable first answer is kept on its way out.
    """

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        method = scope["method"]
        path = scope["path"]
        host = if_none_match = None
        credentials = False
        for name, value in scope["headers"]:  # names arrive lower-cased (ASGI spec)
            if name == b"host":
                host = value
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
            elif name == b"authorization":
                credentials = True
        if self.passes_by(method, path, credentials):
            return await self.app(scope, receive, send)
        key = (scope.get("scheme", "http"), host, path, scope.get("query_string", b""))
        entry = self.find(key)
        if entry is None:
            if method != "GET":
                return await self.app(scope, receive, send)
            entry = await self._fill(key, scope, receive, send)
            if entry is None:
                return None  # Django's own answer has gone out unchanged
        if entry.is_not_modified(if_none_match):
            await send(
                {"type": "http.response.start", "status": 304, "headers": entry.raw_not_modified}
            )
            await send({"type": "http.response.body", "body": b""})
        else:
            await send({"type": "http.response.start", "status": 200, "headers": entry.raw})
            await send(
                {"type": "http.response.body", "body": b"" if method == "HEAD" else entry.body}
            )
        return None

    async def _fill(self, key: tuple, scope: dict, receive: Callable, send: Callable):
        """Run Django; keep its answer if storable (returned as an entry), else pass it on."""
        kept_headers: list | None = None  # set when Django's answer is one to keep
        chunks: list = []

        async def capture(message: dict) -> None:
            nonlocal kept_headers
            if message["type"] == "http.response.start":
                decoded = [
                    (n.decode("latin-1"), v.decode("latin-1")) for n, v in message["headers"]
                ]
                if self.storable(message["status"], decoded):
                    kept_headers = decoded
                    return
            elif message["type"] == "http.response.body" and kept_headers is not None:
                chunks.append(message.get("body", b""))
                return
            await send(message)  # not for keeping: it goes straight out

        await self.app(scope, receive, capture)
        if kept_headers is None:
            return None
        return self.keep(key, b"".join(chunks), kept_headers)
