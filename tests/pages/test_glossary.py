"""The glossary page and the medicines A to Z, as a reader (and a test client) gets them."""

import re
from html.parser import HTMLParser

import pytest

from tests.conftest import REAL_CONTENT, loaded


class Elements(HTMLParser):
    """Start tags with their attributes, and the text under each id'd element."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text_by_id: dict[str, str] = {}
        self.links_by_id: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "a" and attributes.get("href"):
            for _, element_id in self._open:
                if element_id:
                    self.links_by_id.setdefault(element_id, []).append(attributes["href"])
        if tag not in {"br", "img", "meta", "link", "input", "hr"}:
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_by_id.setdefault(attributes["id"], "")

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data


def parse(response) -> Elements:
    parser = Elements()
    parser.feed(response.content.decode())
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def test_glossary_lists_every_entry_under_its_letter(client, real_content):
    library = loaded(REAL_CONTENT)
    page = parse(client.get("/glossary/"))
    for entry in library.glossary:
        text = squash(page.text_by_id[entry.anchor])
        assert entry.term in text and squash(entry.definition) in text
        letter = f"letter-{entry.term[0].lower()}"
        assert entry.anchor in re.findall(r"term-[\w-]+", "") or letter in page.text_by_id


def test_glossary_letter_links_go_to_letters_that_exist(client, real_content):
    page = parse(client.get("/glossary/"))
    nav_links = [
        a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("#letter-")
    ]
    assert nav_links, "no letter navigation"
    for href in nav_links:
        assert href[1:] in page.text_by_id
    # Letters with no entries are shown but are not links (nothing to jump to).
    assert "#letter-q" not in nav_links and "letter-q" not in page.text_by_id


def test_glossary_entries_link_to_their_pages(client, real_content):
    response = client.get("/glossary/")
    assert 'href="/emergencies/hypercalcaemia/"' in response.content.decode()


def test_glossary_on_the_fixture_tree(client):
    response = client.get("/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="term-lymphatic-system"' in html and "Also written: lymph system" in html
    assert 'href="/emergencies/high-calcium/"' in html


def test_glossary_with_no_glossary_file_still_serves(client, content_copy):
    (content_copy / "glossary.yml").unlink()
    response = client.get("/glossary/")
    assert response.status_code == 200 and b"<h1>" in response.content


# Every medicine the source document names, with the name the medicines page uses for it.
SEED_MEDICINES = {
    "tamoxifen": "tamoxifen", "letrozole": "letrozole", "fulvestrant": "fulvestrant",
    "anastrozole": "anastrozole", "capecitabine": "capecitabine", "paclitaxel": "paclitaxel",
    "carboplatin": "carboplatin", "eribulin": "eribulin", "trastuzumab": "trastuzumab",
    "pertuzumab": "pertuzumab", "Enhertu": "trastuzumab deruxtecan",
    "palbociclib": "palbociclib", "ribociclib": "ribociclib", "atezolizumab": "atezolizumab",
    "sacituzumab govitecan": "sacituzumab govitecan", "denosumab": "denosumab",
    "paracetamol": "paracetamol", "bisphosphonates": "zoledronic acid", "opioids": "morphine",
}  # fmt: skip


@pytest.fixture
def medicines_page(client, real_content):
    response = client.get("/medicines/")
    assert response.status_code == 200
    return parse(response)


@pytest.mark.parametrize("seed_name", SEED_MEDICINES)
def test_every_seed_medicine_is_on_the_medicines_page_with_its_brands(medicines_page, seed_name):
    library = loaded(REAL_CONTENT)
    medicine = next(m for m in library.medicines if m.name == SEED_MEDICINES[seed_name])
    text = squash(medicines_page.text_by_id[medicine.anchor])
    assert text.lower().startswith(medicine.name.lower())
    assert seed_name.lower() in text.lower() or seed_name.lower().rstrip("s") in text.lower()
    for brand in medicine.brands:
        assert brand in text, (medicine.name, brand)
    assert medicine.used_for in text


def test_every_medicine_links_to_every_topic_that_mentions_it(medicines_page):
    library = loaded(REAL_CONTENT)
    for medicine in library.medicines:
        assert medicine.mentioned_in, medicine.name
        links = medicines_page.links_by_id[medicine.anchor]
        assert links == [library.topics[key].url for key in medicine.mentioned_in]


def test_a_medicine_named_on_another_page_links_there_too(medicines_page):
    links = medicines_page.links_by_id["tamoxifen"]
    assert links[0] == "/treatments/hormone-therapy/"  # its own page first
    assert "/emergencies/blood-clots/" in links[1:]  # then every other page that names it


def test_medicines_without_brands_say_so(client, real_content):
    page = parse(client.get("/medicines/"))
    assert "Usually called by its general name" in page.text_by_id["carboplatin"]
