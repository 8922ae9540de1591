"""A markdown body made into everything the Library keeps of it, in one step per file:
sanitised HTML with the first use of each glossary word marked, headings, plain text, the
lists under each heading (checklists) and the words of the emergency and urgent care cards.
"""

from dataclasses import dataclass

from portal.content.loading.models import GlossaryEntry
from portal.content.rendering.checklists import Checklist
from portal.content.rendering.glossary import glossary_matcher, mark_terms
from portal.content.rendering.markdown import Heading, render_markdown
from portal.content.rendering.sanitise import sanitise


@dataclass(frozen=True)
class Body:
    html: str  # sanitised, glossary words marked: safe to mark safe
    headings: tuple[Heading, ...]
    text: str  # visible words, for search and word counts
    checklists: tuple[Checklist, ...]
    signs: str  # the words of the emergency and urgent care cards, for search


class BodyRenderer:
    """Renders bodies with one glossary (none for section introductions)."""

    def __init__(self, glossary: tuple[GlossaryEntry, ...] = ()):
        self._matcher = glossary_matcher(glossary) if glossary else None

    def __call__(self, markdown: str) -> Body:
        rendered = render_markdown(markdown)
        html = rendered.html
        if self._matcher is not None:
            # Sanitised again after marking, so the allowlist stays the last word on the page.
            html = sanitise(mark_terms(html, self._matcher))
        return Body(html, rendered.headings, rendered.text, rendered.checklists, rendered.signs)
