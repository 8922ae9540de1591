"""Test parameters built from the one list of page types, so every check covers every type."""

import pytest

from tests.browser.page_types import PAGE_TYPES, WIDTHS

EACH_PAGE_TYPE = pytest.mark.parametrize("page_type", list(PAGE_TYPES))
EACH_PAGE_AND_WIDTH = pytest.mark.parametrize(
    ("page_type", "width"),
    [(page_type, width) for page_type in PAGE_TYPES for width in WIDTHS],
    ids=[f"{page_type}-{width}px" for page_type in PAGE_TYPES for width in WIDTHS],
)
