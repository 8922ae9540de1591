"""Page metadata: canonical address, description, Open Graph, JSON-LD, sitemap and robots."""

import json
import re
import xml.etree.ElementTree as ET

from tests.browser.page_types import PAGE_TYPES
from tests.conftest import FIXTURE_CONTENT, loaded

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def meta(html: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_topic_page_has_canonical_description_and_open_graph(client):
    html = client.get("/about/what-it-is/?utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/about/what-it-is/">' in html
    assert meta(html, "name", "description") == "What secondary breast cancer is."
    assert meta(html, "property", "og:description") == "What secondary breast cancer is."
    assert meta(html, "property", "og:title") == "What it is"
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:url") == "http://testserver/about/what-it-is/"
    assert meta(html, "property", "og:locale") == "en_GB"


def test_canonical_uses_the_validated_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example"]
    html = client.get("/about/", HTTP_HOST="portal.example").content.decode()
    assert '<link rel="canonical" href="http://portal.example/about/">' in html
    # A host that ALLOWED_HOSTS does not name never reaches a page, so never a canonical link.
    assert client.get("/about/", HTTP_HOST="evil.example").status_code == 400


def test_section_and_home_have_their_own_descriptions(client):
    section = client.get("/about/").content.decode()
    assert meta(section, "property", "og:description") == meta(section, "name", "description")
    assert meta(section, "property", "og:title") == "About the illness"
    home = client.get("/").content.decode()
    assert meta(home, "property", "og:type") == "website"
    assert json_ld(home) == []  # only topic pages describe themselves as medical pages


def test_topic_json_ld_is_a_medical_web_page_with_its_dates(client):
    topic = loaded(FIXTURE_CONTENT).topic("about", "what-it-is")
    html = client.get(topic.url).content.decode()
    [data] = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["dateModified"] == topic.updated.isoformat() == "2026-01-10"
    assert "lastReviewed" not in data  # no clinician has signed the fixture page off
    assert data["citation"][0]["publisher"]["name"] == "Fixture publisher"
    assert data["name"] == topic.title and data["description"] == topic.summary
    assert data["url"] == "http://testserver/about/what-it-is/"
    # Never invented people: the content names no reviewers or authors.
    flat = json.dumps(data)
    for key in ("reviewedBy", "author", "editor", "creator", "Person"):
        assert key not in flat


def test_json_ld_cannot_be_broken_out_of(client, content_copy):
    page = content_copy / "about" / "second.md"
    nasty = "Ends </script><script>alert(1)</script> & <!-- here"
    page.write_text(page.read_text().replace("summary: A short page.", f'summary: "{nasty}"'))
    html = client.get("/about/second/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["description"] == nasty
    assert "<script>alert" not in html


def test_every_page_type_has_its_own_title(client, real_content):
    # The title is the server's (no script changes it); the browser tests check its shape.
    titles = {}
    for name, path in PAGE_TYPES.items():
        html = client.get(path).content.decode()
        titles[name] = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert len(set(titles.values())) == len(PAGE_TYPES), titles


def test_not_found_page_has_no_canonical(client):
    response = client.get("/about/nowhere/")
    assert response.status_code == 404
    assert b'rel="canonical"' not in response.content


def test_sitemap_lists_every_section_and_topic_with_the_day_it_changed(client, real_content):
    library = loaded(real_content)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext(
            "sm:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    for topic in library.topics.values():
        assert entries["http://testserver" + topic.url] == topic.updated.isoformat()
    for section in library.sections:
        latest = max(day for day in (section.updated, *(t.updated for t in section.topics)) if day)
        latest = latest.isoformat()
        assert entries["http://testserver" + section.url] == latest
    for path in ("/", "/glossary/", "/medicines/", "/contacts/"):
        assert "http://testserver" + path in entries
    assert len(entries) == len(library.topics) + len(library.sections) + 4


def test_every_sitemap_address_serves(client, real_content):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS):
        assert client.get(loc.text.removeprefix("http://testserver")).status_code == 200, loc.text


def test_robots_allows_all_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)
