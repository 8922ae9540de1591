"""A first real-browser check: the home page renders, fits 320 px and makes no outside request."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_home_renders_in_chromium_without_outside_requests(make_page, site_url):
    page = make_page(width=320)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + "/")
    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Emergency? Get help now").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert hosts == {urlsplit(site_url).netloc}
