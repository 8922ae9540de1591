"""Reading age of a page: Flesch-Kincaid grade + 5, counted over the page's prose only.

Syllables come from pyphen's British English hyphenation dictionary, which ships inside the
package (textstat downloads NLTK data at run time, which fails offline). Hyphenation leaves out
breaks that would strand one letter ("a-ble", "a-bout"), so on its own it undercounts by about a
sixth; a count of vowel groups is used as the floor, which brings a test list of 60 common words
within 2% of their true syllable count. It is a screening number for editors, not a precise grade.

What counts as prose, and why:
- paragraphs, list items and care-card text count: that is what a reader has to understand;
- headings, care-card titles and tables do not: they are short labels, not sentences, and
  would make every page look easier than it is;
- each paragraph or list item ends a sentence even without a full stop, because bullet lists
  are read item by item (otherwise a list of ten short items would count as one huge sentence);
- a medicine name (from medicines.yml: names and brands) counts as one word of two syllables.
  People need the exact name that is on their prescription, so an editor cannot make it
  shorter, and it should not push a page over the target; the sentence around it still counts.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import pyphen

# Reading age 11 (about Flesch-Kincaid grade 6) is what the NHS and PIF TICK ask for.
TARGET_READING_AGE = 11.0
MEDICINE_SYLLABLES = 2

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
SENTENCE_END = re.compile(r"[.!?]+(?:[\"'’”)]*)(?:\s+|$)")
BLOCKS = {"p", "li", "dd", "dt", "blockquote", "div", "ul", "ol", "dl", "br", "hr", "pre"}
SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "code"}


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return 0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59

    @property
    def reading_age(self) -> float | None:
        grade = self.grade
        return None if grade is None else round(max(grade, 0.0) + 5, 1)


VOWEL_GROUP = re.compile(r"[aeiouy]+")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def _vowel_groups(word: str) -> int:
    count = len(VOWEL_GROUP.findall(word))
    # A silent final e ("time", "bones"), but not "table" or "changes".
    if count > 1 and re.search(r"[^aeiouy]e$", word) and not re.search(r"[^aeiouy]le$", word):
        count -= 1
    elif count > 1 and re.search(r"[^aeiouytd]ed$", word):
        count -= 1
    elif (
        count > 1
        and re.search(r"[^aeiouy]es$", word)
        and not re.search(r"(s|x|z|ch|sh|g|c)es$", word)
    ):
        count -= 1
    return max(count, 1)


@cache
def syllables(word: str) -> int:
    word = word.lower().strip("'’")
    return max(len(_dictionary().positions(word)) + 1, _vowel_groups(word))


class _ProseParser(HTMLParser):
    """Splits sanitised HTML into blocks of prose, leaving out headings, tables and labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._skip: list[str] = []  # open tags whose text is not prose

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append(text)
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        classes = (dict(attrs).get("class") or "").split()
        if tag in SKIPPED or "care-card__title" in classes:
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()
            self._buffer = [] if tag in {"p", "table"} else self._buffer
            return
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._buffer.append(data)

    def close(self):
        super().close()
        self._flush()


def prose_blocks(html: str) -> list[str]:
    parser = _ProseParser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def medicine_words(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    """Lowercase words of medicine names and brands, e.g. 'trastuzumab', 'herceptin'."""
    return frozenset(word.lower() for name in names for word in WORD.findall(name))


def measure(html: str, medicines: frozenset[str] = frozenset()) -> Readability:
    sentences = words = total = 0
    for block in prose_blocks(html):
        for sentence in SENTENCE_END.split(block):
            found = WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            total += sum(
                MEDICINE_SYLLABLES if word.lower() in medicines else syllables(word)
                for word in found
            )
    return Readability(sentences, words, total)


def medicine_names(library) -> frozenset[str]:
    names = [m.name for m in library.medicines] + [b for m in library.medicines for b in m.brands]
    return medicine_words(names)


def reading_age(topic, medicines: frozenset[str] = frozenset()) -> float | None:
    return measure(topic.html, medicines).reading_age
