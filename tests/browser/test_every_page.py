"""Every page of the real content, not only one of each type: axe-clean and fitting a phone.

Topics differ in what editors put in them (tables, care cards, long words), so each one gets
axe-core and the reflow and heading checks at 320 px, the width where problems show first. The
pages that stand for their type in tests/browser/page_types.py are left to the survey, which
runs the same checks on them and more.
"""

import pytest

from portal.content.loading.store import get_library
from tests.browser import probes
from tests.browser.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser


def test_every_real_page_passes_axe_and_fits_320px(make_page, site_url):
    library = get_library()
    paths = ["/", "/contacts/"]
    paths += [section.url for section in library.sections]
    paths += [topic.url for topic in library.topics.values()]
    assert len(paths) > 30
    paths = [path for path in paths if path not in PAGE_TYPES.values()]

    page = make_page(width=320)
    problems = {}
    for path in paths:
        response = page.goto(site_url + path)
        found = []
        if response.status != 200:
            found.append(f"status {response.status}")
        violations = probes.axe_violations(page)
        if violations:
            found.append(probes.describe_violations(violations))
        if overflow := probes.horizontal_overflow(page):
            found.append(f"scrolls sideways by {overflow}px")
        found += probes.overlapping_text(page)
        structure = probes.structure(page)
        if structure.h1_count != 1:
            found.append(f"{structure.h1_count} h1 elements")
        found += probes.skipped_heading_levels(structure.headings)
        if found:
            problems[path] = found
    assert problems == {}
