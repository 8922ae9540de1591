"""Offline reading in Chromium: after one visit the emergency pages, the emergency card and the
contacts page open with the network switched off, and so does a page the reader saved; a saved
copy says when it was saved, and says so when the site lists a newer version or its review date
has passed. Saving sends nothing: the server sees no request for it."""

import datetime
import re

import pytest

from portal.content.loading import store
from tests.browser.live_server import serve_portal
from tests.conftest import REAL_CONTENT, serve_copy

pytestmark = pytest.mark.browser

ESSENTIAL = {
    "/emergencies/": "Emergencies",
    "/emergencies/spinal-cord-compression/": "Spinal cord compression",
    "/emergencies/neutropenic-sepsis/": "Neutropenic sepsis",
    "/emergencies/hypercalcaemia/": "High calcium",
    "/emergencies/blood-clots/": "Blood clots",
    "/print/emergency-card/": "My emergency card",
    "/contacts/": "Helplines and contacts",
}
SAVED = "/treatments/chemotherapy/"
OTHER = "/treatments/"


@pytest.fixture
def content(settings, tmp_path):
    """A writable copy of the real content, so a test can publish a change mid-way."""
    yield serve_copy(REAL_CONTENT, tmp_path, settings)
    store.reset()


@pytest.fixture
def served(content):
    log: list[str] = []
    with serve_portal(request_log=log) as url:
        yield url, log


def wait_for_offline_copies(page, count: int) -> None:
    """Until the service worker has installed and kept the emergency set."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        "n => caches.open('portal-pages-v1').then(c => c.keys()).then(k => k.length >= n)",
        arg=count,
    )


def open_offline(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_selector("[data-offline-status]:not([hidden])")


def test_emergency_pages_card_and_a_saved_page_open_offline(browser, served):
    url, log = served
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url + "/")
        wait_for_offline_copies(page, len(ESSENTIAL))
        # The second visit goes through the service worker, which keeps a copy as it comes in.
        page.goto(url + SAVED)
        page.wait_for_selector("[data-offline-save]:not([hidden])")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        before = len(log)
        page.click("[data-offline-save]")
        page.wait_for_selector("[data-offline-saved]:not([hidden])")
        assert log[before:] == [], "saving a page must not send anything"
        assert "Saved on this device" in page.inner_text("[data-offline-saved]")
        assert page.inner_text("[data-offline-announce]").startswith("Saved.")

        context.set_offline(True)
        for path, title in ESSENTIAL.items():
            open_offline(page, url + path)
            assert title in page.inner_text("h1"), path
            assert re.search(r"saved on \d+ \w+ 20\d\d", page.inner_text("[data-offline-saved]"))
            # The style sheet came from the device too: the header is not unstyled.
            assert page.evaluate(
                "getComputedStyle(document.querySelector('.site-header, .sheet-tools'))"
                ".backgroundColor"
            ) not in ("rgba(0, 0, 0, 0)", "transparent"), path
        open_offline(page, url + SAVED)
        assert page.inner_text("h1") == "Chemotherapy"
        assert page.is_hidden("[data-offline-newer]")

        # A page nobody saved gets the kind offline page, listing what is on the device.
        page.goto(url + "/treatments/surgery/")
        page.wait_for_selector("[data-offline-missing]:not([hidden])")
        assert page.inner_text("h1") == "Pages saved on this device"
        assert page.locator("[data-offline-list] a", has_text="Chemotherapy").count() == 1
    finally:
        context.close()


def test_a_saved_page_says_when_the_site_has_a_newer_version(browser, served, content):
    url, _ = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + SAVED)
        wait_for_offline_copies(page, len(ESSENTIAL))
        page.wait_for_selector("[data-offline-save]:not([hidden])")
        page.click("[data-offline-save]")
        page.wait_for_selector("[data-offline-saved]:not([hidden])")

        # An editor publishes a change to the saved page.
        source = content / "treatments" / "chemotherapy.md"
        text = source.read_text()
        was = re.search(r"^updated: (\S+)$", text, re.M).group(1)
        new_day = datetime.date.fromisoformat(was) + datetime.timedelta(days=1)
        text = text.replace(f"updated: {was}", f"updated: {new_day.isoformat()}", 1)
        source.write_text(text + "\nA sentence added after the reader saved the page.\n")
        store.reset()

        # Reading any other page online brings the device the new list of versions.
        page.goto(url + OTHER)
        page.wait_for_function(
            """(want) => caches.match('/offline/versions.json', {cacheName: 'portal-assets-v1'})
                 .then(r => r.json()).then(d => d.pages['/treatments/chemotherapy/'].updated)
                 .then(day => day === want)""",
            arg=new_day.isoformat(),
        )
        context.set_offline(True)
        open_offline(page, url + SAVED)
        assert "A sentence added" not in page.inner_text("main")
        newer = page.inner_text("[data-offline-newer]")
        assert f"There is a newer version of this page (updated {new_day:%-d %B %Y})" in newer
    finally:
        context.close()


def test_a_saved_page_says_when_its_review_date_has_passed(browser, served, content):
    url, _ = served
    source = content / "treatments" / "surgery.md"
    text = re.sub(r"^updated: .*$", "updated: 2024-01-10", source.read_text(), count=1, flags=re.M)
    text = re.sub(r"^next_review: .*$", "next_review: 2025-01-10", text, count=1, flags=re.M)
    source.write_text(text)
    store.reset()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + "/treatments/surgery/")
        page.wait_for_selector("[data-offline-save]:not([hidden])")
        assert page.is_hidden("[data-offline-overdue]"), "only a saved copy needs the warning"
        page.click("[data-offline-save]")
        page.wait_for_selector("[data-offline-overdue]:not([hidden])")
        assert "due to be checked again on 10 January 2025" in page.inner_text(
            "[data-offline-overdue]"
        )
        page.click("[data-offline-remove]")
        page.wait_for_selector("[data-offline-save]:not([hidden])")
        assert page.is_hidden("[data-offline-saved]")
    finally:
        context.close()


def test_without_service_workers_the_offline_box_stays_hidden(browser, site_url):
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.add_init_script("delete Navigator.prototype.serviceWorker")
        page.goto(site_url + SAVED)
        page.wait_for_load_state("load")
        assert page.is_hidden("[data-offline-status]")
        assert page.is_hidden("[data-offline-save]")
    finally:
        context.close()
