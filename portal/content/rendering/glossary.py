"""Finds glossary words in text and marks the first use of each on a page, so a hard word
explains itself where the reader meets it.

Marking runs once at load time on sanitised HTML. The mark is a plain link to the word's
entry on /glossary/ (it works without JavaScript); static/js/glossary.js turns it into a
toggletip that shows the definition in place. The definition travels in a data attribute so
the script needs no second request.
"""

import html
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from portal.content.loading.models import GlossaryEntry

# Hyphens count as part of a word: "anti-sickness" is not "sickness", and "HER2-positive" is
# its own term, not "HER2" followed by text.
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"

# A word inside these is never marked: headings and care-card titles must stay short and
# scannable, and a link (or code) inside a link is invalid or meaningless.
SKIP_TAGS = frozenset({"a", "button", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
SKIP_CLASSES = frozenset({"care-card__title"})
VOID_TAGS = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "wbr"})

MARK_CLASS = "glossary-term"


def _is_acronym(form: str) -> bool:
    # "PE", "OT" or "CT" matched without regard to case would find "pe" or "ct" in ordinary
    # words or typing slips; abbreviations are written in capitals, so they must match so.
    return any(ch.isalpha() for ch in form) and form == form.upper()


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _by_first_character(parts: list[tuple[str, str]]) -> str:
    """One alternation of the patterns, grouped under a look-ahead for their first character.

    The regex engine tries every alternative at every word start, so a flat list of some
    hundreds of phrases made marking 5,000 pages take about 10 s; grouped, it tries one
    look-ahead per group and then only the phrases that can start there (4 times faster).
    Same matches: ASCII letters differing only in case fall in one group, and no two
    groups can match at one place, so the first phrase that matches (the longest) still
    wins. A phrase starting with another character could case-fold across groups, so then
    the list stays flat.
    """
    if not all(first.isascii() for first, _ in parts):
        return "|".join(pattern for _, pattern in parts)
    groups: dict[str, list[str]] = {}
    for first, pattern in parts:  # dicts keep order: each group stays longest first
        groups.setdefault(first.lower(), []).append(pattern)
    return "|".join(
        f"(?={re.escape(first)})(?:{'|'.join(patterns)})" for first, patterns in groups.items()
    )


class TermMatcher[T]:
    """Whole-word, case-insensitive search for many phrases at once, longest phrase first.

    Each phrase maps to a value (a glossary entry, a medicine), so a match says what it found.
    """

    def __init__(self, phrases: Iterable[tuple[str, T]]):
        self._exact: dict[str, T] = {}
        self._folded: dict[str, T] = {}
        parts: list[tuple[str, str]] = []  # (first character, pattern), longest phrase first
        for phrase, value in sorted(phrases, key=lambda pair: -len(pair[0])):
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            body = r"\s+".join(re.escape(word) for word in phrase.split(" "))
            if _is_acronym(phrase):
                self._exact.setdefault(phrase, value)
                parts.append((phrase[0], f"(?-i:{body})"))
            else:
                self._folded.setdefault(_key(phrase), value)
                parts.append((phrase[0], body))
        self._regex = (
            re.compile(f"{_BEFORE}(?:{_by_first_character(parts)}){_AFTER}", re.IGNORECASE)
            if parts
            else None
        )

    def finditer(self, text: str) -> Iterator[tuple[re.Match, T]]:
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            found = " ".join(match.group().split())
            value = self._exact.get(found)
            if value is None:
                value = self._folded.get(_key(found))
            if value is not None:
                yield match, value

    def values_in(self, text: str) -> list[T]:
        """Every value found in text, each once, in order of first appearance."""
        seen: list[T] = []
        for _, value in self.finditer(text):
            if value not in seen:
                seen.append(value)
        return seen


def glossary_matcher(entries: Iterable[GlossaryEntry]) -> TermMatcher[GlossaryEntry]:
    return TermMatcher((form, entry) for entry in entries for form in entry.forms)


def term_mark(word: str, entry: GlossaryEntry) -> str:
    return (
        f'<a class="{MARK_CLASS}" href="{entry.url}" '
        f'data-definition="{html.escape(entry.definition)}">{html.escape(word)}</a>'
    )


class _Marker(HTMLParser):
    def __init__(self, matcher: TermMatcher[GlossaryEntry]):
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.used: set[str] = set()
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping inside it)

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = self.skipping or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.skipping:
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for match, entry in self.matcher.finditer(data):
            if entry.term in self.used:
                continue
            self.used.add(entry.term)
            self.out.append(html.escape(data[position : match.start()], quote=False))
            self.out.append(term_mark(match.group(), entry))
            position = match.end()
        self.out.append(html.escape(data[position:], quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def mark_terms(markup: str, matcher: TermMatcher[GlossaryEntry]) -> str:
    """The first use of each glossary word in markup, outside headings and links, marked."""
    marker = _Marker(matcher)
    marker.feed(markup)
    marker.close()
    return "".join(marker.out)
