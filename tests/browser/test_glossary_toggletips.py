"""Glossary toggletips in Chromium: axe-clean, by keyboard, by touch, and as plain links
without JavaScript. (The glossary and medicines pages themselves are page types: the survey
checks them at both widths, tests/browser/page_types.py.)"""

import pytest
from playwright.sync_api import expect

from tests.browser import probes

pytestmark = pytest.mark.browser

TOPIC = "/treatments/targeted-therapy/"


def axe_violations(page) -> str:
    """The violations described, so a failure shows them ('' when there are none)."""
    return probes.describe_violations(probes.axe_violations(page))


def first_tip(page):
    return page.locator("button.toggletip__button").first


def test_toggletips_replace_links_and_pass_axe_closed_and_open(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + TOPIC)
    button = first_tip(page)
    assert page.locator("a.glossary-term").count() == 0  # all enhanced
    assert button.get_attribute("aria-expanded") == "false"
    assert axe_violations(page) == ""
    button.click()
    bubble = page.locator(".toggletip__bubble")
    bubble.wait_for()
    assert button.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == ""


def test_keyboard_tab_enter_escape_space(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + TOPIC)
    term = first_tip(page).inner_text()
    for _ in range(80):  # Tab through the header and contents list to the first word
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('toggletip__button')"):
            break
    else:
        pytest.fail("Tab never reached a glossary word")
    focused = page.locator("button.toggletip__button:focus")
    assert focused.inner_text() == term

    page.keyboard.press("Enter")
    live = page.locator(".toggletip__live").first
    bubble = live.locator(".toggletip__bubble")
    bubble.wait_for()
    assert live.get_attribute("role") == "status"
    assert term in bubble.inner_text() and "More in the glossary" in bubble.inner_text()
    assert focused.get_attribute("aria-expanded") == "true"

    page.keyboard.press("Escape")
    bubble.wait_for(state="detached")
    assert page.locator("button.toggletip__button:focus").inner_text() == term  # focus stays
    assert first_tip(page).get_attribute("aria-expanded") == "false"

    page.keyboard.press("Space")
    bubble.wait_for()
    page.keyboard.press("Space")
    bubble.wait_for(state="detached")


def test_tabbing_past_an_open_word_closes_it(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + TOPIC)
    button = first_tip(page)
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".toggletip__bubble").wait_for()
    page.keyboard.press("Tab")  # onto "More in the glossary": still open
    assert page.evaluate("document.activeElement.textContent") == "More in the glossary"
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # past it: closed
    page.locator(".toggletip__bubble").wait_for(state="detached")
    assert button.get_attribute("aria-expanded") == "false"


def test_touch_tap_opens_inside_the_screen_and_tap_elsewhere_closes(browser, site_url):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(site_url + TOPIC)
        buttons = page.locator("button.toggletip__button")
        for index in range(min(buttons.count(), 6)):  # words at different places in a line
            button = buttons.nth(index)
            button.scroll_into_view_if_needed()
            button.tap()
            bubble = page.locator(".toggletip__bubble")
            bubble.wait_for()
            box = bubble.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (index, box)
            assert button.get_attribute("aria-expanded") == "true"
            page.locator("h1").tap()
            bubble.wait_for(state="detached")
            assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_only_one_definition_is_open_at_a_time(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + TOPIC)
    buttons = page.locator("button.toggletip__button")
    buttons.nth(0).click()
    page.locator(".toggletip__bubble").wait_for()
    buttons.nth(1).click()
    # A locator assertion, not wait_for_function: the CSP forbids the eval that one uses.
    expect(page.locator(".toggletip__bubble")).to_have_count(1)
    assert buttons.nth(0).get_attribute("aria-expanded") == "false"
    assert buttons.nth(1).get_attribute("aria-expanded") == "true"


def test_without_javascript_the_word_links_to_its_glossary_entry(make_page, site_url):
    page = make_page(width=1280, javascript=False)
    page.goto(site_url + TOPIC)
    link = page.locator("a.glossary-term").first
    term = link.inner_text()
    href = link.get_attribute("href")
    assert href.startswith("/glossary/#term-")
    assert page.locator("button.toggletip__button").count() == 0
    link.click()
    page.wait_for_url("**/glossary/#term-*")
    entry = page.locator(href.split("/glossary/")[1])
    assert entry.is_visible()
    assert term.lower() in entry.inner_text().lower()


def test_script_is_small_and_there_is_no_inline_script(make_page, site_url):
    page = make_page(width=1280)
    response = page.goto(site_url + "/static/js/glossary.js")
    assert len(response.body()) < 10 * 1024
    page.goto(site_url + TOPIC)
    inline = page.evaluate(
        "[...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json').length"
    )
    assert inline == 0
