"""The real content tree: every page serves, links resolve, and every part of the seed is there."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.conftest import REAL_CONTENT, loaded


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


def crawl(client) -> dict[str, tuple[int, LinkParser, str]]:
    seen: dict[str, tuple[int, LinkParser, str]] = {}
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        response = client.get(path)
        parser = LinkParser()
        # Pages are HTML; a linked feed (/recent-changes/feed/) is kept with no text to read.
        html = response.content.decode() if "html" in response["Content-Type"] else ""
        parser.feed(html)
        seen[path] = (response.status_code, parser, html)
        for link in parser.links:
            target, _ = urldefrag(link)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/"):
                continue
            if target.startswith(("/static/", "/search/")) or parts.query:
                continue
            queue.append(target)
    return seen


@pytest.fixture(scope="session")
def site():
    """Every page of the real site reachable from the home page, crawled once per session."""
    from django.test import Client, override_settings

    from portal.content.loading import store

    with override_settings(PORTAL_CONTENT_DIR=REAL_CONTENT):
        store.reset()
        try:
            return crawl(Client())
        finally:
            store.reset()


def test_real_content_has_no_errors():
    library = loaded(REAL_CONTENT)
    errors = [str(problem) for problem in library.problems if problem.is_error]
    assert errors == []


def test_six_sections_with_topics():
    library = loaded(REAL_CONTENT)
    assert [s.slug for s in library.sections] == [
        "about", "treatments", "side-effects", "emergencies", "living-with", "support",
    ]  # fmt: skip
    assert all(section.topics for section in library.sections)


def test_every_page_serves_with_one_h1_and_no_skipped_heading(site):
    assert len(site) > 40
    for path, (status, parser, html) in site.items():
        assert status == 200, path
        if not html:
            continue  # not a page
        assert parser.headings.count(1) == 1, path
        for before, after in zip(parser.headings, parser.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"


def test_no_broken_internal_links_or_anchors(site):
    for path, (_, parser, _) in site.items():
        for link in parser.links:
            target, fragment = urldefrag(link)
            if target.startswith("/") and not target.startswith(("/static/", "/search/")):
                assert site[target][0] == 200, f"{path} links to {link}"
                if fragment:
                    assert fragment in site[target][1].ids, f"{path} links to {link}"
            elif not target and fragment:
                assert fragment in parser.ids, f"{path} links to missing #{fragment}"


def test_every_page_links_to_emergencies(site):
    for path, (_, parser, html) in site.items():
        assert "/emergencies/" in parser.links or not html, path


SEED_PARTS = [
    "bones", "lungs", "liver", "brain", "de novo", "treatable", "prognosis", "biopsy",
    "HER2", "tumour markers", "scans", "multidisciplinary team", "hormone therapy",
    "chemotherapy", "targeted therap", "bone-strengthening", "radiotherapy", "stereotactic",
    "surgery", "treatment break", "clinical trial", "genomic testing", "pain", "massage",
    "acupuncture", "fatigue", "breathless", "nausea", "constipation", "diarrhoea", "appetite",
    "dietitian", "blood clot", "hypercalcaemia", "neutropenic sepsis", "spinal cord compression",
    "emotional support", "peer support", "work", "financial", "occupational therapist",
    "palliative care", "hospice", "respite", "appointment", "0808 800 6000",
    "Living with Secondary Breast Cancer",
]  # fmt: skip

SEED_MEDICINES = [
    "tamoxifen", "letrozole", "fulvestrant", "anastrozole", "capecitabine", "paclitaxel",
    "carboplatin", "eribulin", "trastuzumab", "pertuzumab", "Enhertu", "palbociclib",
    "ribociclib", "atezolizumab", "sacituzumab govitecan", "bisphosphonate", "denosumab",
    "paracetamol", "opioid",
]  # fmt: skip


@pytest.mark.parametrize("phrase", SEED_PARTS + SEED_MEDICINES)
def test_every_part_of_the_seed_is_reachable(site, phrase):
    text = " ".join(re.sub(r"<[^>]+>", " ", html) for _, _, html in site.values())
    assert phrase.lower() in " ".join(text.split()).lower()


def test_emergency_pages_say_what_to_do_now(site):
    library = loaded(REAL_CONTENT)
    for topic in library.section("emergencies").topics:
        html = site[topic.url][2]
        assert "care-card--emergency" in html or "care-card--urgent" in html, topic.url
        assert 'href="tel:999"' in html, topic.url
        assert "24-hour" in html, topic.url


def test_every_real_medicine_record_is_named_on_its_page():
    library = loaded(REAL_CONTENT)
    for medicine in library.medicines:
        topic = library.topics[medicine.topic]
        assert medicine.name.lower() in topic.text.lower(), medicine.name


def test_every_phone_number_in_the_body_is_a_tel_link():
    library = loaded(REAL_CONTENT)
    number = re.compile(r"(?<![\d/])(?:0\d{3} ?\d{3} ?\d{2} ?\d{2}|0\d{3} \d{3} \d{4}|116 123)")
    for topic in library.topics.values():
        without_links = re.sub(r"<a [^>]*href=\"tel:[^\"]+\"[^>]*>.*?</a>", "", topic.html)
        assert not number.search(re.sub(r"<[^>]+>", "", without_links)), topic.key
