"""search(text) -> SearchResponse: the one entry point the views, the API and the benchmark use.

The order of attempts follows how patients type. All the words first. If nothing matches,
a word the index has never seen cannot match anything, so it is corrected against the index's
own vocabulary before falling back to any-word matching (otherwise "trastuzamab side effects"
would quietly become "side effects"). Then any word. Emergency pages whose signs match the
question go first.
"""

import threading
from collections import Counter
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.content.loading.models import Topic
from portal.content.loading.store import get_library
from portal.search import query as q
from portal.search.excerpt import MARK_END, MARK_START
from portal.search.index import SearchIndex, fold

# Enough to choose from on a phone; more words narrow a search better than a longer list.
MAX_RESULTS = 10

_lock = threading.Lock()
_index: SearchIndex | None = None


def get_index() -> SearchIndex:
    """The index of the current Library, rebuilt whenever the Library is a new object."""
    global _index
    library = get_library()
    index = _index
    if index is not None and index.library is library:
        return index
    with _lock:
        if _index is None or _index.library is not library:
            _index = SearchIndex(library)
        return _index


@dataclass(frozen=True)
class Result:
    topic: Topic
    section_title: str
    snippet: SafeString  # escaped text with the matched words in <mark>

    @property
    def title(self) -> str:
        return self.topic.title

    @property
    def url(self) -> str:
        return self.topic.url

    @property
    def section(self) -> str:
        return self.topic.section

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "section": self.section,
            "snippet": str(self.snippet),
        }


@dataclass(frozen=True)
class SearchResponse:
    query: str  # what was searched: the input, cleaned and cut to MAX_QUERY_LENGTH
    suggestion: str | None  # the corrected spelling the results are for, if any
    results: tuple[Result, ...]
    total: int  # matching pages, of which at most MAX_RESULTS are in results
    truncated: bool = False  # the input was longer than MAX_QUERY_LENGTH
    any_term: bool = False  # no page had every word; these have some of them


def highlight(marked: str) -> SafeString:
    """Escape everything, then turn the index's markers into <mark> elements."""
    text = str(escape(marked))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


def _concepts(index: SearchIndex, tokens: list[str]) -> list[q.Concept]:
    return q.find_concepts(tokens, index.phrasebook, index.variants, index.longest_phrase)


def _match(
    index: SearchIndex, concepts: list[q.Concept], require_all: bool = True
) -> tuple[list[tuple[int, float]], int]:
    """The best pages and how many match: scored with the whole expression, counted with the
    cheaper one that matches the same pages."""
    return index.match(
        q.to_fts(concepts, require_all), MAX_RESULTS, q.same_pages_fts(concepts, require_all)
    )


def _corrected(index: SearchIndex, tokens: list[str]) -> list[str]:
    """The tokens with each word the index cannot match replaced by its closest known word."""
    corrected = []
    for token in tokens:
        replacement = None
        if (
            token not in q.STOP_WORDS
            and token not in index.frequency
            and not index.matches_anything(token)
        ):
            replacement = q.correct(token, index.delete_index, index.frequency)
        corrected.append(replacement or token)
    return corrected


def _most_concepts_first(
    index: SearchIndex, concepts: list[q.Concept], hits: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """For any-term results: pages with more of the question's concepts first, then bm25."""
    if len(concepts) <= 2:
        # No page has them all (or this would not be an any-term search), so with two
        # concepts every page has exactly one: nothing to reorder, and no need to look.
        return hits
    matched: Counter[int] = Counter()
    for concept in concepts:
        matched.update(index.rowids(q.concept_fts(concept)))
    return sorted(hits, key=lambda hit: (-matched[hit[0]], hit[1]))


def _emergency_first(
    index: SearchIndex, concepts: list[q.Concept], hits: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """Put an emergency page first when the question names it and describes its signs.

    A page qualifies when some part of the question is one of its own names (title, or an
    alternative name no other kind of page shares, reached directly or through synonyms.yml)
    and every part of the question is found among its signs (its emergency and urgent care
    cards, summary and names). "back pain and numb legs" qualifies for spinal cord
    compression; "pain and constipation" names no emergency, so ranking decides.
    """
    named: set[int] = set()
    for concept in concepts:
        for phrase in (concept.words, *(m.split() for m in concept.means)):
            named |= index.emergency_names.get(fold(phrase), frozenset())
    if not named:
        return hits
    first = named & index.signs_match(q.to_fts(concepts))
    if not first:
        return hits
    # An emergency page matched only in its cards may not be among the scored pages.
    missing = [(rowid, 0.0) for rowid in sorted(first - {rowid for rowid, _ in hits})]
    return [h for h in hits if h[0] in first] + missing + [h for h in hits if h[0] not in first]


def search(text: str, exact: bool = False) -> SearchResponse:
    """Search the current Library. `exact` turns spelling correction off ("Search instead")."""
    query, truncated = q.cut(text or "")
    tokens = q.normalise(query)
    if not tokens:
        return SearchResponse(query, None, (), 0, truncated)
    index = get_index()
    suggestion = None
    concepts = _concepts(index, tokens)
    hits, total = _match(index, concepts)
    if not hits and not exact:
        corrected = _corrected(index, tokens)
        if corrected != tokens:
            suggestion = " ".join(corrected)
            concepts = _concepts(index, corrected)
            hits, total = _match(index, concepts)
    any_term = False
    if not hits and len(concepts) > 1:
        any_term = True
        hits, total = _match(index, concepts, require_all=False)
        hits = _most_concepts_first(index, concepts, hits)
    if not hits:
        # Correction found nothing either: say nothing about it rather than mislead.
        return SearchResponse(query, None, (), 0, truncated)
    hits = _emergency_first(index, concepts, hits)
    top = [rowid for rowid, _ in hits[:MAX_RESULTS]]
    snippets = index.snippets(q.phrases(concepts), top)
    library = index.library
    results = []
    for rowid in top:
        topic = index.topics[rowid]
        section = library.section(topic.section)
        results.append(
            Result(
                topic=topic,
                section_title=section.title if section else topic.section,
                snippet=highlight(snippets.get(rowid, topic.summary)),
            )
        )
    return SearchResponse(query, suggestion, tuple(results), total, truncated, any_term)
