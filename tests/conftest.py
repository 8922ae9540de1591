"""Shared fixtures: every test reads the small fixture content tree unless it asks otherwise."""

import os
import shutil
from pathlib import Path

import pytest

from portal.library import store

# The desk's own tests need PORTAL_DESK=1, which settings read at start-up, so they run in a
# pytest of their own (make test runs both; see Makefile). The public run leaves them out.
DESK_MODE = os.environ.get("PORTAL_DESK") == "1"
collect_ignore = [] if DESK_MODE else ["desk"]

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"


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


@pytest.fixture
def content_copy(settings, tmp_path):
    """A writable copy of the fixture tree, for tests that break files on purpose."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    settings.PORTAL_CONTENT_DIR = target
    store.reset()
    return target
