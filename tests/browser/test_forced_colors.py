"""Windows high contrast (forced colours): focus still shows, care-card labels keep a shape."""

import pytest

from tests.browser import probes
from tests.browser.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser


def test_forced_colours_keep_focus_ring_and_label_outlines(make_page, site_url):
    page = make_page(width=400)
    page.emulate_media(forced_colors="active")
    page.goto(site_url + PAGE_TYPES["emergency-topic"])
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")

    stops = probes.tab_through(page, limit=len(probes.focusable_elements(page)) + 5)
    assert len(stops) > 5
    assert [stop.element for stop in stops if not stop.ring_visible] == []

    # Background colours are dropped in this mode, so the label needs its own border.
    label = page.locator(".care-card--emergency .care-card__label").first
    assert label.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
