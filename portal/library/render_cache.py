"""Rendered markdown kept on disk between starts, so a large site starts in about a second.

Markdown rendering and sanitising is most of the Library's load time (about 2 ms a page:
10 s for 5,000 pages). A page whose markdown and renderer have not changed renders the same,
so each result is stored under a hash of (renderer version, markdown text) and reused on the
next start. Anything changed is rendered afresh; nothing is trusted that we did not write.

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

from portal.library import rendering, sanitise
from portal.library.rendering import Heading, Rendered, render_markdown

logger = logging.getLogger("portal.library")
ENV = "PORTAL_RENDER_CACHE_DIR"


def renderer_version() -> bytes:
    """Changes whenever the output could: our rendering code or the libraries it uses."""
    digest = hashlib.blake2b(digest_size=16)
    for module in (rendering, sanitise):
        digest.update(Path(module.__file__).read_bytes())
    for package in ("markdown", "nh3"):
        digest.update(importlib.metadata.version(package).encode())
    return digest.digest()


def _private(folder: Path) -> bool:
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class RenderCache:
    """One content folder's rendered pages: read at the start of a load, written at its end."""

    def __init__(self, folder: Path, content_dir: Path):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            raise PermissionError(f"{folder} is writable by other users")
        name = hashlib.blake2b(str(content_dir.resolve()).encode(), digest_size=8).hexdigest()
        self.path = folder / f"renders-{name}.json"
        self.version = renderer_version()
        self.stored: dict[str, list] = {}
        self.used: dict[str, list] = {}
        try:
            self.stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # first start, or a damaged file: render everything and write it anew

    def render(self, body: str) -> Rendered:
        key = hashlib.blake2b(self.version + body.encode(), digest_size=16).hexdigest()
        found = self.stored.get(key)
        if found is not None and len(found) == 4:
            html, raw_html, headings, text = found
            self.used[key] = found
            return Rendered(html, raw_html, tuple(Heading(*h) for h in headings), text)
        rendered = render_markdown(body)
        self.used[key] = [
            rendered.html,
            rendered.raw_html,
            [[h.level, h.id, h.text] for h in rendered.headings],
            rendered.text,
        ]
        return rendered

    def save(self) -> None:
        """Keep exactly this load's pages, so the file never grows beyond the site."""
        if self.used.keys() == self.stored.keys():
            return
        temporary = self.path.with_suffix(".tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(self.used, file, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError as error:
            logger.warning("Rendered pages not cached in %s: %s", self.path.parent, error)


def renderer_for(content_dir: Path) -> tuple[Callable[[str], Rendered], Callable[[], None]]:
    """(render, finish) for one load: cached when PORTAL_RENDER_CACHE_DIR is set and usable."""
    folder = os.environ.get(ENV)
    if not folder:
        return render_markdown, lambda: None
    try:
        cache = RenderCache(Path(folder), content_dir)
    except OSError as error:
        logger.warning("%s not used: %s", ENV, error)
        return render_markdown, lambda: None
    return cache.render, cache.save
