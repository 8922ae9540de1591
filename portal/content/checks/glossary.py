"""Editor checks for the glossary, as Django system-check warnings: a glossary word that no page
uses, and a hard word on a page that neither the glossary nor the medicines list explains.

Warnings, not errors: the site is still correct, only less helpful, so they should not stop
a deploy on their own (though `make check` fails on warnings, so editors see them).
"""

import re
from collections.abc import Iterable

from django.core import checks

from portal.content.rendering.glossary import glossary_matcher
from portal.content.loading.models import Library

# A "hard word" is recognised by its shape rather than looked up in a dictionary, so a new
# page is checked without anyone keeping a word list: medical Greek and Latin endings, named
# medicine stems, and abbreviations. A reader without medical training rarely knows these, and
# they are what patients say they stumble over (neutropenia, stereotactic, CDK4/6, MDT).
HARD_WORD = re.compile(
    r"""^(?:
        \w+(?:aemia|emia|penia|penic|paenia)        # blood: anaemia, neutropenia
      | \w+(?:itis|osis|stasis|stases|static)       # inflammation, conditions, spread
      | \w+(?:ectomy|otomy|ostomy|oscopy|ography)   # operations and examinations
      | \w+olog(?:y|ist|ists)                       # specialties: oncology, radiologist
      | \w{3,}otherap(?:y|ies|ist|ists)             # named treatments: radiotherapy
      | \w+(?:emetics?|coagulants?|phonates?|tactic|embolism|thrombosis)
      | hyper\w{4,} | hypo\w{4,}                    # hypercalcaemia
    )$""",
    re.VERBOSE,
)
# Stems of medicine names (trastuzumab, palbociclib, carboplatin, letrozole, ...): these
# belong in medicines.yml or the glossary.
MEDICINE_WORD = re.compile(
    r"^\w+(?:mab|nib|ciclib|platin|taxel|tecan|rubicin|trozole|strant|xifen|lisib|parib)$"
)
# Abbreviations in capitals (MDT, DVT, HER2, CDK4/6) mean nothing until someone explains them.
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9/+]{1,6}$")
# Words of those shapes that every reader knows, or that the site never needs to explain.
EVERYDAY = frozenset(
    {"diagnosis", "NHS", "UK", "GP", "GPs", "OK", "TV", "PIP", "AM", "PM", "A", "I"}
)

WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/+][A-Za-z0-9]+)*\+?")


def is_hard(word: str) -> bool:
    if word in EVERYDAY or word.lower() in EVERYDAY:
        return False
    if ABBREVIATION.match(word):
        return True
    lower = word.lower()
    return bool(HARD_WORD.match(lower) or MEDICINE_WORD.match(lower))


def _explained_words(library: Library) -> tuple[set[str], set[str]]:
    """Words explained somewhere: (exact abbreviations, other words case-folded)."""
    phrases: list[str] = [form for entry in library.glossary for form in entry.forms]
    phrases += [
        name for medicine in library.medicines for name in (medicine.name, *medicine.brands)
    ]
    exact: set[str] = set()
    folded: set[str] = set()
    for phrase in phrases:
        for word in WORD.findall(phrase):
            exact.add(word)
            folded.add(word.casefold())
    return exact, folded


def unexplained_words(library: Library) -> dict[str, list[str]]:
    """Each hard word with no glossary or medicine entry, and the topics that use it."""
    exact, folded = _explained_words(library)
    found: dict[str, list[str]] = {}
    for key, topic in library.topics.items():
        for word in WORD.findall(f"{topic.title} {topic.summary} {topic.text}"):
            if not is_hard(word):
                continue
            if word in exact or (not ABBREVIATION.match(word) and word.casefold() in folded):
                continue
            name = word if ABBREVIATION.match(word) else word.lower()
            users = found.setdefault(name, [])
            if key not in users:
                users.append(key)
    return found


def unused_entries(library: Library) -> list[str]:
    """Glossary terms that no page's title, summary or text uses in any of their forms.

    Each entry is looked for on its own, so "sepsis" counts as used inside "neutropenic
    sepsis" even though that longer entry is the one marked on the page.
    """
    pages = [f"{topic.title} {topic.summary} {topic.text}" for topic in library.topics.values()]
    unused = []
    for entry in library.glossary:
        matcher = glossary_matcher([entry])
        if not any(matcher.values_in(page) for page in pages):
            unused.append(entry.term)
    return unused


def glossary_messages(library: Library) -> Iterable[checks.CheckMessage]:
    """The glossary warnings for one loaded Library (none when it has no glossary)."""
    if not library.glossary:
        return
    glossary_file = "glossary.yml"
    for term in unused_entries(library):
        yield checks.Warning(
            f"The glossary word '{term}' is not used on any page.",
            hint="Remove it from glossary.yml, or check its spelling and other_forms.",
            obj=glossary_file,
            id="glossary.W001",
        )
    for word, keys in sorted(unexplained_words(library).items()):
        topic = library.topics[keys[0]]
        more = f" (and {len(keys) - 1} more pages)" if len(keys) > 1 else ""
        yield checks.Warning(
            f"'{word}' is a hard word with no glossary entry{more}.",
            hint="Add it to glossary.yml with a plain definition (or as another form of an "
            "entry), or to medicines.yml if it is a medicine.",
            obj=str(topic.path.relative_to(library.content_dir)),
            id="glossary.W002",
        )
