"""Fixtures shared by the library tests."""

import pytest

from portal.content.loading import store
from tests.content.content_trees import copy_clean


@pytest.fixture
def clean_copy(settings, tmp_path):
    """A writable copy of a content tree with no problems at all."""
    target = tmp_path / "content"
    copy_clean(target)
    settings.PORTAL_CONTENT_DIR = target
    store.reset()
    return target
