"""Spelling correction over the index's own words, with symspellpy (symmetric delete).

A word is corrected only when the index cannot match it, and only to a word the pages use,
so a correction always finds something. Two guards keep it honest:
- a common English word is never "corrected" ("car insurance quote" must not become
  "car insurance quite"): the site simply does not use it, and search should say so;
- stop words are never offered as corrections, since they carry no topic.
"""

import functools
import importlib.resources

from symspellpy import SymSpell, Verbosity

from portal.search import query as q

# The most frequent English words of symspellpy's own frequency list: a word among them is a
# real word the site does not use, not a typo.
ENGLISH_WORDS = 30_000
_ENGLISH_LIST = "frequency_dictionary_en_82_765.txt"

# symspellpy's prefix length: deletes are made from each word's first letters only, which
# keeps the table small; typos near the end are still found by the full comparison.
PREFIX_LENGTH = 7


@functools.cache
def english_words() -> frozenset[str]:
    text = (importlib.resources.files("symspellpy") / _ENGLISH_LIST).read_text("utf-8")
    lines = text.splitlines()[:ENGLISH_WORDS]
    return frozenset(line.split(" ", 1)[0] for line in lines)


class Speller:
    """Corrects a typed word to the closest word of the pages, commonest first."""

    def __init__(self, frequency: dict[str, int]):
        self._english = english_words()
        self._symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=PREFIX_LENGTH)
        for word, pages in frequency.items():
            if len(word) >= q.ONE_TYPO_FROM - 1 and word.isalpha() and word not in q.STOP_WORDS:
                self._symspell.create_dictionary_entry(word, max(pages, 1))

    def correct(self, word: str) -> str | None:
        """The closest known word within the typos allowed for the word's length; None when
        there is none, the word is too short to guess at, or it is an ordinary English word."""
        limit = q.allowed_typos(word)
        if not limit or not word.isalpha() or word in self._english:
            return None
        found = self._symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=limit)
        best = found[0].term if found else None
        return best if best != word else None
