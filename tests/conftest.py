"""Shared fixtures: every test reads the small fixture content tree unless it asks otherwise."""

import shutil
from pathlib import Path

import pytest
from django.core import signals
from django.db import close_old_connections

from portal.library import store

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
