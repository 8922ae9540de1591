"""A reader's first visit to a topic page costs at most seven requests: the page, its
stylesheet, the display-choice script in <head>, and the glossary, offline, read-aloud and
feedback-form scripts (README "Performance"; bench/weight.py counts the same). The service
worker's own background requests come after, and are the same fixed list for every reader.

Counted by the server, not by Playwright: Chromium fetches a page's icon itself, and Playwright
reports no request for it, so a recorder in the page would miss the very request this guards
against (the icon is inlined as a data: URI, which is no request at all)."""

import re

import pytest

from tests.browser.live_server import serve_portal

pytestmark = pytest.mark.browser

TOPIC = "/treatments/chemotherapy/"


PAGE_FILES = [
    "/static/css/site.css",
    "/static/js/display.js",
    "/static/js/feedback.js",
    "/static/js/glossary.js",
    "/static/js/listen.js",
    "/static/js/offline.js",
]


def test_topic_page_first_visit_makes_at_most_seven_requests(browser, real_content):
    log: list[str] = []
    with serve_portal(request_log=log) as url:
        # The service worker's background copies are counted in the next test.
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, service_workers="block"
        )
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
    assert len(log) <= 7, log
    assert log[0] == TOPIC
    assert sorted(re.sub(r"\.[0-9a-f]{12}\.", ".", path) for path in log[1:]) == PAGE_FILES, log
    assert icons and all(href.startswith("data:image/svg+xml,") for href in icons)


def test_the_service_worker_fetches_only_what_every_reader_gets(browser, real_content):
    """After the first visit: its script, the list of versions, the emergency set and the files
    they need. Nothing that depends on the reader."""
    from portal.pages.offline import page_versions

    log: list[str] = []
    with serve_portal(request_log=log) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(url + TOPIC)
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            essential = page_versions()["essential"]
            page.wait_for_function(
                "n => caches.open('portal-pages-v1').then(c => c.keys()).then(k => k.length >= n)",
                arg=len(essential),
            )
            page.wait_for_timeout(500)
        finally:
            context.close()
    after_page = [re.sub(r"\.[0-9a-f]{12}\.", ".", path) for path in log[len(PAGE_FILES) + 1 :]]
    allowed = {"/sw.js", "/offline/versions.json", *essential, "/static/js/print.js", *PAGE_FILES}
    assert set(after_page) <= allowed, sorted(set(after_page) - allowed)
    assert set(essential) <= set(after_page)
