"""Display choices in Chromium: the dark theme (by the device's setting or the reader's own
choice) passes axe on every page type at 1280 and 320 px; a choice is kept in localStorage only,
is on <html> before the first paint, makes no request and sets no cookie."""

import pytest

from tests.browser import probes
from tests.browser.live_server import serve_portal
from tests.browser.page_types import PAGE_TYPES
from tests.browser.params import EACH_PAGE_AND_WIDTH

pytestmark = pytest.mark.browser

TOPIC = PAGE_TYPES["emergency-topic"]
DARK_BACKGROUND = "rgb(18, 22, 25)"
# Records the theme on <html> the moment <body> is created, before anything is painted.
FIRST_PAINT_PROBE = """
new MutationObserver((changes, observer) => {
  if (document.body) {
    window.__themeAtBody = document.documentElement.getAttribute('data-theme');
    window.__textAtBody = document.documentElement.getAttribute('data-text');
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


@EACH_PAGE_AND_WIDTH
def test_dark_theme_passes_axe(page_reports, page_type, width):
    """axe on every page type at each width once the device asks for dark (survey.py)."""
    report = page_reports[page_type].widths[width]
    assert report.dark_background == DARK_BACKGROUND, "the dark theme did not apply"
    assert report.dark_violations == [], probes.describe_violations(report.dark_violations)


def test_a_readers_choice_is_kept_on_the_device_only(browser, real_content):
    log: list[str] = []
    with serve_portal(request_log=log) as url:
        context = browser.new_context(
            viewport={"width": 320, "height": 800}, color_scheme="light", service_workers="block"
        )
        try:
            context.add_init_script(FIRST_PAINT_PROBE)
            page = context.new_page()
            page.goto(url + TOPIC)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
                "rgb(255, 255, 255)"
            )
            before = len(log)
            page.get_by_role("radio", name="Dark").check()
            page.get_by_role("radio", name="Larger").check()
            assert page.evaluate("document.documentElement.dataset.theme") == "dark"
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
                DARK_BACKGROUND
            )
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
            page.wait_for_timeout(300)
            assert log[before:] == [], "a display choice must not send anything"
            assert context.cookies() == []
            assert page.evaluate("({...localStorage})") == {
                "portal-theme": "dark",
                "portal-text": "large",
            }

            # The next page starts dark and large before it is painted: no flash of white.
            page.goto(url + "/contacts/")
            assert page.evaluate("window.__themeAtBody") == "dark"
            assert page.evaluate("window.__textAtBody") == "large"
            assert page.get_by_role("radio", name="Dark").is_checked()
            violations = probes.axe_violations(page)
            assert violations == [], probes.describe_violations(violations)

            page.get_by_role("radio", name="Same as my device").check()
            page.get_by_role("radio", name="Standard").check()
            assert page.evaluate("({...localStorage})") == {}
            assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
                "rgb(255, 255, 255)"
            )
        finally:
            context.close()


def test_a_light_choice_wins_over_a_dark_device(make_page, site_url):
    page = make_page(width=1280)
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + TOPIC)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == DARK_BACKGROUND
    page.get_by_role("radio", name="Light").check()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_paper_is_light_even_in_the_dark_theme(make_page, site_url):
    page = make_page(width=1280)
    page.emulate_media(color_scheme="dark", media="print")
    page.goto(site_url + TOPIC)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"


def test_forced_colours_still_win_in_the_dark_theme(make_page, site_url):
    page = make_page(width=400)
    page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto(site_url + TOPIC)
    label = page.locator(".care-card--emergency .care-card__label").first
    assert label.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    stops = probes.tab_through(page, limit=len(probes.focusable_elements(page)) + 5)
    assert [stop.element for stop in stops if not stop.ring_visible] == []


def test_without_javascript_the_choices_are_not_offered(make_page, site_url):
    page = make_page(javascript=False)
    page.goto(site_url + TOPIC)
    assert page.is_hidden("[data-display-choices]")
