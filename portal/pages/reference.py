"""The plain-language help pages: the glossary and the medicines A to Z."""

from collections.abc import Callable, Iterable

from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def by_letter[T](items: Iterable[T], name: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """Items grouped under their first letter, A to Z; anything else goes under '#' at the end."""
    groups: dict[str, list[T]] = {}
    for item in items:
        first = name(item)[:1].upper()
        groups.setdefault(first if first in LETTERS else "#", []).append(item)
    return sorted(groups.items(), key=lambda pair: (pair[0] == "#", pair[0]))


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == "#" else f"letter-{letter.lower()}"


def letter_links(groups: list[tuple[str, list]]) -> list[tuple[str, str | None]]:
    """Every letter A to Z with the anchor to jump to, or None when it has no entries."""
    present = {letter for letter, _ in groups}
    links = [(letter, letter_anchor(letter) if letter in present else None) for letter in LETTERS]
    return links + ([("#", letter_anchor("#"))] if "#" in present else [])


@require_safe
def glossary(request):
    library = get_library()
    groups = by_letter(library.glossary, lambda entry: entry.term)
    topics = {entry.term: library.topics.get(entry.topic) for entry in library.glossary}
    return render(
        request,
        "pages/glossary.html",
        {
            "groups": [
                (letter, letter_anchor(letter), [(e, topics[e.term]) for e in entries])
                for letter, entries in groups
            ],
            "letters": letter_links(groups),
            "page_title": "Glossary: medical words explained",
            "description": "Plain explanations of the medical words used on this site, "
            "from antibody-drug conjugate to X-ray.",
        },
    )


@require_safe
def medicines(request):
    library = get_library()
    groups = by_letter(library.medicines, lambda medicine: medicine.name)
    return render(
        request,
        "pages/medicines.html",
        {
            "groups": [
                (
                    letter,
                    letter_anchor(letter),
                    [
                        (medicine, [library.topics[key] for key in medicine.mentioned_in])
                        for medicine in items
                    ],
                )
                for letter, items in groups
            ],
            "letters": letter_links(groups),
            "page_title": "Medicines A to Z",
            "description": "The medicines named on this site: their UK brand names, what "
            "type of medicine each is, what it is used for, and the pages that mention it.",
        },
    )
