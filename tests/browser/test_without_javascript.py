"""With JavaScript switched off, a reader can still browse, search and print."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import probes

pytestmark = pytest.mark.browser


def test_browse_from_home_to_a_topic(make_page, site_url):
    page = make_page(width=320, javascript=False)
    page.set_content("<title>before</title><script>document.title = 'scripts ran'</script>")
    assert page.title() == "before", "JavaScript is meant to be off in this test"
    page.goto(site_url + "/")

    # On a phone the section links wait behind "Menu", a disclosure that needs no script.
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="Treatments", exact=True
    ).click()
    assert urlsplit(page.url).path == "/treatments/"
    assert page.locator("h1").inner_text() == "Treatments"

    first_topic = page.locator("main .card__title a").first
    title = first_topic.inner_text()
    first_topic.click()
    assert re.fullmatch(r"/treatments/[a-z0-9-]+/", urlsplit(page.url).path)
    assert page.locator("h1").inner_text() == title


@pytest.mark.parametrize("path", ["/", "/no-such-page-here/"])
def test_search_forms_submit(make_page, site_url, path):
    page = make_page(width=1280, javascript=False)
    page.goto(site_url + path)
    boxes = page.get_by_role("searchbox")
    assert boxes.count() >= 1
    for index in range(boxes.count()):
        page.goto(site_url + path)
        box = page.get_by_role("searchbox").nth(index)
        box.fill("bone pain")
        with page.expect_navigation():
            box.press("Enter")
        address = urlsplit(page.url)
        assert address.path == "/search/"
        assert parse_qs(address.query) == {"q": ["bone pain"]}


def test_topic_prints_without_javascript(make_page, site_url):
    page = make_page(width=1280, javascript=False)
    page.goto(site_url + "/emergencies/spinal-cord-compression/")
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible()
    assert page.locator(".care-card--emergency").first.is_visible()
    assert page.locator(".prose").first.is_visible()
    # Screen-only furniture stays off paper.
    for selector in (".site-nav", ".search-form", ".skip-link", ".breadcrumbs"):
        assert not page.locator(selector).first.is_visible(), selector
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1
    assert probes.overlapping_text(page) == []
