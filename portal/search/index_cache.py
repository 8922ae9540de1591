"""The built search index kept on disk between starts, beside the render cache.

Building the FTS5 table and counting every word of every page took 1.5 s CPU at 5,000
pages, the largest part of a warm start. A built index depends only on the rows it was built
from, our search code and SQLite (portal/search/index.py hashes those into a key), so the
whole database is saved with SQLite's serialize(), after the key, and a later start with the
same key deserializes it instead of building. The same folder, with the same trust rule, as
the render cache (portal/library/render_cache.py): only a folder no one else can write to.
"""

import sqlite3
from pathlib import Path

from portal.library.render_cache import cache_path, write_private

KEY_BYTES = 16


def _path(content_dir: Path) -> Path | None:
    path = cache_path(content_dir, "search")
    return path.with_suffix(".sqlite") if path else None


def load(content_dir: Path, key: bytes) -> sqlite3.Connection | None:
    """The database saved under this key, in memory; None when there is none."""
    path = _path(content_dir)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[:KEY_BYTES] != key:
        return None  # built from other pages or by other code
    db = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        db.deserialize(memoryview(data)[KEY_BYTES:])
        # deserialize() takes any bytes; a cut or damaged file fails here instead.
        db.execute("SELECT (SELECT count(*) FROM words), (SELECT rowid FROM pages LIMIT 1)")
    except sqlite3.Error:
        db.close()
        return None
    return db


def save(content_dir: Path, key: bytes, db: sqlite3.Connection) -> None:
    path = _path(content_dir)
    if path is not None:
        write_private(path, key + db.serialize())
