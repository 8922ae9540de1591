"""A loaded page read again for the editor checks: its lines, front matter and HTML parts.

The Library keeps only what readers need (sanitised HTML, plain text); the checks also need
the markdown source (to name lines) and the HTML before sanitising (to say what was removed).
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from portal.content.loading import frontmatter
from portal.content.loading.loader import SECTION_INDEX, read_document
from portal.content.loading.models import Library, Topic
from portal.content.rendering.markdown import Rendered, render_markdown


@dataclass(frozen=True)
class Document:
    """One loaded file again, with what the checks need that the Library does not keep."""

    path: Path
    url: str
    text: str  # the whole file, for finding lines
    meta: dict
    body: str
    body_line: int
    rendered: Rendered
    topic: Topic | None  # None for a section's _index.md


def documents(library: Library, only: Path | None = None) -> Iterator[Document]:
    broken = {problem.path for problem in library.problems if problem.is_error}
    for section in library.sections:
        index = section.path / SECTION_INDEX
        if index.is_file() and index not in broken and only in (None, index):
            found = read_page(index, section.url, frontmatter.SECTION_FIELDS, None)
            if found is not None:
                yield found
        for topic in section.topics:
            if only not in (None, topic.path):
                continue
            found = read_page(topic.path, topic.url, frontmatter.TOPIC_FIELDS, topic)
            if found is not None:
                yield found


def read_page(path, url, fields, topic) -> Document | None:
    try:
        text = frontmatter.decode(path.read_bytes())
        meta, body, body_line = read_document(path, fields)
        return Document(path, url, text, meta, body, body_line, render_markdown(body), topic)
    except Exception:  # noqa: BLE001
        # Changed on disk since the Library was loaded; the next load reports it properly.
        return None


class LineFinder:
    """Finds the line of the file that holds a piece of text, in order through the body."""

    def __init__(self, document: Document):
        self.lines = document.body.split("\n")
        self.first = document.body_line
        self.cursor = 0

    def find(self, *needles: str, heading: bool = False) -> int:
        needles = tuple(n for n in needles if n)
        for start in (self.cursor, 0):
            for index in range(start, len(self.lines)):
                line = self.lines[index]
                if heading and not line.lstrip().startswith(("#", "<h", "=", "-")):
                    if not (index + 1 < len(self.lines) and _is_setext(self.lines[index + 1])):
                        continue
                if any(needle in line for needle in needles):
                    self.cursor = index + 1
                    return self.first + index
        return self.first


def _is_setext(line: str) -> bool:
    return bool(re.fullmatch(r"\s*(=+|-+)\s*", line))


def key_line(document: Document, key: str) -> int | None:
    for number, line in enumerate(document.text.split("\n"), start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
        if number > 1 and line.strip() == frontmatter.FENCE:
            break
    return None


class PageHtml(HTMLParser):
    """The parts of rendered HTML the checks look at, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []  # (level, text)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.images: list[dict[str, str | None]] = []
        self.tags: Counter = Counter()
        self.attributes: Counter = Counter()  # (tag, name, value); class split into names
        self.phone_text: list[str] = []  # text where a phone number should be a tel: link
        self.label_text: list[str] = []  # headings and card titles: short labels
        self._heading: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None
        self._open = Counter()  # how many "skip" (tel links, code) and "label" elements are open
        self._stack: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            if name == "class":
                for part in (value or "").split():
                    self.attributes[(tag, "class", part)] += 1
            elif name != "rel":
                self.attributes[(tag, name, value or "")] += 1
        found = dict(attrs)
        if tag == "img":
            self.images.append(found)
            return
        if tag in {"br", "hr"}:
            return
        kind = None
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = []
            kind = "label"
        elif "care-card__title" in (found.get("class") or ""):
            kind = "label"
        elif tag in {"code", "pre"}:
            kind = "skip"
        if tag == "a":
            self._link = (found.get("href") or "", [])
            if (found.get("href") or "").startswith("tel:"):
                kind = "skip"
        self._open[kind] += 1
        self._stack.append((tag, kind))

    def handle_endtag(self, tag):
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1]).strip()))
            self._link = None
        while self._stack:
            name, kind = self._stack.pop()
            self._open[kind] -= 1
            if name == tag:
                break

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)
        if self._link is not None:
            self._link[1].append(data)
        if self._open["skip"]:
            return
        (self.label_text if self._open["label"] else self.phone_text).append(data)


def parse_html(html: str) -> PageHtml:
    parser = PageHtml()
    parser.feed(html)
    parser.close()
    return parser


def line_of(path: Path, text: str) -> int | None:
    try:
        lines = frontmatter.decode(path.read_bytes()).split("\n")
    except Exception:  # noqa: BLE001
        return None
    return next((n for n, line in enumerate(lines, 1) if text in line), None)
