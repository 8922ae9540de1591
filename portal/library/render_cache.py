"""Read and rendered files kept on disk between starts, so a large site starts in a second.

Reading a topic file (front matter, markdown, sanitising, glossary marks, checklists,
medicine names: portal/library/topic_files.py) is most of the Library's load time (about
4 ms a page: 20 s for 5,000 pages). A file whose text, glossary, medicines and code have
not changed reads the same, so each result is stored under a hash of (code version, the
reader's context, file text) and reused on the next start. Anything changed is read
afresh; nothing is trusted that we did not write.

Opt-in: set PORTAL_RENDER_CACHE_DIR (make serve does). The folder must belong to this user and
not be writable by others, because its HTML is served as already sanitised; otherwise, or when
it cannot be read or written, pages are simply rendered as before.
"""

import hashlib
import importlib.metadata
import json
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from portal.library import (
    bodies,
    checklists,
    frontmatter,
    glossary,
    models,
    rendering,
    sanitise,
    topic_files,
)

logger = logging.getLogger("portal.library")
ENV = "PORTAL_RENDER_CACHE_DIR"


# Every module whose code shapes a result (models: a glossary mark's link comes from its term).
RENDERING_MODULES = (
    bodies,
    checklists,
    frontmatter,
    glossary,
    models,
    rendering,
    sanitise,
    topic_files,
)


def renderer_version() -> bytes:
    """Changes whenever the output could: our rendering code or the libraries it uses."""
    digest = hashlib.blake2b(digest_size=16)
    for module in RENDERING_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    for package in ("markdown", "nh3", "pyyaml"):
        digest.update(importlib.metadata.version(package).encode())
    return digest.digest()


class Reader[T](Protocol):
    """Text to a result, the same whenever the text and `context` are (BodyRenderer,
    TopicReader), with the result's form in a JSON file."""

    context: bytes

    def __call__(self, text: str) -> T: ...

    def to_json(self, result: T) -> list: ...

    def from_json(self, found: list) -> T: ...


def _private(folder: Path) -> bool:
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cache_path(content_dir: Path, kind: str) -> Path | None:
    """Where one content folder's `kind` file is kept in PORTAL_RENDER_CACHE_DIR, or None
    when that is not set or not usable (the search index keeps its file here too)."""
    setting = os.environ.get(ENV)
    if not setting:
        return None
    folder = Path(setting)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            raise PermissionError(f"{folder} is writable by other users")
    except OSError as error:
        logger.warning("%s not used: %s", ENV, error)
        return None
    name = hashlib.blake2b(str(content_dir.resolve()).encode(), digest_size=8).hexdigest()
    return folder / f"{kind}-{name}"


def write_private(path: Path, data: bytes) -> None:
    """Replace the file whole (readers never see half of it), readable by this user only."""
    temporary = path.with_suffix(".tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:
        logger.warning("Not cached in %s: %s", path.parent, error)


class RenderCache:
    """One content folder's read files: read at the start of a load, written at its end."""

    def __init__(self, path: Path):
        self.path = path
        self.version = renderer_version()
        self.stored: dict[str, list] = {}
        self.used: dict[str, list] = {}
        try:
            self.stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            pass  # first start, or a damaged file: render everything and write it anew

    def cached[T](self, read: Reader[T]) -> Callable[[str], T]:
        """read, answered from the file when it has read the same text before."""
        prefix = self.version + read.context

        def cached_read(text: str) -> T:
            key = hashlib.blake2b(prefix + text.encode(), digest_size=16).hexdigest()
            found = self.stored.get(key)
            if found is not None:
                try:
                    result = read.from_json(found)
                except (KeyError, TypeError, ValueError):
                    pass  # not in the shape this code writes: read it again
                else:
                    self.used[key] = found
                    return result
            result = read(text)
            self.used[key] = read.to_json(result)
            return result

        return cached_read

    def save(self) -> None:
        """Keep exactly this load's files, so the cache never grows beyond the site."""
        if self.used.keys() != self.stored.keys():
            write_private(self.path, json.dumps(self.used, separators=(",", ":")).encode())


def _uncached[T](read: Reader[T]) -> Callable[[str], T]:
    return read


def renderer_for(content_dir: Path) -> tuple[Callable, Callable[[], None]]:
    """(cached, finish) for one load: `cached(reader)` is the reader, kept between starts
    when PORTAL_RENDER_CACHE_DIR is set and usable; `finish()` writes the file."""
    path = cache_path(content_dir, "renders")
    if path is None:
        return _uncached, lambda: None
    cache = RenderCache(path.with_suffix(".json"))
    return cache.cached, cache.save
