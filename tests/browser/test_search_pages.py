"""Search in a real browser: the header form works with no JavaScript, results fit 320 px,
and a hostile query is shown as text, never run."""

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def test_header_search_works_without_javascript_at_320px(make_page, site_url):
    page = make_page(width=320, javascript=False)
    page.goto(site_url + "/")
    page.get_by_role("searchbox", name="Search this site").fill("herceptin")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=herceptin")
    first = page.locator(".search-result__title a").first
    assert first.inner_text() == "Targeted therapy"
    assert page.locator(".search-result mark").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_emergency_question_shows_the_emergency_first_and_fits(make_page, site_url):
    page = make_page(width=320)
    page.goto(site_url + "/search/?q=" + quote("back pain and numb legs"))
    first = page.locator(".search-result__title a").first
    assert first.inner_text() == "Spinal cord compression"
    assert page.locator(".emergency-banner").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_hostile_query_is_shown_as_text(make_page, site_url):
    page = make_page(width=1280)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    page.goto(site_url + "/search/?q=" + quote(hostile))
    assert dialogs == []
    assert page.locator("main img").count() == 0
    assert page.get_by_role("searchbox", name="Search this site").input_value() == hostile


def test_correction_offers_the_exact_search(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "/search/?q=trastuzamab")
    assert "Showing results for trastuzumab" in page.locator(".search-suggestion").inner_text()
    page.get_by_role("link", name="trastuzamab").click()
    assert page.locator("h1").inner_text() == "No pages found for ‘trastuzamab’"


def test_suggestions_follow_the_combobox_pattern(make_page, site_url):
    page = make_page(width=320)
    page.goto(site_url + "/search/")
    box = page.locator("#page-search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("herceptin")
    listbox = page.get_by_role("listbox", name="Suggested pages")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("status").inner_text().startswith("1 suggestion")
    box.press("ArrowDown")
    option = page.get_by_role("option").first
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.inner_text() == "Targeted therapy"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and listbox.is_hidden()
    box.press_sequentially(" ")  # typing again brings the list back
    listbox.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/treatments/targeted-therapy/")


def test_search_page_still_submits_with_javascript(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "/search/")
    page.locator("#page-search").fill("chemo")
    page.locator("#page-search").press("Enter")  # no suggestion chosen: the form submits
    page.wait_for_url("**/search/?q=chemo")
    assert page.locator(".search-result__title a").first.inner_text() == "Chemotherapy"


def test_a_query_the_site_does_not_cover_is_answered_honestly_at_320px(make_page, site_url):
    page = make_page(width=320)
    page.goto(site_url + "/search/?q=" + quote("tesco opening times"))
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "We do not have information about ‘tesco opening times’"
    helpline = page.locator('main a[href="tel:08088006000"]').first
    assert helpline.is_visible() and helpline.inner_text() == "0808 800 6000"
    assert page.get_by_role("heading", name="The closest pages we have").is_visible()
    assert page.locator("mark").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
