"""Shared fixtures: every test reads the small fixture content tree unless it asks otherwise.

The two content trees no test writes to (the fixture tree and the real site's content/) are
loaded, and their search indexes built, once per session and shared: a Library is immutable.
Trees a test changes are copies in its own temporary folder, loaded afresh each time.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core import signals
from django.db import close_old_connections

from portal.content.loading import loader, store
from portal.search import service

# The desk's own tests need PORTAL_DESK=1, which settings read at start-up, so they run in a
# pytest of their own (make test runs both; see Makefile). The public run leaves them out.
DESK_MODE = os.environ.get("PORTAL_DESK") == "1"
collect_ignore = [] if DESK_MODE else ["desk"]

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"
_READ_ONLY = {FIXTURE_CONTENT.resolve(), REAL_CONTENT.resolve()}


_load_library, _SearchIndex = loader.load_library, service.SearchIndex
_libraries: dict[Path, object] = {}
_indexes: dict[int, object] = {}


def loaded(content_dir):
    """load_library, once per session for the trees no test writes to."""
    key = Path(content_dir).resolve()
    if key not in _READ_ONLY:
        return _load_library(content_dir)
    if key not in _libraries:
        _libraries[key] = _load_library(content_dir)
    return _libraries[key]


def _index(library):
    if not any(library is shared for shared in _libraries.values()):
        return _SearchIndex(library)
    if id(library) not in _indexes:
        _indexes[id(library)] = _SearchIndex(library)
    return _indexes[id(library)]


def pytest_xdist_make_scheduler(config, log):
    """make test runs two pytest-xdist workers: one takes every browser test, with one Chromium,
    while the other takes the rest a module at a time. The browser tests keep Chromium busy on
    more than one core, so two Chromiums on a 2-core machine only take turns (measured: no
    faster, and twice the CPU); the other tests fit beside them."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/browser/"):
                return "tests/browser/"
            return super()._split_scope(nodeid)

    return BrowserTestsTogether(config, log)


@pytest.fixture(scope="session", autouse=True)
def _one_load_per_tree():
    """The store and the search service load each read-only tree once per session."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "load_library", loaded)
        patch.setattr(service, "SearchIndex", _index)
        yield


@pytest.fixture(autouse=True)
def fixture_content(settings):
    settings.PORTAL_CONTENT_DIR = FIXTURE_CONTENT
    store.reset()
    yield FIXTURE_CONTENT
    store.reset()


@pytest.fixture
def real_content(settings):
    settings.PORTAL_CONTENT_DIR = REAL_CONTENT
    store.reset()
    return REAL_CONTENT


def serve_copy(source: Path, tmp_path: Path, settings, edit=None) -> Path:
    """A writable copy of a content tree, served from now on; `edit(copy)` runs before the
    site reads it."""
    target = tmp_path / "content"
    shutil.copytree(source, target)
    if edit is not None:
        edit(target)
    settings.PORTAL_CONTENT_DIR = target
    store.reset()
    return target


@pytest.fixture
def content_copy(settings, tmp_path):
    """A writable copy of the fixture tree, for tests that break files on purpose."""
    return serve_copy(FIXTURE_CONTENT, tmp_path, settings)


@pytest.fixture(autouse=True)
def no_connection_check_at_request_start():
    """As Django's test Client does: a request does not check the database connection.

    The feedback tests leave the test database's connection open (pytest-django keeps it for the
    session); a later test that calls the WSGI or ASGI handler directly, and is not allowed the
    database, would otherwise fail on that check (at the start and end of each request), though
    no page uses the database."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
