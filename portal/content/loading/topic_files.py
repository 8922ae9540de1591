"""A topic file's text made into its parts, in one step that a cache can keep between
starts: the checked front matter, the rendered body (portal/content/rendering/bodies.py), and the
medicines its title or text names.

Everything here depends only on the file's text, the glossary and the medicines' names, so
portal/library/render_cache.py keys each result on exactly those. A file with a mistake
raises ContentError, which is never cached: it is reported again on every start.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from portal.content.loading import frontmatter
from portal.content.rendering.bodies import Body, BodyRenderer, fingerprint
from portal.content.rendering.glossary import TermMatcher
from portal.content.loading.models import GlossaryEntry, Medicine


@dataclass(frozen=True)
class TopicParts:
    meta: dict[str, Any]  # front matter, checked: frontmatter.TOPIC_FIELDS
    body_line: int  # line in the file where the markdown body starts
    body: Body
    medicines: tuple[str, ...]  # names of the medicines named in the title or text


def medicine_matcher(medicines: tuple[Medicine, ...]) -> TermMatcher[str]:
    """Finds a medicine's name or any of its brands, and says which medicine it is."""
    return TermMatcher(
        (name, medicine.name)
        for medicine in medicines
        for name in (medicine.name, *medicine.brands)
    )


class TopicReader:
    def __init__(
        self, glossary: tuple[GlossaryEntry, ...] = (), medicines: tuple[Medicine, ...] = ()
    ):
        self._render = BodyRenderer(glossary)
        self._medicines = medicine_matcher(medicines)
        names = [(medicine.name, medicine.brands) for medicine in medicines]
        self.context = fingerprint(self._render.context, names)

    def __call__(self, text: str) -> TopicParts:
        meta, markdown, body_line = frontmatter.parse_document(text, frontmatter.TOPIC_FIELDS)
        body = self._render(markdown)
        medicines = self._medicines.values_in(f"{meta['title']} {body.text}")
        return TopicParts(meta, body_line, body, tuple(medicines))

    @staticmethod
    def to_json(parts: TopicParts) -> list:
        meta = {
            key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in parts.meta.items()
        }
        return [meta, parts.body_line, parts.body.to_json(), parts.medicines]

    @staticmethod
    def from_json(found: list) -> TopicParts:
        stored, body_line, body, medicines = found
        meta = {}
        for key, value in stored.items():
            kind = frontmatter.TOPIC_FIELDS[key].kind
            if kind == "date":
                value = datetime.date.fromisoformat(value)
            elif kind == "list":
                value = tuple(value)
            meta[key] = value
        return TopicParts(meta, body_line, Body.from_json(body), tuple(medicines))
