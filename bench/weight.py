"""Page weight as a reader's browser gets it: bytes on the wire, compressed, and requests."""

import gzip
import re
import urllib.request
from html.parser import HTMLParser

import brotli

ACCEPT = {"Accept-Encoding": "br, gzip"}


class Subresources(HTMLParser):
    """What a browser fetches for a page: stylesheets, icons, scripts and images."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel or "preload" in rel):
            kind = "css" if "stylesheet" in rel else "other"
            self.found.append((kind, attributes.get("href") or ""))
        elif tag == "script" and attributes.get("src"):
            self.found.append(("js", attributes["src"]))
        elif tag == "img" and attributes.get("src"):
            self.found.append(("other", attributes["src"]))


def fetch(url: str) -> tuple[int, bytes, bytes]:
    """Status, bytes on the wire, and the decoded body."""
    request = urllib.request.Request(url, headers=ACCEPT)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # loopback only
            status, encoding, wire = (
                response.status,
                response.headers.get("Content-Encoding"),
                response.read(),
            )
    except urllib.error.HTTPError as error:
        status, encoding, wire = error.code, error.headers.get("Content-Encoding"), error.read()
    if encoding == "br":
        return status, wire, brotli.decompress(wire)
    if encoding == "gzip":
        return status, wire, gzip.decompress(wire)
    return status, wire, wire


def page_weight(base: str, path: str) -> dict:
    status, wire, body = fetch(base + path)
    figures = {"status": status, "requests": 1, "html": len(wire), "css": 0, "js": 0, "other": 0}
    parser = Subresources()
    parser.feed(body.decode("utf-8", "replace"))
    for kind, href in parser.found:
        if href.startswith("data:"):
            continue  # inlined (the site icon): already counted in the page's own bytes
        if re.match(r"^(https?:)?//", href):
            figures["third_party"] = figures.get("third_party", 0) + 1
            continue
        figures["requests"] += 1
        figures[kind] += len(fetch(base + href)[1])
    figures["total"] = figures["html"] + figures["css"] + figures["js"] + figures["other"]
    return figures


def offline_weight(base: str) -> dict:
    """What the service worker fetches in the background after a reader's first visit: its own
    script, the list of versions, and the pages and files it keeps for reading offline. Not part
    of the page's weight (it comes after the page has loaded), but a reader's data all the same."""
    import json

    figures = {"requests": 0, "bytes": 0}
    for path in ("/sw.js", "/offline/versions.json"):
        status, wire, body = fetch(base + path)
        figures["requests"] += 1
        figures["bytes"] += len(wire)
        if path.endswith(".json") and status == 200:
            listed = json.loads(body)
    for path in [*listed["essential"], *listed["assets"]]:
        figures["requests"] += 1
        figures["bytes"] += len(fetch(base + path)[1])
    return figures
