"""Markdown to sanitised HTML, once per file at load time, in one pass that also reads what the
rest of the portal needs from the page's shape: the headings (contents lists), the plain lists
under each heading (checklists, for print sheets) and the words of the emergency and urgent
care cards (signs, for search). They are read from Python-Markdown's element tree before it is
written out, so no HTML is parsed back.
"""

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from portal.content.rendering.checklists import Checklist
from portal.content.rendering.sanitise import plain_text, sanitise

CARE_CARD_KINDS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "info": "Information",
}


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Rendered:
    html: str  # sanitised, safe to mark safe
    raw_html: str  # before sanitising: lets editor checks say what the sanitiser removed
    headings: tuple[Heading, ...]
    text: str
    checklists: tuple[Checklist, ...] = ()
    signs: str = ""  # the words of the emergency and urgent care cards


class CareCardProcessor(Treeprocessor):
    """Turns admonitions (`!!! emergency "Title"`) into care cards.

    Each card carries its kind as visible words ("Emergency", "Urgent"), so it never relies on
    colour alone; an unknown kind becomes an information card.
    """

    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            classes = div.get("class", "").split()
            if "admonition" not in classes:
                continue
            kind = next((name for name in classes if name in CARE_CARD_KINDS), "info")
            div.set("class", f"care-card care-card--{kind}")
            title = next((child for child in div if child.get("class") == "admonition-title"), None)
            if title is None:
                title = etree.Element("p")
                div.insert(0, title)
            title.set("class", "care-card__title")
            label = etree.Element("strong", {"class": "care-card__label"})
            label.text = CARE_CARD_KINDS[kind]
            label.tail = " " + (title.text or "")
            title.text = None
            title.insert(0, label)


# Cards whose words are signs to act on, which search matches emergency questions against.
CARDS_WITH_SIGNS = ("care-card--emergency", "care-card--urgent")
_LISTS = ("ul", "ol")
_TAG = re.compile(r"<[^>]*>")


class OutlineProcessor(Treeprocessor):
    """Reads the checklists and the care cards' signs off the finished tree (md.outline)."""

    def run(self, root: etree.Element) -> None:
        self.md.outline = (self._checklists(root), self._signs(root))  # type: ignore[attr-defined]

    def _text(self, chunk: str | None) -> str:
        """A piece of the tree's text as a reader sees it: raw HTML and character references
        wait in the stash until the tree is written out, so they are put back here."""
        if not chunk:
            return ""
        return self._unstash(chunk) if "\x02" in chunk else chunk

    def _unstash(self, chunk: str) -> str:
        stash = self.md.htmlStash

        def back(match: re.Match) -> str:
            found = stash.rawHtmlBlocks[int(match.group(1))]
            return html.unescape(_TAG.sub("", str(found)))

        return markdown.util.HTML_PLACEHOLDER_RE.sub(back, chunk)

    def _pieces(self, element: etree.Element, skip_lists: bool = False):
        """Every piece of text inside element, in reading order (lists left out if asked)."""
        text = self._text(element.text)
        # Code spans keep their text already escaped for HTML (markdown's code_escape).
        yield html.unescape(text) if element.tag == "code" else text
        for child in element:
            if not (skip_lists and child.tag in _LISTS):
                yield from self._pieces(child, skip_lists)
            yield self._text(child.tail)

    def _checklists(self, root: etree.Element) -> tuple[Checklist, ...]:
        """The items of the top-level lists after each second-level heading. Lists inside care
        cards are warnings, not things to tick; a nested list's items belong to the item above."""
        found: list[tuple[str, str, list[str]]] = []

        def walk(element: etree.Element, in_card: bool) -> None:
            for child in element:
                if child.tag == "h2":
                    words = " ".join("".join(self._pieces(child)).split())
                    found.append((child.get("id") or "", words, []))
                elif child.tag in _LISTS:
                    if found and not in_card:
                        for item in child.findall("li"):
                            text = " ".join("".join(self._pieces(item, skip_lists=True)).split())
                            if text:
                                found[-1][2].append(text)
                else:
                    walk(child, in_card or child.tag == "div")

        walk(root, False)
        return tuple(Checklist(i, words, tuple(items)) for i, words, items in found if items)

    def _signs(self, root: etree.Element) -> str:
        cards = [
            div
            for div in root.iter("div")
            if any(kind in (div.get("class") or "").split() for kind in CARDS_WITH_SIGNS)
        ]
        return " ".join(" ".join(piece for card in cards for piece in self._pieces(card)).split())


class CareCardExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        # After admonition (priority 20 in blockprocessors, tree built by then).
        md.treeprocessors.register(CareCardProcessor(md), "care_cards", 5)
        # Last of all, after the ids (toc, 5) and the unescaping of backslash escapes (0).
        md.treeprocessors.register(OutlineProcessor(md), "outline", -1)


def _headings(tokens: list[dict], into: list[Heading]) -> list[Heading]:
    for token in tokens:
        into.append(Heading(token["level"], token["id"], token["name"]))
        _headings(token["children"], into)
    return into


def _new_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "tables",
            "admonition",
            "sane_lists",
            "toc",
            CareCardExtension(),
        ],
        extension_configs={"toc": {"toc_depth": "2-6"}},
        output_format="html",
    )


# Building a Markdown object (loading its extensions) costs as much as converting a short page,
# so each thread keeps one and resets it between files. Not shared: convert() is not thread-safe.
_local = threading.local()


# The editor checks read each page again after the content is loaded, because they need what the
# Library does not keep (the HTML before sanitising). Inside remembering_renders() (a check run,
# a desk draft being checked) the same markdown is converted once; a server's loads keep nothing.
_remembered: ContextVar[dict[str, Rendered] | None] = ContextVar("remembered", default=None)


@contextmanager
def remembering_renders() -> Iterator[None]:
    """Within this block, rendering markdown already rendered in it reuses the first result."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def render_markdown(body: str) -> Rendered:
    remembered = _remembered.get()
    if remembered is not None and body in remembered:
        return remembered[body]
    rendered = _render(body)
    if remembered is not None:
        remembered[body] = rendered
    return rendered


def _render(body: str) -> Rendered:
    md = getattr(_local, "markdown", None)
    if md is None:
        md = _local.markdown = _new_markdown()
    md.reset()
    raw = md.convert(body)
    clean = sanitise(raw)
    headings = tuple(_headings(md.toc_tokens, []))  # type: ignore[attr-defined]
    # toc_tokens names are HTML-escaped; headings are shown through autoescaping templates.
    headings = tuple(Heading(h.level, h.id, plain_text(h.text)) for h in headings)
    checklists, signs = md.outline  # type: ignore[attr-defined]
    return Rendered(
        html=clean,
        raw_html=raw,
        headings=headings,
        text=plain_text(clean),
        checklists=checklists,
        signs=signs,
    )
