"""Read aloud ("Listen") in Chromium, with a stand-in speechSynthesis injected before the page's
scripts run: headless Chromium has no voices. The stand-in records what it is asked to say and
finishes a sentence only when the test says so, so each step can be checked."""

import pytest

from tests.browser.live_server import serve_portal

pytestmark = pytest.mark.browser

TOPIC = "/emergencies/neutropenic-sepsis/"

STAND_IN = """
(local => {
  const spoken = [];
  let current = null;
  window.__speech = { spoken, calls: [] };
  class Utterance { constructor(text) { this.text = text; } }
  const synth = {
    getVoices: () => [{ name: 'Stand-in', lang: 'en-GB', localService: local, default: true }],
    speak(u) {
      spoken.push(u.text); current = u; window.__speech.calls.push('speak');
      setTimeout(() => u.onstart && u.onstart(), 0);
    },
    pause() { window.__speech.calls.push('pause'); },
    resume() { window.__speech.calls.push('resume'); },
    cancel() { window.__speech.calls.push('cancel'); current = null; },
    addEventListener() {},
    finishSentence() { const u = current; current = null; if (u && u.onend) u.onend(); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
})(%s);
"""


def listening_page(browser, url: str, local: bool = True):
    # No service worker: its own background requests (offline copies) would blur the count of
    # requests that reading aloud makes, which must be none.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(STAND_IN % ("true" if local else "false"))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def spoken(page) -> list[str]:
    return page.evaluate("window.__speech.spoken")


def highlighted(page) -> str:
    return page.evaluate(
        "CSS.highlights.has('listen-sentence') ? "
        "[...CSS.highlights.get('listen-sentence')][0].toString() : ''"
    )


def test_listen_reads_the_page_in_order_highlighting_each_sentence(browser, real_content):
    log: list[str] = []
    with serve_portal(request_log=log) as url:
        context, page = listening_page(browser, url + TOPIC)
        try:
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            before = len(log)
            listen = page.get_by_role("button", name="Listen to this page")
            listen.focus()
            page.keyboard.press("Enter")
            page.wait_for_function("window.__speech.spoken.length === 1")
            assert spoken(page) == ["Neutropenic sepsis"]
            page.wait_for_function("CSS.highlights.has('listen-sentence')")
            assert highlighted(page) == "Neutropenic sepsis"
            assert page.inner_text("[data-listen-status]") == "Reading the page aloud."

            page.evaluate("speechSynthesis.finishSentence()")
            page.evaluate("speechSynthesis.finishSentence()")
            page.wait_for_function("window.__speech.spoken.length === 3")
            lead = page.inner_text(".lead")
            assert spoken(page)[1] == lead
            third = spoken(page)[2]
            # Straight after the summary: the page's 999 box, as a reader sees it first.
            assert third.startswith("Emergency Call 999")
            page.wait_for_function(
                "s => CSS.highlights.has('listen-sentence') && "
                "[...CSS.highlights.get('listen-sentence')][0].toString() === s",
                arg=third,
            )

            # Pause and resume by keyboard, the state said aloud and on the button.
            pause = page.locator("[data-listen-pause]")
            assert page.evaluate("document.activeElement.hasAttribute('data-listen-pause')")
            page.keyboard.press("Enter")
            assert pause.inner_text() == "Resume" and pause.get_attribute("aria-pressed") == "true"
            assert page.inner_text("[data-listen-status]") == "Paused."
            page.keyboard.press("Enter")
            assert pause.inner_text() == "Pause" and pause.get_attribute("aria-pressed") == "false"
            assert page.evaluate("window.__speech.calls").count("resume") == 1

            page.get_by_role("button", name="Stop").click()
            assert page.inner_text("[data-listen-status]") == "Stopped reading."
            assert not page.evaluate("CSS.highlights.has('listen-sentence')")
            assert listen.is_visible() and pause.is_hidden()
            page.wait_for_timeout(300)
            assert log[before:] == [], "reading aloud must not send anything"
        finally:
            context.close()


def test_listen_reads_every_sentence_once_then_finishes(browser, site_url):
    context, page = listening_page(browser, site_url + "/emergencies/blood-clots/")
    try:
        page.click("[data-listen-play]")
        for _ in range(400):
            if page.inner_text("[data-listen-status]") == "Finished reading the page.":
                break
            page.evaluate("speechSynthesis.finishSentence()")
        said = spoken(page)
        assert page.inner_text("[data-listen-status]") == "Finished reading the page."
        assert said[0] == "Blood clots"
        text = " ".join(said)
        # The whole text, in order, and nothing from outside the page's own words.
        main = " ".join(page.inner_text("main .prose").split())
        # innerText shows the care card's label in capitals (CSS); the voice reads the words.
        first, last = main.split()[0].lower(), main.split()[-1].rstrip(".?").lower()
        assert first in text.lower() and last in text.lower()
        assert "Sources and checking" not in text and "On this page" not in text
        # Nested blocks (a list item holding a paragraph) are read once, not twice.
        assert said.count(said[1]) == 1
        assert len(said) == len(set(said)) or any(s.startswith("Call 999") for s in said)
    finally:
        context.close()


def test_listen_is_not_offered_without_a_voice_on_the_device(browser, site_url):
    context, page = listening_page(browser, site_url + TOPIC, local=False)
    try:
        assert page.is_hidden("[data-listen]")
        assert page.get_by_role("button", name="Listen to this page").count() == 0
    finally:
        context.close()


def test_listen_is_not_offered_without_speech_synthesis(make_page, site_url):
    page = make_page()
    page.goto(site_url + TOPIC)
    page.wait_for_load_state("load")
    # Headless Chromium has speechSynthesis but no voices at all.
    assert page.evaluate("speechSynthesis.getVoices().length") == 0
    assert page.is_hidden("[data-listen]")
