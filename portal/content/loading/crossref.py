"""Links the loaded pieces to each other, once, after every file is read: each medicine
learns which topics name it, and each glossary entry's page is checked to exist.

Both need all topics, so they cannot happen while a single file is read. (Glossary words
are marked while each topic is rendered: portal/content/rendering/bodies.py.)
"""

from dataclasses import replace
from pathlib import Path

from portal.content.loading.models import GlossaryEntry, Medicine, Topic
from portal.content.loading.problems import Problem


def find_mentions(
    medicines: tuple[Medicine, ...], topics: dict[str, Topic]
) -> tuple[Medicine, ...]:
    """Each medicine with the keys of the topics whose title or text names it or a brand
    (Topic.medicines, found when each file was read).

    Its own topic comes first, then the others in site order.
    """
    found: dict[str, list[str]] = {medicine.name: [] for medicine in medicines}
    for key, topic in topics.items():
        for name in topic.medicines:
            found[name].append(key)
    result = []
    for medicine in medicines:
        keys = found[medicine.name]
        ordered = [medicine.topic] if medicine.topic in keys else []
        ordered += [key for key in keys if key != medicine.topic]
        result.append(replace(medicine, mentioned_in=tuple(ordered)))
    return tuple(result)


def check_glossary_links(
    glossary: tuple[GlossaryEntry, ...], topics: dict[str, Topic], path: Path
) -> list[Problem]:
    return [
        Problem(
            "content.W001",
            path,
            f"Glossary word '{entry.term}' points to '{entry.topic}', not a page.",
            "Set its topic to an existing page, like 'emergencies/hypercalcaemia', "
            "or remove the line.",
        )
        for entry in glossary
        if entry.topic and entry.topic not in topics
    ]
