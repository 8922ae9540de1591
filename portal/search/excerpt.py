"""The text under a search result: about WINDOW words of the page around its best matches,
with the matched words between MARK_START and MARK_END.

FTS5's snippet() did this inside SQLite, but each call found the page again through MATCH
(every word list of the question, once per result) and read all the page's words twice: 45 %
of a search's time at 5,000 pages. The pages are already in memory, and the index knows
which words of the pages each question word matches (the words with the same stem), so
str.find looks for the phrases in each result's text. The choice follows snippet():
the stretch with the most different phrases wins, then the one with most matches, then the
earliest; it starts at the beginning of a sentence when the matches still fit, else puts
them in the middle; "…" shows where the text was cut.
"""

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import islice

from portal.search.query import WORD

MARK_START, MARK_END = "\ue000", "\ue001"
ELLIPSIS = "…"
WINDOW = 24  # words shown
# The window is chosen among the first this many matches: a page that uses the words more
# often than this says the same again further down, and each match costs time to weigh.
MATCHES = 32

_GAP = re.compile(r"[\W_]+")  # what separates two words of a phrase, as FTS5 reads it
_SENTENCE_END = re.compile(r"[.!?:\n]\s*")


class Phrases:
    """The question's phrases (each a sequence of normalised words), every word in every form
    that matches it (the words of the pages with the same stem), ready to find in a text."""

    def __init__(self, phrases: Sequence[Sequence[str]], forms: Mapping[str, Sequence[str]]):
        # First word's form -> the rest of each phrase starting with it, each later word as
        # the set of its forms. Longer phrases first, so "back pain" is marked whole.
        self.starting: dict[str, list[tuple[frozenset[str], ...]]] = {}
        unique = {tuple(phrase): None for phrase in phrases if phrase}
        for number, words in enumerate(sorted(unique, key=len, reverse=True)):
            rest = tuple(frozenset(forms.get(word, (word,))) for word in words[1:])
            for form in forms.get(words[0], (words[0],)):
                self.starting.setdefault(form, []).append((number, rest))

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, phrase number) of the first MATCHES phrases in the text, in order.

        str.find looks for each first word (C speed; a regular expression with every form
        in it took 100 µs for a page), and the words after a hit are read one by one. Found
        in the lowercased text; a text whose length lowercasing changes (rare letters such
        as "İ") is searched as it is. Accented spellings are not marked.
        """
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text
        # Each first word's next place, nearest first, until MATCHES phrases are found.
        queue = [(at, form) for form in self.starting if (at := lowered.find(form)) >= 0]
        heapq.heapify(queue)
        found: list[tuple[int, int, int]] = []
        last = -1
        while queue and len(found) < MATCHES:
            at, form = queue[0]
            if at != last and (at == 0 or not lowered[at - 1].isalnum()):
                found.extend(self._phrases_at(lowered, at))
                last = at  # forms that share a start ("pain", "painful") read it once
            following = lowered.find(form, at + 1)
            if following < 0:
                heapq.heappop(queue)
            else:
                heapq.heapreplace(queue, (following, form))
        found.sort(key=lambda hit: (hit[0], -hit[1]))
        return found[:MATCHES]

    def _phrases_at(self, lowered: str, at: int) -> list[tuple[int, int, int]]:
        first = WORD.match(lowered, at)
        found = []
        for number, rest in self.starting.get(first.group(), ()):
            end = first.end()
            for forms in rest:
                gap = _GAP.match(lowered, end)
                word = gap and WORD.match(lowered, gap.end())
                if not word or word.group() not in forms:
                    break
                end = word.end()
            else:
                found.append((at, end, number))
        return found


def _start_of_words(text: str, end: int, count: int) -> int:
    """Where the `count` words before `end` begin (fewer at the start of the text)."""
    if count <= 0:
        return end
    begin = max(0, end - 20 * count)
    starts = [m.start() for m in WORD.finditer(text, begin, end)]
    if begin and len(starts) <= count:  # a run of very long words: look from the top
        starts = [m.start() for m in WORD.finditer(text, 0, end)]
    return starts[-count] if len(starts) >= count else 0


def _score(found: list[tuple[int, int, int]], starts: list[int], begin: int, reach: int) -> int:
    """As snippet() scores a window: 1000 for each phrase in it, 1 for each repeat."""
    end = begin + reach
    inside = [
        m for m in found[bisect_left(starts, begin) : bisect_right(starts, end)] if m[1] <= end
    ]
    distinct = len({phrase for _, _, phrase in inside})
    return 1000 * distinct + len(inside) - distinct


def _start(text: str, found: list[tuple[int, int, int]]) -> int:
    """Where the shown words start: the best-scoring window, either at a match (then the
    matches are centred) or at the start of the sentence before one, which snippet() favours
    with 100 points (120 at the very start). Measured in characters, at this text's average
    word length, so that no word has to be counted until the window is chosen."""
    reach = int(WINDOW * len(text) / (text.count(" ") + 1))
    starts = [begin for begin, _, _ in found]
    # Where sentences start, up to the last match (MATCHES keeps that near the top).
    sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text, 0, starts[-1]))]
    best, best_score, at_sentence = 0, -1, False
    for begin in starts:
        candidates = [(begin, 0)]
        sentence = sentences[bisect_right(sentences, begin) - 1]
        if begin - sentence <= reach:
            candidates.append((sentence, 120 if sentence == 0 else 100))
        for candidate, bonus in candidates:
            score = _score(found, starts, candidate, reach) + bonus
            if score > best_score:
                best, best_score, at_sentence = candidate, score, bonus > 0
    if at_sentence:
        return best
    # Centre the matches: as many words before the first as after the last.
    last = max(
        (end for begin, end, _ in found if best <= begin and end <= best + reach), default=best
    )
    spare = WINDOW - round((last - best) * WINDOW / reach) - 1
    return _start_of_words(text, best, spare // 2)


def excerpt(text: str, phrases: Phrases) -> str | None:
    """About WINDOW words of the text around its best matches, marked; None if none match."""
    found = phrases.find(text)
    if not found:
        return None
    words = list(islice(WORD.finditer(text, _start(text, found)), WINDOW))
    start, stop = words[0].start(), words[-1].end()
    pieces = [ELLIPSIS] if WORD.search(text, 0, start) else []
    at = start
    for begin, finish, _ in found:
        if begin >= at and finish <= stop:
            pieces += [text[at:begin], MARK_START, text[begin:finish], MARK_END]
            at = finish
    if WORD.search(text, stop):
        pieces += [text[at:stop], ELLIPSIS]
    else:
        pieces.append(text[at:].rstrip())  # to the end, with its full stop
    return "".join(pieces)
