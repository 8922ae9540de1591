"""Trust on every page: sources and an honest review status at the end, emergencies that lead
with the action, "About our information" linked from every screen page, and the same fields in
the API and JSON-LD."""

import json
import re

import pytest

from tests.conftest import FIXTURE_CONTENT, REAL_CONTENT, loaded, serve_copy
from tests.pages.test_real_content import crawl

EMERGENCY_PAGES = [
    "/emergencies/neutropenic-sepsis/",
    "/emergencies/spinal-cord-compression/",
    "/emergencies/hypercalcaemia/",
    "/emergencies/blood-clots/",
]


@pytest.fixture
def site(client, real_content):
    return crawl(client)


def topic_and_section_paths(site):
    library = loaded(REAL_CONTENT)
    paths = [section.url for section in library.sections]
    paths += [topic.url for topic in library.topics.values()]
    assert all(site[path][0] == 200 for path in paths)  # the crawl reached every one
    return paths


def test_every_topic_and_section_shows_sources_and_an_honest_review_status(site):
    pages = topic_and_section_paths(site)
    assert len(pages) >= 50  # six sections and their topics
    for path in pages:
        html = site[path][2]
        trust = html[html.index('class="page-trust"') :]
        assert ">Sources<" in trust, path
        assert re.search(r'<ul class="sources">\s*<li>', trust), path
        assert "not yet been checked by a clinician" in trust or "Checked by a" in trust, path
        # The status sits with the sources at the end, after every action box.
        assert html.rfind("care-card--") < html.index('class="page-trust"'), path


def test_about_our_information_is_linked_from_every_screen_page(site):
    pages = [
        path
        for path, (status, _, html) in site.items()
        if status == 200
        and html.lstrip().startswith("<!doctype html>")  # not the Atom feed
        and not (path.startswith("/print/") or path.endswith("/print/"))  # sheets have no footer
    ]
    assert len(pages) >= 55
    for path in pages:
        assert 'href="/about-our-information/"' in site[path][2], path
    about = site["/about-our-information/"][2]
    for words in ("three years", "never show adverts", "sets no cookies", "personal details"):
        assert words in about


@pytest.mark.parametrize("path", EMERGENCY_PAGES)
def test_emergency_pages_lead_with_999_then_the_24_hour_line(site, path):
    html = site[path][2]
    after_summary = html[html.index('<p class="lead">') :]
    body = after_summary[after_summary.index('<div class="prose') :]
    # The first thing after the title and summary is the 999 box, then the 24-hour-line box.
    first_tags = re.findall(r"<(?:div|p|h2|nav|ul|ol)\b[^>]*>", body)[1:3]
    assert first_tags[0] == '<div class="care-card care-card--emergency">', first_tags
    urgent = body.index('<div class="care-card care-card--urgent">')
    before_urgent = body[:urgent]
    assert before_urgent.count("<div") == 2, "only the prose wrapper and the 999 box come first"
    if 'id="contents-heading"' in after_summary:
        assert after_summary.index("care-card--urgent") < after_summary.index(
            'id="contents-heading"'
        )
    # Nobody is assumed to have a 24-hour line: the page says what to do without one.
    assert "NHS 111" in html or "A&amp;E" in html


def test_sepsis_temperature_is_in_the_summary_first_box_and_section_intro(site):
    sepsis = site["/emergencies/neutropenic-sepsis/"][2]
    lead = re.search(r'<p class="lead">(.*?)</p>', sepsis).group(1)
    assert "37.5" in lead and "36" in lead
    first_box = re.search(r'care-card--emergency">(.*?)</div>', sepsis, re.S).group(1)
    second_box = re.search(r'care-card--urgent">(.*?)</div>', sepsis, re.S).group(1)
    assert "37.5" in first_box + second_box
    section = site["/emergencies/"][2]
    assert "37.5" in section and "36" in section


def test_no_page_assumes_every_reader_has_a_24_hour_line(site):
    for path, (_status, _, html) in site.items():
        text = re.sub(r"<[^>]+>", " ", html)
        for match in re.finditer(r"[^.?!]*24-hour[^.?!]*[.?!]", text):
            sentence = match.group(0)
            if sentence.endswith("?"):
                continue  # a question to ask the team assumes nothing
            assert re.search(
                r"\bif\b|\bMy 24-hour\b|not everyone|do not have|don't have|"
                r"no 24-hour|may give|might give|gave you|given one|have one|also called|"
                r"may be called|no longer assumes",
                sentence,
                re.I,
            ), (path, sentence)


def signed_tree(tmp_path, settings, signoff_date: str, updated: str = "2026-01-10"):
    def sign(target):
        page = target / "about" / "what-it-is.md"
        text = page.read_text().replace("updated: 2026-01-10", f"updated: {updated}", 1)
        text = text.replace(
            "related:",
            f"clinical_signoff:\n  role: Clinical nurse specialist\n  date: {signoff_date}\n"
            "changes:\n  - date: 2026-01-10\n    note: Added where it spreads.\nrelated:",
            1,
        )
        page.write_text(text)

    return serve_copy(FIXTURE_CONTENT, tmp_path, settings, edit=sign)


def test_a_signed_off_page_says_who_checked_it_by_role_and_when(client, settings, tmp_path):
    signed_tree(tmp_path, settings, "2026-02-01")
    html = client.get("/about/what-it-is/").content.decode()
    assert "Checked by a clinical nurse specialist on" in html
    assert '<time datetime="2026-02-01">1 February 2026</time>' in html
    assert "What changed" in html and "Added where it spreads." in html
    data = client.get("/api/topics/").json()["results"]
    entry = next(item for item in data if item["url"] == "/about/what-it-is/")
    assert entry["clinical_signoff"] == {"role": "Clinical nurse specialist", "date": "2026-02-01"}
    assert entry["updated"] == "2026-01-10"
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert ld["lastReviewed"] == "2026-02-01" and ld["dateModified"] == "2026-01-10"


def test_a_sign_off_older_than_the_text_is_not_shown_as_current(client, settings, tmp_path):
    signed_tree(tmp_path, settings, "2026-01-05", updated="2026-01-10")
    html = client.get("/about/what-it-is/").content.decode()
    assert "Checked by a" not in html
    assert "has changed since then and has not yet been checked again" in html
    data = client.get("/api/topics/").json()["results"]
    entry = next(item for item in data if item["url"] == "/about/what-it-is/")
    assert entry["clinical_signoff"] is None
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert "lastReviewed" not in ld


def test_an_unchecked_page_says_so_and_the_api_gives_null(client):
    html = client.get("/about/what-it-is/").content.decode()
    assert "This page has not yet been checked by a clinician" in html
    entry = client.get("/api/topics/").json()["results"][0]
    assert entry["clinical_signoff"] is None and "reviewed" not in entry


def test_about_page_names_the_publisher_only_when_set(client, settings):
    settings.PORTAL_PUBLISHER = ""
    assert "published by" not in client.get("/about-our-information/").content.decode()
    settings.PORTAL_PUBLISHER = "Example Cancer Charity"
    html = client.get("/about-our-information/").content.decode()
    assert "This website is published by Example Cancer Charity." in html


def test_a_section_page_shows_its_own_sources_and_status(client):
    html = client.get("/about/").content.decode()
    trust = html[html.index('class="page-trust"') :]
    assert "Fixture publisher, 2025" in trust
    assert "not yet been checked by a clinician" in trust
