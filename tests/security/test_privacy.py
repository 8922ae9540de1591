"""Privacy: no cookies, nothing fetched from another host, no inline code for the CSP to allow."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.pages.test_real_content import crawl

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"


class ResourceParser(HTMLParser):
    """Collects every address the browser would fetch by itself, and any inline code."""

    FETCHED = {
        ("link", "href"),
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("iframe", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("form", "action"),
        ("input", "src"),
        ("track", "src"),
        ("image", "href"),
        ("use", "href"),
    }

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    # <link> relations a browser fetches by itself; canonical and alternate are only addresses.
    FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rels = set((attributes.get("rel") or "").lower().split())
        for name, value in attrs:
            if tag == "link" and name == "href" and not rels & self.FETCHED_LINK_RELS:
                continue
            if (tag, name) in self.FETCHED and value:
                self.fetched.append(value)
            if name == "style" or name.startswith("on"):
                self.inline.append(f"<{tag} {name}=...>")
        if tag == "style":
            self.inline.append("<style>")
        # JSON-LD is a data block: browsers never run it, so the CSP need not allow it.
        if tag == "script" and not attributes.get("src"):
            if attributes.get("type") != "application/ld+json":
                self.inline.append("<script> without src")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.inline.append("<meta http-equiv=refresh>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def test_no_response_sets_a_cookie(client, real_content):
    pages = crawl(client)
    assert len(pages) > 30
    for path in [*pages, "/no-such-page/", "/api/topics/", "/static/css/site.css"]:
        response = client.get(path)
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path


@pytest.mark.parametrize(
    "path", ["/", "/about/", "/about/what-it-is/", "/no-such-page/", "/api/topics/"]
)
@pytest.mark.parametrize("cookie", ["csrftoken=x", "sessionid=abc; csrftoken=" + "a" * 64, "=;"])
def test_cookies_sent_by_a_browser_never_get_one_back(client, path, cookie):
    response = client.get(path, HTTP_COOKIE=cookie)
    assert response.status_code in (200, 404)
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_no_page_fetches_anything_from_another_host(client, real_content):
    pages = crawl(client)
    for path in [*pages, "/no-such-page/"]:
        parser = ResourceParser()
        parser.feed(client.get(path).content.decode())
        for address in parser.fetched:
            for candidate in address.split(","):
                parts = urlsplit(candidate.strip().split(" ")[0])
                assert not parts.netloc and parts.scheme in ("", "data"), (path, address)


def test_no_page_has_inline_styles_scripts_or_handlers(client, real_content):
    for path in [*crawl(client), "/no-such-page/"]:
        parser = ResourceParser()
        parser.feed(client.get(path).content.decode())
        assert parser.inline == [], path


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_styles_or_scripts(template):
    text = template.read_text()
    assert not re.search(r"\sstyle\s*=", text), "style= attribute"
    assert not re.search(r"<style\b", text), "<style> element"
    assert not re.search(r"<script\b(?![^>]*\ssrc=)", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"javascript:", text, re.IGNORECASE), "javascript: URL"


@pytest.mark.parametrize(
    "asset",
    sorted(p for p in STATIC.rglob("*") if p.suffix in {".css", ".js", ".svg"}),
    ids=lambda p: p.name,
)
def test_static_files_refer_to_no_other_host(asset):
    text = asset.read_text()
    addresses = re.findall(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", text)
    for found in (a or b for a, b in addresses):
        assert not urlsplit(found).netloc and not found.startswith("//"), found
    assert not re.search(r"(fetch|XMLHttpRequest|import)\s*\(\s*['\"](https?:)?//", text)
