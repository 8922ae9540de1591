"""Reflow and zoom: nothing scrolls sideways at 320 px, text at 200 % is readable, no overlap."""

import pytest

from tests.browser import probes
from tests.browser.params import EACH_PAGE_AND_WIDTH, EACH_PAGE_TYPE

pytestmark = pytest.mark.browser


@EACH_PAGE_AND_WIDTH
def test_page_does_not_scroll_sideways(page_reports, page_type, width):
    assert page_reports[page_type].widths[width].overflow == 0


@EACH_PAGE_AND_WIDTH
def test_no_text_overlaps_other_text(page_reports, page_type, width):
    assert page_reports[page_type].widths[width].overlaps == []


@EACH_PAGE_TYPE
@pytest.mark.parametrize("zoom", ["browser-zoom-200", "text-size-200", "text-spacing", "print"])
def test_text_stays_readable_zoomed_spaced_and_printed(page_reports, page_type, zoom):
    report = page_reports[page_type]
    zoomed = report.zoom[zoom]
    if zoom == "text-size-200":
        assert zoomed.font_size == pytest.approx(2 * report.widths[1280].font_size, abs=1)
    assert zoomed.overflow == 0
    assert zoomed.overlaps == []
    assert zoomed.cut_off == []


def test_probes_notice_overlap_and_sideways_scrolling(make_page):
    page = make_page(width=320)
    page.set_content(
        "<div style='position:relative'><p>First words here</p>"
        "<p style='position:absolute;top:0;left:0;margin:0'>Second words</p></div>"
        "<p style='white-space:nowrap'>A line of words that is far too wide"
        " for the small screen of a phone</p>"
    )
    assert probes.overlapping_text(page) != []
    assert probes.horizontal_overflow(page) > 0
    assert probes.text_outside_viewport(page) != []
