"""A topic file's text made into its parts, in one step: the checked front matter, the
rendered body (portal/content/rendering/bodies.py), and the medicines its title or text names.
A file with a mistake raises ContentError.
"""

from dataclasses import dataclass
from typing import Any

from portal.content.loading import frontmatter
from portal.content.loading.models import GlossaryEntry, Medicine
from portal.content.rendering.bodies import Body, BodyRenderer
from portal.content.rendering.glossary import TermMatcher


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

    def __call__(self, text: str) -> TopicParts:
        meta, markdown, body_line = frontmatter.parse_document(text, frontmatter.TOPIC_FIELDS)
        body = self._render(markdown)
        medicines = self._medicines.values_in(f"{meta['title']} {body.text}")
        return TopicParts(meta, body_line, body, tuple(medicines))
