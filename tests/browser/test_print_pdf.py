"""Print views rendered to PDF by Chromium (print media), read back with pypdf.

Every topic's sheet is checked, since any topic may be the one a reader takes to clinic.
"""

import io
import os
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from portal.content.loading.loader import load_library
from tests.conftest import REAL_CONTENT

pytestmark = pytest.mark.browser

LIBRARY = load_library(REAL_CONTENT)
TOPICS = sorted(LIBRARY.topics.values(), key=lambda topic: topic.key)
A4_PORTRAIT = (595, 842)  # points, rounded
# A topic's sheet now ends with its sources, review status and what changed, which a reader
# needs to trust a printout; the longest pages (benefits, planning ahead, pain) need up to five.
MAX_TOPIC_PAGES = 5
# Words that only the site's navigation, search, footer or screen-only tools carry.
NAVIGATION_WORDS = (
    "Skip to main content",
    "Search this site",
    "Emergency? Get help now",
    "Related pages",
    "On this page",
    "This site sets no cookies",
    "All helplines and contacts",
    "Back to the online page",
    "Print this page",
    "Print command",
)


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def pdf_of(page, url: str) -> tuple[bytes, list[str], PdfReader]:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(data))
    # NFKC undoes the ligatures (ﬀ, ﬁ) the PDF's fonts use, so words compare as typed.
    texts = [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages
    ]
    return data, texts, reader


def flat(texts: list[str]) -> str:
    return " ".join(texts)


def assert_no_navigation(text: str) -> None:
    for words in NAVIGATION_WORDS:
        assert words not in text, words


def size_of(reader, number: int = 0) -> tuple[int, int]:
    box = reader.pages[number].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.mark.parametrize("topic", TOPICS, ids=[topic.key for topic in TOPICS])
def test_every_topic_sheet_prints_whole_on_at_most_five_a4_pages(make_page, site_url, topic):
    page = make_page()
    _, texts, reader = pdf_of(page, f"{site_url}{topic.url}print/")
    text = flat(texts)
    assert len(texts) <= MAX_TOPIC_PAGES, f"{topic.key} prints on {len(texts)} pages"
    assert size_of(reader) == A4_PORTRAIT
    assert " ".join(topic.title.split()) in texts[0]
    assert f"Last updated: {long_date(topic.updated)}" in text
    assert f"Next review due: {long_date(topic.next_review)}" in text
    # The address may wrap in the PDF text, so compare with the spaces taken out.
    assert f"Printed from {site_url}{topic.url}".replace(" ", "") in text.replace(" ", "")
    assert LIBRARY.section("emergencies").title in text  # the emergency box
    assert "Call 999 if a life is in danger" in text
    assert "Breast Cancer Now Helpline: 0808 800 6000" in text
    assert_no_navigation(text)


def test_topic_page_printed_from_the_browser_hides_navigation(make_page, site_url):
    topic = LIBRARY.topic("treatments", "chemotherapy")
    _, texts, reader = pdf_of(make_page(), site_url + topic.url)
    text = flat(texts)
    assert topic.title in texts[0] and long_date(topic.updated) in text
    assert size_of(reader) == A4_PORTRAIT
    for words in ("Skip to main content", "Search this site", "Related pages", "Print this page"):
        assert words not in text


def test_external_link_addresses_are_printed_after_their_text(
    make_page, portal_server, content_copy
):
    topic = content_copy / "about" / "second.md"
    topic.write_text(
        topic.read_text(encoding="utf-8") + "\nSee [the NHS website](https://www.nhs.uk/).\n",
        encoding="utf-8",
    )
    _, texts, _ = pdf_of(make_page(), portal_server + "/about/second/")
    assert "the NHS website (https://www.nhs.uk/)" in flat(texts)


def test_pack_of_three_has_contents_and_each_topic_on_its_own_page(make_page, site_url):
    keys = ["treatments/chemotherapy", "side-effects/fatigue", "emergencies/hypercalcaemia"]
    query = "&".join(f"topic={key}" for key in keys)
    data, texts, reader = pdf_of(make_page(), f"{site_url}/print/?{query}")
    cover = texts[0]
    assert "Your information pack" in cover and "Contents" in cover
    topics = [LIBRARY.topics[key] for key in keys]
    for topic in topics:
        assert topic.title in cover
    # Each topic starts a page: its section name then its title open that page.
    starts = []
    for topic in topics:
        opening = f"{LIBRARY.section(topic.section).title} {topic.title}"
        found = [number for number, text in enumerate(texts) if text.startswith(opening)]
        assert len(found) == 1, f"{topic.key} does not open exactly one page"
        starts.append(found[0])
    assert 0 < starts[0] < starts[1] < starts[2]
    assert texts[-1].startswith("Emergency signs and who to call")
    assert "Samaritans: 116 123" in texts[-1]
    assert_no_navigation(flat(texts))
    assert "Some topics were not found" not in flat(texts)
    for topic in topics:
        assert f"Last updated: {long_date(topic.updated)}" in flat(texts)
    save("pack", data)


def test_emergency_card_prints_on_exactly_one_page(make_page, site_url):
    data, texts, reader = pdf_of(make_page(), f"{site_url}/print/emergency-card/")
    assert len(texts) == 1
    assert size_of(reader) == A4_PORTRAIT
    text = texts[0]
    assert "My emergency card" in text
    for label in ("My 24-hour hospital line", "My hospital", "My consultant"):
        assert label in text
    for emergency in LIBRARY.section("emergencies").topics:
        assert emergency.title.split(" (")[0] in text
    assert "Call 999 if a life is in danger" in text and "NHS 111: 111" in text
    assert_no_navigation(text)
    save("emergency-card", data)


def test_what_is_typed_on_the_card_prints_but_is_never_sent(make_page, site_url):
    page = make_page()
    page.goto(f"{site_url}/print/emergency-card/")
    page.wait_for_load_state("networkidle")
    address = page.url
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.evaluate("document.forms.length") == 0
    fields = page.locator("input")
    assert fields.count() >= 3
    for number in range(fields.count()):
        fields.nth(number).fill(f"Typed {number} 0123 456789")
        fields.nth(number).press("Enter")
    page.get_by_label("My hospital", exact=True).press("Tab")
    page.wait_for_timeout(500)
    assert requests == []
    assert page.url == address
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True)
    text = flat([p.extract_text() for p in PdfReader(io.BytesIO(data)).pages])
    assert "Typed 1 0123 456789" in text
    save("emergency-card-typed", data)
    assert requests == []


def test_question_sheet_has_tick_boxes_own_questions_and_writing_lines(make_page, site_url):
    keys = ["treatments/chemotherapy", "side-effects/pain"]
    query = "&".join(f"topic={key}" for key in keys)
    page = make_page()
    data, texts, reader = pdf_of(page, f"{site_url}/print/questions/?{query}")
    text = flat(texts)
    assert "My appointment questions" in texts[0]
    for key in keys:
        for question in LIBRARY.topics[key].questions:
            assert question in text
    assert "My own questions" in text and "Notes from my appointment" in text
    assert "Prepare your questions" in text  # from Making the most of your appointments
    assert "Change the topics" not in text and "Show questions" not in text
    assert_no_navigation(text)
    assert page.locator(".write-lines span").first.is_visible()  # lines to write on, on paper
    page.emulate_media(media="screen")
    assert not page.locator(".write-lines span").first.is_visible()
    save("questions", data)


def test_symptom_diary_is_one_landscape_a4_page(make_page, site_url):
    data, texts, reader = pdf_of(make_page(), f"{site_url}/print/symptom-diary/")
    assert len(texts) == 1
    assert size_of(reader) == A4_PORTRAIT[::-1]
    for word in ("Pain", "Tiredness", "Sleep", "Eating", "Mood", "Monday", "Sunday"):
        assert word in texts[0]
    assert_no_navigation(texts[0])
    save("symptom-diary", data)


def test_print_button_appears_only_with_javascript_and_never_on_paper(make_page, site_url):
    url = f"{site_url}/treatments/chemotherapy/print/"
    plain = make_page(javascript=False)
    plain.goto(url)
    assert not plain.get_by_role("button", name="Print this page").is_visible()
    assert plain.get_by_text("use your browser's Print command").is_visible()

    page = make_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(url)
    button = page.get_by_role("button", name="Print this page")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.printedByButton = true; }")
    button.click()
    assert page.evaluate("window.printedByButton") is True
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert hosts == {urlsplit(site_url).netloc}


def test_sheets_fit_a_320_pixel_screen(make_page, site_url):
    page = make_page(width=320)
    for path in (
        "/print/",
        "/print/questions/",
        "/print/emergency-card/",
        "/treatments/surgery/print/",
    ):
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert page.locator("h1").count() == 1


def save(name: str, data: bytes) -> None:
    """Keep the PDF for a person to look at when PORTAL_PRINT_OUT names a folder."""
    folder = os.environ.get("PORTAL_PRINT_OUT")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        Path(folder, f"{name}.pdf").write_bytes(data)
