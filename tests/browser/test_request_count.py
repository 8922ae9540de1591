"""A reader's first visit to a topic page costs at most four requests: the page, its
stylesheet, the glossary script and the feedback form's script (README "Performance";
bench/weight.py counts the same).

Counted by the server, not by Playwright: Chromium fetches a page's icon itself, and Playwright
reports no request for it, so a recorder in the page would miss the very request this guards
against (the icon is inlined as a data: URI, which is no request at all)."""

import re

import pytest

from tests.browser.live_server import serve_portal

pytestmark = pytest.mark.browser

TOPIC = "/treatments/chemotherapy/"


def test_topic_page_first_visit_makes_at_most_four_requests(browser, real_content):
    log: list[str] = []
    with serve_portal(request_log=log) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            console_errors = []
            page.on(
                "console",
                lambda message: message.type == "error" and console_errors.append(message.text),
            )
            page.goto(url + TOPIC)
            page.wait_for_load_state("networkidle")
            # Chromium asks for the icon after the load event, outside the page's own network
            # activity; give it time to, so a file icon would be counted.
            page.wait_for_timeout(1000)
            icons = page.eval_on_selector_all("link[rel~=icon]", "els => els.map(e => e.href)")
        finally:
            context.close()
    assert console_errors == []
    assert len(log) <= 4, log
    assert log[0] == TOPIC
    assert sorted(re.sub(r"\.[0-9a-f]{12}\.", ".", path) for path in log[1:]) == [
        "/static/css/site.css",
        "/static/js/feedback.js",
        "/static/js/glossary.js",
    ], log
    assert icons and all(href.startswith("data:image/svg+xml,") for href in icons)
