"""Markdown to sanitised HTML, once per file at load time, with the headings for contents lists."""

import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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


class CareCardExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        # After admonition (priority 20 in blockprocessors, tree built by then).
        md.treeprocessors.register(CareCardProcessor(md), "care_cards", 5)


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


def render_markdown(body: str) -> Rendered:
    md = getattr(_local, "markdown", None)
    if md is None:
        md = _local.markdown = _new_markdown()
    md.reset()
    raw = md.convert(body)
    clean = sanitise(raw)
    headings = tuple(_headings(md.toc_tokens, []))  # type: ignore[attr-defined]
    # toc_tokens names are HTML-escaped; headings are shown through autoescaping templates.
    headings = tuple(Heading(h.level, h.id, plain_text(h.text)) for h in headings)
    return Rendered(html=clean, raw_html=raw, headings=headings, text=plain_text(clean))
