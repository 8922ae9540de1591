"""The phone-first header: at 390 x 844 it takes at most a quarter of the screen, with the site
name, the emergency link and search in view, and the section links behind "Menu", which opens
without JavaScript. On a wide screen the links show and "Menu" does not."""

import pytest

from tests.browser.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
QUARTER = PHONE["height"] / 4
WITH_HEADER = [name for name, path in PAGE_TYPES.items() if not name.startswith("print-")]


@pytest.mark.parametrize("page_type", WITH_HEADER)
def test_header_takes_at_most_a_quarter_of_a_phone_screen(make_page, site_url, page_type):
    page = make_page(width=PHONE["width"], height=PHONE["height"])
    page.goto(site_url + PAGE_TYPES[page_type])
    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    assert height <= QUARTER, f"{height:.0f} px"
    for selector in (".site-name", ".emergency-link", "#site-search", ".site-menu__toggle"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["y"] + box["height"] <= QUARTER, selector
    assert page.get_by_role("navigation", name="Sections").is_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_menu_opens_and_closes(make_page, site_url, javascript):
    page = make_page(width=PHONE["width"], height=PHONE["height"], javascript=javascript)
    page.goto(site_url + "/")
    links = page.get_by_role("navigation", name="Sections").get_by_role("link")
    assert links.first.is_hidden()
    page.locator(".site-menu__toggle").focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    assert links.count() >= 5
    page.keyboard.press("Enter")
    assert links.first.is_hidden()


def test_wide_screens_show_the_section_links_without_menu(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "/")
    assert page.get_by_role("navigation", name="Sections").get_by_role("link").first.is_visible()
    assert page.locator(".site-menu__toggle").is_hidden()
