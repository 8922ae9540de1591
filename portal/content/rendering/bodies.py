"""A markdown body made into everything the Library keeps of it, in one step per file:
sanitised HTML with the first use of each glossary word marked, headings, plain text, and
the lists under each heading (checklists).

One step, so that portal/library/render_cache.py can keep its whole result between starts:
marking and reading the lists back out of the HTML cost more than the markdown itself.
"""

import hashlib
from dataclasses import dataclass

from portal.content.rendering.checklists import Checklist, checklists_from_html
from portal.content.rendering.glossary import glossary_matcher, mark_terms
from portal.content.loading.models import GlossaryEntry
from portal.content.rendering.markdown import Heading, render_markdown
from portal.content.rendering.sanitise import sanitise


@dataclass(frozen=True)
class Body:
    html: str  # sanitised, glossary words marked: safe to mark safe
    headings: tuple[Heading, ...]
    text: str  # visible words, for search and word counts
    checklists: tuple[Checklist, ...]

    def to_json(self) -> list:
        return [
            self.html,
            [[h.level, h.id, h.text] for h in self.headings],
            self.text,
            [[c.heading_id, c.heading, c.items] for c in self.checklists],
        ]

    @classmethod
    def from_json(cls, found: list) -> "Body":
        html, headings, text, lists = found
        return cls(
            html,
            tuple(Heading(*h) for h in headings),
            text,
            tuple(Checklist(i, heading, tuple(items)) for i, heading, items in lists),
        )


def fingerprint(*parts: object) -> bytes:
    """A short hash of the data a result depends on, for a cache key."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).digest()


class BodyRenderer:
    """Renders bodies with one glossary; `context` names everything besides the markdown and
    our code that the result depends on, so a cache can key on it."""

    def __init__(self, glossary: tuple[GlossaryEntry, ...] = ()):
        self._matcher = glossary_matcher(glossary) if glossary else None
        # Every field of every entry: term, spellings and definition all reach the marks.
        self.context = fingerprint(glossary)

    def __call__(self, markdown: str) -> Body:
        rendered = render_markdown(markdown)
        html = rendered.html
        if self._matcher is not None:
            # Sanitised again after marking, so the allowlist stays the last word on the page.
            html = sanitise(mark_terms(html, self._matcher))
        return Body(html, rendered.headings, rendered.text, checklists_from_html(rendered.html))

    to_json = staticmethod(Body.to_json)
    from_json = staticmethod(Body.from_json)
