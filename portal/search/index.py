"""The search index: SQLite FTS5 in memory, built once from a Library, with the word lists
the query pipeline needs (vocabulary, spellings, phrasebook) worked out at build time so
that a search does no work proportional to the number of pages.
"""

import math
import sqlite3
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

from portal.library.models import Library, Topic
from portal.search import excerpt
from portal.search import query as q
from portal.search.excerpt import MARK_END, MARK_START
from portal.search.spelling import Speller

EMERGENCY_SECTION = "emergencies"

# The SQL is fixed text: the user's words only ever travel as bound parameters.
_CREATE_SQL = (
    "CREATE VIRTUAL TABLE pages USING fts5(title, names, headings, summary, body, signs, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)
# The emergency pages' signs again, alone: matching "{signs} : (...)" in `pages` reads every
# page's word lists (1.2 ms at 5,000 pages for a question naming an emergency); this table
# holds only the few pages that have signs (0.01 ms). Same tokenizer, so the same matches.
# `pages` keeps its signs column: bm25 counts every column in a page's length.
_CREATE_SIGNS_SQL = (
    "CREATE VIRTUAL TABLE emergency_signs USING fts5(signs, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)
_SIGNS_SQL = "SELECT rowid FROM emergency_signs WHERE emergency_signs MATCH ?"
_INSERT_SQL = (
    "INSERT INTO pages(rowid, title, names, headings, summary, body, signs) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
# Each word of the pages with the number of pages that use it, in the order first met, and
# its stem: the token FTS5 indexes it as, so words with the same stem match the same words.
_CREATE_WORDS_SQL = (
    "CREATE TABLE words(word TEXT NOT NULL, pages INTEGER NOT NULL, stem TEXT NOT NULL)"
)
_WORDS_SQL = "SELECT word, pages, stem FROM words ORDER BY rowid"
# The stems come from FTS5 itself: each word is a row of a scratch table with the same
# tokenizer, and fts5vocab lists the token each row became.
_CREATE_STEMMER_SQL = (
    "CREATE VIRTUAL TABLE temp.stemmer USING fts5(word, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)
_STEMS_SQL = "SELECT doc, term FROM temp.stems"
# bm25 weights, one per column: where a word is found says how much the page is about it.
# Title 10, other names (also_known_as, medicine names and brands) 6, headings 3, summary 2.5,
# body 1. `signs` only decides which emergency page goes first, so it adds nothing (0).
_MATCH_SQL = (
    "SELECT rowid, bm25(pages, 10.0, 6.0, 3.0, 2.5, 1.0, 0.0) AS score FROM pages "
    "WHERE pages MATCH ? ORDER BY score, rowid"
)
# Scoring this many matches takes about a millisecond; above it, see SearchIndex.match.
SCORE_ALL_UP_TO = 300
_COUNT_SQL = "SELECT count(*) FROM pages WHERE pages MATCH ?"
_HEAD_FIELDS = "{title names headings summary} : ("
_NAME_FIELDS = "{title names} : ("
# The head fields again, for scoring them alone when very many pages match (SearchIndex.match).
# Matching them inside `pages` walks every body's word lists too (a common word is in most
# bodies); here the lists hold only the head fields. bm25 divides by the page's whole length,
# so `rest` holds one stand-in token for each token of the page's body and signs: the page
# lengths, and so the scores, are exactly those of `pages`. The stand-in is a private-use
# character: the tokenizer keeps it as a word, and no query can contain it (query.normalise
# keeps only letters and digits), so `rest` never matches anything.
# Contentless (content=''): it is only ever asked for rowids and scores, so the text (and
# the stand-ins, 8 MB at 5,000 pages) need not be kept.
_CREATE_HEADS_SQL = (
    "CREATE VIRTUAL TABLE heads USING fts5(title, names, headings, summary, rest, "
    "content = '', tokenize = 'porter unicode61 remove_diacritics 2')"
)
_INSERT_HEADS_SQL = (
    "INSERT INTO heads(rowid, title, names, headings, summary, rest) VALUES (?, ?, ?, ?, ?, ?)"
)
_STAND_IN = "\ue002 "
# FTS5 keeps each row's token count per column in its docsize table, as one varint a column.
_PAGE_SIZES_SQL = "SELECT id, sz FROM pages_docsize"
_BODY_AND_SIGNS = slice(4, 6)  # of the columns title, names, headings, summary, body, signs
_HEAD_MATCH_SQL = (
    "SELECT rowid, bm25(heads, 10.0, 6.0, 3.0, 2.5, 0.0) AS score FROM heads "
    "WHERE heads MATCH ? ORDER BY score, rowid"
)
_IN_HEADS_SQL = "SELECT 1 FROM pages WHERE pages MATCH ? AND rowid = ?"
_ANY_SQL = "SELECT 1 FROM pages WHERE pages MATCH ? LIMIT 1"
_ROWIDS_SQL = "SELECT rowid FROM pages WHERE pages MATCH ?"

_CARD_KINDS_WITH_SIGNS = ("care-card--emergency", "care-card--urgent")


class _CardText(HTMLParser):
    """Text of the emergency and urgent care cards: the signs to act on, as editors list them.

    The Library's HTML is our own sanitised rendering, so its care-card classes are reliable.
    """

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # nesting depth inside a card's <div>, 0 when outside
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "div":
            return
        if self.depth:
            self.depth += 1
        elif any(kind in (dict(attrs).get("class") or "") for kind in _CARD_KINDS_WITH_SIGNS):
            self.depth = 1

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def card_signs(html: str) -> str:
    parser = _CardText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def fold(words) -> tuple[str, ...]:
    """A phrase reduced for comparing names: no stop words, no plural -s."""
    kept = q.remove_stop_words(words)
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in kept)


def _clean(text: str) -> str:
    return text.replace(MARK_START, " ").replace(MARK_END, " ")


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, one after another (as FTS5's docsize table keeps
    them): seven bits a byte, most significant first, high bit set on all but the last."""
    values, value = [], 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
    return values


def _stems(db: sqlite3.Connection, words: list[str]) -> list[str]:
    """FTS5's token for each word, in order; the word itself when it is not one token."""
    db.execute(_CREATE_STEMMER_SQL)
    db.executemany("INSERT INTO temp.stemmer(rowid, word) VALUES (?, ?)", enumerate(words))
    db.execute("CREATE VIRTUAL TABLE temp.stems USING fts5vocab(temp, stemmer, 'instance')")
    tokens: dict[int, list[str]] = defaultdict(list)
    for rowid, token in db.execute(_STEMS_SQL):
        tokens[rowid].append(token)
    db.execute("DROP TABLE temp.stems")
    db.execute("DROP TABLE temp.stemmer")
    return [found[0] if len(found := tokens[n]) == 1 else word for n, word in enumerate(words)]


@dataclass(frozen=True)
class Hit:
    topic: Topic
    score: float


class SearchIndex:
    """Everything search knows about one Library. Safe to share between threads."""

    def __init__(self, library: Library):
        self.library = library
        self.topics: list[Topic] = [t for section in library.sections for t in section.topics]
        self._lock = threading.Lock()
        self._db = self._build(self._rows(library))
        # In the order first met, as when counted.
        words = self._db.execute(_WORDS_SQL).fetchall()
        document_frequency = {word: pages for word, pages, _ in words}
        self.forms = self._forms(words)

        self.phrasebook = self._phrasebook(library)
        self.longest_phrase = max((len(key) for key in self.phrasebook), default=1)
        for key in self.phrasebook:
            for word in key:
                document_frequency.setdefault(word, 0)  # known words, so never "corrected"
        self.frequency: dict[str, int] = document_frequency
        self.variants = self._variants(self.frequency)
        self.speller = Speller(self.frequency)
        self.emergency_names = self._emergency_names()

    def _rows(self, library: Library) -> list[tuple]:
        """One row per topic, in site order: what the index is built from."""
        medicine_names: dict[str, list[str]] = defaultdict(list)
        for medicine in library.medicines:
            medicine_names[medicine.topic].extend((medicine.name, *medicine.brands))
        rows = []
        for rowid, topic in enumerate(self.topics):
            names = [*topic.also_known_as, *medicine_names.get(topic.key, ())]
            signs = ""
            if topic.section == EMERGENCY_SECTION:
                signs = " ".join([topic.title, topic.summary, *names, card_signs(topic.html)])
            fields = (
                topic.title,
                " ; ".join(names),
                " ; ".join(heading.text for heading in topic.headings),
                topic.summary,
                topic.text,
                signs,
            )
            rows.append((rowid, *(_clean(field) for field in fields)))
        return rows

    @staticmethod
    def _build(rows: list[tuple]) -> sqlite3.Connection:
        """The pages table; the head fields alone (`heads`) and the emergency signs alone;
        and each word with how many pages use it (spelling correction) and its stem."""
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_CREATE_SQL)
        db.executemany(_INSERT_SQL, rows)
        db.execute("INSERT INTO pages(pages) VALUES ('optimize')")
        heads = []
        for rowid, size in db.execute(_PAGE_SIZES_SQL):
            title, names, headings, summary = rows[rowid][1:5]
            rest = _STAND_IN * sum(_varints(size)[_BODY_AND_SIGNS])
            heads.append((rowid, title, names, headings, summary, rest))
        db.execute(_CREATE_HEADS_SQL)
        db.executemany(_INSERT_HEADS_SQL, heads)
        db.execute("INSERT INTO heads(heads) VALUES ('optimize')")
        db.execute(_CREATE_SIGNS_SQL)
        signs = [(rowid, fields[-1]) for rowid, *fields in rows if fields[-1]]
        db.executemany("INSERT INTO emergency_signs(rowid, signs) VALUES (?, ?)", signs)
        document_frequency: Counter[str] = Counter()
        for _, *fields in rows:
            document_frequency.update(set(q.normalise(" ".join(fields))))
        stems = _stems(db, list(document_frequency))
        db.execute(_CREATE_WORDS_SQL)
        db.executemany(
            "INSERT INTO words(word, pages, stem) VALUES (?, ?, ?)",
            [(word, pages, stems[n]) for n, (word, pages) in enumerate(document_frequency.items())],
        )
        db.commit()
        return db

    @staticmethod
    def _forms(words: list[tuple[str, int, str]]) -> dict[str, tuple[str, ...]]:
        """Word -> every word of the pages with its stem (what a search for it matches)."""
        by_stem: dict[str, list[str]] = defaultdict(list)
        for word, _, stem in words:
            by_stem[stem].append(word)
        return {word: tuple(by_stem[stem]) for word, _, stem in words}

    @staticmethod
    def _phrasebook(library: Library) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Typed phrase -> what it means on the site, from synonyms.yml and medicines.yml."""
        book: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for synonym in library.synonyms:
            means = [" ".join(q.normalise(m)) for m in synonym.means]
            for words in synonym.words:
                key = tuple(q.normalise(words))
                if key:
                    book[key].extend(m for m in means if m and m not in book[key])
        for medicine in library.medicines:
            name = " ".join(q.normalise(medicine.name))
            for brand in medicine.brands:
                key = tuple(q.normalise(brand))
                if key and name not in book[key]:
                    book[key].append(name)
        return {key: tuple(means) for key, means in book.items()}

    @staticmethod
    def _variants(frequency: dict[str, int]) -> dict[str, tuple[str, ...]]:
        by_key: dict[str, list[str]] = defaultdict(list)
        for word in frequency:
            if len(word) >= q.VARIANT_MIN_LENGTH and not word.isdigit():
                by_key[q.spelling_key(word)].append(word)
        return {key: tuple(words) for key, words in by_key.items()}

    def _emergency_names(self) -> dict[tuple[str, ...], frozenset[int]]:
        """Names that point at one emergency page: its title and the alternative names that no
        other kind of page shares (so "bone mets", also a treatment page's name, does not)."""
        elsewhere = {
            fold(q.normalise(name))
            for topic in self.topics
            if topic.section != EMERGENCY_SECTION
            for name in (topic.title, *topic.also_known_as)
        }
        names: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for rowid, topic in enumerate(self.topics):
            if topic.section == EMERGENCY_SECTION:
                for name in (topic.title, *topic.also_known_as):
                    key = fold(q.normalise(name))
                    if key and key not in elsewhere:
                        names[key].add(rowid)
        return {key: frozenset(rowids) for key, rowids in names.items()}

    # --- queries -------------------------------------------------------------------------

    def match(
        self, expression: str, enough: int, same_pages: str | None = None
    ) -> tuple[list[tuple[int, float]], int]:
        """(rowid, score) of the best pages, best first (bm25: lower is better), and how many
        pages match in all. `same_pages` is an expression matching exactly the same pages,
        cheaper to count (query.same_pages_fts).

        Scoring every match is what costs time on a big site, and a page that has the words
        only in its body rarely beats one that has them in its title, names, headings or
        summary. So when very many pages match, and at least `enough` have the words in
        those fields, only those are scored, in the `heads` table.
        """
        with self._lock:
            total = self._db.execute(_COUNT_SQL, (same_pages or expression,)).fetchone()[0]
            if total > max(enough, SCORE_ALL_UP_TO):
                head_expression = _HEAD_FIELDS + expression + ")"
                head = self._db.execute(_HEAD_MATCH_SQL, (head_expression,)).fetchall()
                if len(head) >= enough:
                    return head, total
            if not total:
                return [], 0
            return self._db.execute(_MATCH_SQL, (expression,)).fetchall(), total

    def scores(self, expression: str) -> list[tuple[int, float]]:
        """(rowid, score) of every page matching, higher better (bm25 negated)."""
        with self._lock:
            rows = self._db.execute(_MATCH_SQL, (expression,)).fetchall()
        return [(rowid, -score) for rowid, score in rows]

    def weight(self, expression: str) -> float:
        """How much information matching this carries: the rarer across the site, the more.
        Matching no page at all carries the most (the site has nothing on it)."""
        with self._lock:
            pages = self._db.execute(_COUNT_SQL, (expression,)).fetchone()[0]
        return math.log((len(self.topics) + 1) / (pages + 0.5))

    def in_head_fields(self, rowid: int, expression: str, names_only: bool = False) -> bool:
        """Whether the page has this in its title, other names, headings or summary (or, with
        names_only, in its title or other names)."""
        fields = _NAME_FIELDS if names_only else _HEAD_FIELDS
        with self._lock:
            row = self._db.execute(_IN_HEADS_SQL, (fields + expression + ")", rowid))
            return row.fetchone() is not None

    def correct(self, word: str) -> str | None:
        return self.speller.correct(word)

    def matches_anything(self, word: str) -> bool:
        with self._lock:
            return self._db.execute(_ANY_SQL, (q.quote(word),)).fetchone() is not None

    def rowids(self, expression: str) -> set[int]:
        with self._lock:
            rows = self._db.execute(_ROWIDS_SQL, (expression,)).fetchall()
        return {rowid for (rowid,) in rows}

    def signs_match(self, expression: str) -> set[int]:
        """Emergency pages whose signs (cards, summary, names) match the whole expression."""
        with self._lock:
            rows = self._db.execute(_SIGNS_SQL, (expression,)).fetchall()
        return {rowid for (rowid,) in rows}

    def snippets(self, phrases: list[tuple[str, ...]], rowids: list[int]) -> dict[int, str]:
        """Text around the matched phrases (normalised words), marked with MARK_START and
        MARK_END: from the body, else the summary, else the summary unmarked."""
        wanted = excerpt.Phrases(phrases, self.forms)
        found = {}
        for rowid in rowids:
            topic = self.topics[rowid]
            found[rowid] = (
                excerpt.excerpt(_clean(topic.text), wanted)
                or excerpt.excerpt(_clean(topic.summary), wanted)
                or topic.summary
            )
        return found
