"""The search index: SQLite FTS5 in memory, built once from a Library, with the word lists
the query pipeline needs (vocabulary, spellings, phrasebook, emergency names) worked out at
build time. Scores are FTS5's bm25; snippets are FTS5's snippet().
"""

import math
import sqlite3
import threading
from collections import Counter, defaultdict

from portal.content.loading.models import Library, Topic
from portal.search import query as q
from portal.search.spelling import Speller

EMERGENCY_SECTION = "emergencies"

# Around the matched words in a result's snippet (private-use characters, so no page text
# can contain them; service.highlight turns them into <mark> after escaping).
MARK_START, MARK_END = "\ue000", "\ue001"
ELLIPSIS = "…"
SNIPPET_WORDS = 24

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
# bm25 weights, one per column: where a word is found says how much the page is about it.
# Title 10, other names (also_known_as, medicine names and brands) 6, headings 3, summary 2.5,
# body 1. `signs` only decides which emergency page goes first, so it adds nothing (0).
_MATCH_SQL = (
    "SELECT rowid, bm25(pages, 10.0, 6.0, 3.0, 2.5, 1.0, 0.0) AS score FROM pages "
    "WHERE pages MATCH ? ORDER BY score, rowid"
)
_COUNT_SQL = "SELECT count(*) FROM pages WHERE pages MATCH ?"
_HEAD_FIELDS = "{title names headings summary} : ("
_NAME_FIELDS = "{title names} : ("
_SNIPPET_SQL = "SELECT snippet(pages, 4, ?, ?, ?, ?) FROM pages WHERE pages MATCH ? AND rowid = ?"
_IN_HEADS_SQL = "SELECT 1 FROM pages WHERE pages MATCH ? AND rowid = ?"
_ANY_SQL = "SELECT 1 FROM pages WHERE pages MATCH ? LIMIT 1"


def fold(words) -> tuple[str, ...]:
    """A phrase reduced for comparing names: no stop words, no plural -s."""
    kept = q.remove_stop_words(words)
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in kept)


def _clean(text: str) -> str:
    return text.replace(MARK_START, " ").replace(MARK_END, " ")


class SearchIndex:
    """Everything search knows about one Library. Safe to share between threads."""

    def __init__(self, library: Library):
        self.library = library
        self.topics: list[Topic] = [t for section in library.sections for t in section.topics]
        self._lock = threading.Lock()
        rows = self._rows(library)
        self._db = self._build(rows)
        document_frequency: Counter[str] = Counter()
        for _, *fields in rows:
            document_frequency.update(set(q.normalise(" ".join(fields))))
        self.phrasebook = self._phrasebook(library)
        self.longest_phrase = max((len(key) for key in self.phrasebook), default=1)
        for key in self.phrasebook:
            for word in key:
                document_frequency.setdefault(word, 0)  # known words, so never "corrected"
        self.frequency: dict[str, int] = dict(document_frequency)
        self.variants = self._variants(self.frequency)
        self.speller = Speller(self.frequency)
        self.emergency_names = self._emergency_names()
        # Each page's names (title, other names, medicine names), folded for comparing.
        self.names: list[tuple[tuple[str, ...], ...]] = [
            tuple(fold(q.normalise(name)) for name in (topic.title, *row[2].split(" ; ")))
            for topic, row in zip(self.topics, rows, strict=True)
        ]
        # The other way round: a folded name -> the pages that have it.
        named: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for rowid, page_names in enumerate(self.names):
            for name in page_names:
                named[name].add(rowid)
        self.named: dict[tuple[str, ...], frozenset[int]] = {
            name: frozenset(rowids) for name, rowids in named.items()
        }

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
                signs = " ".join([topic.title, topic.summary, *names, topic.signs])
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
        """The pages table, and the emergency pages' signs alone."""
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_CREATE_SQL)
        db.executemany(_INSERT_SQL, rows)
        db.execute("INSERT INTO pages(pages) VALUES ('optimize')")
        db.execute(_CREATE_SIGNS_SQL)
        signs = [(rowid, fields[-1]) for rowid, *fields in rows if fields[-1]]
        db.executemany("INSERT INTO emergency_signs(rowid, signs) VALUES (?, ?)", signs)
        db.commit()
        return db

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

    def signs_match(self, expression: str) -> set[int]:
        """Emergency pages whose signs (cards, summary, names) match the whole expression."""
        with self._lock:
            rows = self._db.execute(_SIGNS_SQL, (expression,)).fetchall()
        return {rowid for (rowid,) in rows}

    def snippets(self, expression: str, rowids: list[int]) -> dict[int, str]:
        """FTS5's own snippet() of the body around the matched words; the summary when the
        body has none of them (the words were in the title or names)."""
        if not rowids:
            return {}
        marks = (MARK_START, MARK_END, ELLIPSIS, SNIPPET_WORDS)
        found = {}
        with self._lock:
            # One page at a time: with "rowid = ?" FTS5 reads only that page's matches.
            for rowid in rowids:
                row = self._db.execute(_SNIPPET_SQL, (*marks, expression, rowid)).fetchone()
                body = row[0] if row else ""
                found[rowid] = body if MARK_START in body else self.topics[rowid].summary
        return found
