"""The process-wide Library: loaded once, and again in development when a content file changes."""

import logging
import threading
from pathlib import Path

from django.conf import settings

from portal.content.loading.loader import load_library
from portal.content.loading.models import Library

logger = logging.getLogger("portal.content")
_lock = threading.Lock()
_library: Library | None = None
_fingerprint: tuple | None = None
# The PORTAL_CONTENT_DIR value the Library was loaded for. Every cached page asks for the
# Library, so the usual case is one identity check, not building and comparing Paths.
_configured: object = None


def _content_fingerprint(content_dir: Path) -> tuple:
    """Cheap summary of the content folder: changes whenever a file is added, removed or saved."""
    if not content_dir.is_dir():
        return ()
    return tuple(
        sorted(
            (str(path), stat.st_mtime_ns, stat.st_size)
            for path in content_dir.rglob("*")
            if path.is_file() and (stat := path.stat())
        )
    )


def get_library() -> Library:
    """The current Library. Only development (DEBUG) looks at the files again on each call."""
    global _library, _fingerprint, _configured
    configured = settings.PORTAL_CONTENT_DIR
    if configured is _configured and _library is not None and not settings.DEBUG:
        return _library
    content_dir = Path(configured)
    if _library is not None and not settings.DEBUG and _library.content_dir == content_dir:
        _configured = configured
        return _library
    with _lock:
        fingerprint = _content_fingerprint(content_dir) if settings.DEBUG else None
        if (
            _library is None
            or _library.content_dir != content_dir
            or (settings.DEBUG and fingerprint != _fingerprint)
        ):
            _library = load_library(content_dir)
            _fingerprint = fingerprint
            _configured = configured
            _log_problems(_library)
        return _library


def _log_problems(library: Library) -> None:
    # A broken file is left out of the site; the log says which and why, for whoever runs it.
    for problem in library.problems:
        log = logger.error if problem.is_error else logger.warning
        log("%s %s", problem.id, problem)


def current() -> Library | None:
    """The Library being served, without loading one (None before the first load)."""
    return _library


def replace(library: Library) -> None:
    """Serve `library` from now on (a release that portal/content/loading/release.py accepted)."""
    global _library, _fingerprint, _configured
    with _lock:
        _library = library
        _fingerprint = None
        _configured = settings.PORTAL_CONTENT_DIR
        _log_problems(library)


def reset() -> None:
    """Forget the loaded Library (tests that swap content folders call this)."""
    global _library, _fingerprint, _configured
    with _lock:
        _library = None
        _fingerprint = None
        _configured = None
