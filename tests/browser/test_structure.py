"""Structure: language, one h1, no skipped heading levels, landmarks, a unique and useful title."""

import pytest

from portal.settings import PORTAL_SITE_NAME
from tests.browser import probes
from tests.browser.params import EACH_PAGE_TYPE
from tests.browser.survey import expected_status

pytestmark = pytest.mark.browser


@EACH_PAGE_TYPE
def test_page_answers_with_its_status(page_reports, page_type):
    for report in page_reports[page_type].widths.values():
        assert report.status == expected_status(page_type)


@EACH_PAGE_TYPE
def test_language_headings_and_landmarks(page_reports, page_type):
    structure = page_reports[page_type].widths[1280].structure
    assert structure.lang == "en-GB"
    assert structure.h1_count == 1
    assert structure.headings[0][0] == 1, "the first heading on the page should be the h1"
    assert probes.skipped_heading_levels(structure.headings) == []
    for role in ("banner", "main", "contentinfo"):
        assert structure.landmarks[role] == 1, role
    assert structure.landmarks["navigation"] >= 1


@EACH_PAGE_TYPE
def test_title_names_the_page_and_the_site(page_reports, page_type):
    structure = page_reports[page_type].widths[1280].structure
    first_part = structure.title.split(" | ")[0]
    assert PORTAL_SITE_NAME in structure.title
    assert first_part.strip() and first_part != PORTAL_SITE_NAME
    if page_type != "home":
        # Inner pages lead with what the page is, then the site, as the NHS website does.
        assert structure.title.endswith(f" | {PORTAL_SITE_NAME}")


def test_skipped_heading_levels_are_found():
    assert probes.skipped_heading_levels([(1, "a"), (2, "b"), (3, "c"), (2, "d")]) == []
    assert probes.skipped_heading_levels([(1, "a"), (3, "b")]) == ["h3 'b' follows h1"]
    assert probes.skipped_heading_levels([(2, "a")]) == ["h2 'a' follows h(none)"]
