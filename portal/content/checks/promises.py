"""Search and glossary promises kept: a synonym or glossary entry that sends readers to a page
must land them on a page that talks about what they asked.

A glossary entry's `topic` promises "this page says more about the word"; a synonym whose
`means` is a page's title or one of its `also_known_as` names promises "this page answers
what you typed". When that page never mentions the word, a reader who searched for
"headache" lands on a pain page that says nothing of headaches: for spread to the brain that
is a safety miss, not only an unhelpful result. Warnings, naming the file and line.
"""

import re
from collections.abc import Iterator

from portal.content.rendering.glossary import glossary_matcher
from portal.content.loading.models import Library, Topic
from portal.content.checks.page_source import line_of
from portal.content.loading.problems import Problem

# Words that carry no meaning of their own in what people type ("what is", "can I").
FILLER = frozenset(
    "a about am an and any are be been can could do does for from get got have how i if in is it "
    "its me my of on "
    "or should the to what when where which who why will with you your".split()
)
WORD = re.compile(r"[a-z0-9]+")


def page_words(topic: Topic) -> set[str]:
    text = " ".join((topic.title, topic.summary, *topic.also_known_as, topic.text))
    return set(WORD.findall(text.lower()))


def mentions(words: set[str], phrase: str) -> bool:
    """Whether every meaningful word of the phrase is on the page, allowing a plural or a
    longer form of the same word ("headache" in "headaches", "scan" in "scanning")."""
    wanted = [word for word in WORD.findall(phrase.lower()) if word not in FILLER]
    return bool(wanted) and all(
        word in words or any(found.startswith(word) for found in words if len(word) > 3)
        for word in wanted
    )


def _names(topic: Topic) -> set[str]:
    return {name.lower() for name in (topic.title, *topic.also_known_as)}


def synonym_problems(library: Library) -> Iterator[Problem]:
    path = library.content_dir / "synonyms.yml"
    pages = [(topic, _names(topic), page_words(topic)) for topic in library.topics.values()]
    for synonym in library.synonyms:
        targets = [
            (topic, words)
            for topic, names, words in pages
            if any(meaning.lower() in names for meaning in synonym.means)
        ]
        for topic, words in targets:
            if any(mentions(words, typed) for typed in synonym.words):
                continue
            typed = synonym.words[0]
            yield Problem(
                "content.W010",
                path,
                f"Searches for '{typed}' are sent to '{topic.title}' ({topic.key}), which "
                f"never mentions {', '.join(repr(word) for word in synonym.words[:3])}.",
                f"Say something about {typed} on that page, or send '{typed}' to a page "
                "that does (change 'means'), or remove the entry.",
                _entry_line(path, typed),
            )


def _entry_line(path, first_word: str) -> int | None:
    """The line of the synonym entry whose `words` list starts with this word."""
    return line_of(path, f"[{first_word},") or line_of(path, f"[{first_word}]")


def glossary_problems(library: Library) -> Iterator[Problem]:
    path = library.content_dir / "glossary.yml"
    for entry in library.glossary:
        topic = library.topics.get(entry.topic) if entry.topic else None
        if topic is None:
            continue  # a missing page is content.W001, from the loader
        text = f"{topic.title} {topic.summary} {topic.text}"
        if glossary_matcher([entry]).values_in(text):
            continue
        yield Problem(
            "content.W011",
            path,
            f"The glossary word '{entry.term}' says '{topic.title}' ({topic.key}) tells more, "
            "but that page never mentions it.",
            f"Point 'topic' at a page that explains {entry.term}, add it to that page, or "
            "remove the 'topic' line.",
            line_of(path, f"term: {entry.term}"),
        )


def promise_problems(library: Library) -> list[Problem]:
    return [*synonym_problems(library), *glossary_problems(library)]
