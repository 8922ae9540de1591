"""search(text) -> SearchResponse: the one entry point the views, the API and the benchmark use.

The order of attempts follows how patients type. All the words first. If nothing matches,
a word the index has never seen cannot match anything, so it is corrected against the index's
own vocabulary before falling back to any-word matching (otherwise "trastuzamab side effects"
would quietly become "side effects"). Then any word. Emergency pages whose signs match the
question go first.
"""

import threading
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.content.loading.models import Topic
from portal.content.loading.store import get_library
from portal.search import query as q
from portal.search.index import MARK_END, MARK_START, SearchIndex, fold

# Enough to choose from on a phone; more words narrow a search better than a longer list.
MAX_RESULTS = 10
# A page found only through a synonym scores this share of the same match on the typed words.
SYNONYM_SHARE = 0.5
# A page one of whose names (title, other names) is exactly what was typed for a concept
# scores this many times its match, when that concept carries at least NAMED_SHARE of the
# question's information: "bone mets" is the name of the page about cancer in the bone, not
# of the treatment page that also says "bone mets treatment"; but "chemo" in "will I lose my
# hair with chemo" is context, and must not lift the chemotherapy page over hair loss.
NAMED_BOOST = 2.0
NAMED_SHARE = 0.6
# The first page answers the question when it has concepts carrying this share of the
# question's information, and in its head fields one at least this rare (the weight of a
# word about a third of the pages use): see _confident.
CONFIDENT_COVERAGE = 0.6
HEAD_WEIGHT = 1.0
# An emergency page goes first when two or more of its signs carry this share of the
# question's information (see _emergencies_described).
EMERGENCY_SHARE = 0.4
# ...counting only words rarer than this weight (a word about half the pages use).
SIGN_WEIGHT = 0.7
# Words of the care cards' instructions, not signs: "get help straight away, day or night",
# "say you are worried about your spine". Without this, "can't sleep at night" and "worried
# and can't sleep" put spinal cord compression first.
NOT_SIGNS = frozenset(
    "day days night nights worried worry worries worrying call say team number answers".split()
)

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
    confident: bool = False  # the first page really answers the question (see _confident)


def highlight(marked: str) -> SafeString:
    """Escape everything, then turn the index's markers into <mark> elements."""
    text = str(escape(marked))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


def _concepts(index: SearchIndex, tokens: list[str]) -> list[q.Concept]:
    return q.find_concepts(tokens, index.phrasebook, index.variants, index.longest_phrase)


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
            replacement = index.correct(token)
        corrected.append(replacement or token)
    return corrected


@dataclass(frozen=True)
class Ranked:
    """The pages that match any concept, best first, and what the best one covers."""

    hits: list[int]  # rowids, best first
    matched: dict[int, int]  # rowid -> bit mask of the concepts it matches (bit n: concept n)

    def concepts_of(self, rowid: int) -> list[int]:
        mask = self.matched.get(rowid, 0)
        return [n for n in range(len(self.weights)) if mask >> n & 1]

    weights: list[float]  # each concept's information weight (rarity across the site)


def _rank(index: SearchIndex, concepts: list[q.Concept]) -> Ranked:
    """Score each page by the concepts it matches, each concept counted once.

    A concept's score on a page is bm25 (title, names, headings, summary, body; rarer words
    weigh more) of the best of its options: the words typed, or a meaning from the data
    files scaled by SYNONYM_SHARE, so the words typed outrank a synonym's. A page's score is
    the sum over the concepts it matches (a page named exactly as typed counts NAMED_BOOST
    times when that concept is most of the question), so when no page has every word, the
    pages with the most informative ones come first, and a word most pages share adds
    almost nothing.
    """
    totals: dict[int, float] = {}
    matched: dict[int, int] = {}  # rowid -> bit mask of the concepts it matches
    weights = [index.weight(q.typed_fts(concept)) for concept in concepts]
    information = sum(weights) or 1.0
    for number, concept in enumerate(concepts):
        best: dict[int, float] = {}
        for expression, share in q.options(concept, SYNONYM_SHARE):
            for rowid, score in index.scores(expression):
                value = share * score
                if value > best.get(rowid, -1.0):
                    best[rowid] = value
        if weights[number] / information >= NAMED_SHARE:
            for rowid in index.named.get(fold(concept.words), ()):
                if rowid in best:
                    best[rowid] *= NAMED_BOOST
        bit = 1 << number
        for rowid, value in best.items():
            totals[rowid] = totals.get(rowid, 0.0) + value
            matched[rowid] = matched.get(rowid, 0) | bit
    hits = sorted(totals, key=lambda rowid: (-totals[rowid], rowid))
    return Ranked(hits, matched, weights)


def _named_for(index: SearchIndex, rowid: int, concept: q.Concept, tokens: list[str]) -> bool:
    """Whether the page is named for this concept: one of its names (title, other names) is
    the concept, or its names hold the concept as the reader typed it, with the words beside
    it. A page named "Universal Credit" is named for "universal credit cancer"; one named
    "ovarian suppression" is not named for "ovarian" in "ovarian cancer symptoms"."""
    wanted = {fold(concept.words), *(fold(m.split()) for m in concept.means)}
    if any(name in wanted for name in index.names[rowid]):
        return True
    expression = q.concept_fts(concept)
    words = list(concept.words)
    for start in range(len(tokens) - len(words) + 1):
        if tokens[start : start + len(words)] == words:
            end = start + len(words)
            while start > 0 and tokens[start - 1] not in q.STOP_WORDS:
                start -= 1
            while end < len(tokens) and tokens[end] not in q.STOP_WORDS:
                end += 1
            if end - start > len(words):
                expression = q.quote(" ".join(tokens[start:end]))
            break
    return index.in_head_fields(rowid, expression, names_only=True)


def _confident(
    index: SearchIndex, concepts: list[q.Concept], ranked: Ranked, tokens: list[str]
) -> bool:
    """Whether the first page really answers the question.

    It must match concepts carrying at least CONFIDENT_COVERAGE of the question's information
    (a concept weighs the rarity of the words typed for it; a word the site never uses
    weighs most, since the site has nothing about it), and have one of them that is not a
    common word (HEAD_WEIGHT) in its title, other names, headings or summary, or any of them
    in its title or other names: a page that mentions a word in passing does not answer a
    question about it.
    """
    if not ranked.hits:
        return False
    first = ranked.hits[0]
    matched = ranked.concepts_of(first)
    total = sum(ranked.weights)
    covered = sum(ranked.weights[n] for n in matched)
    if total <= 0 or covered / total < CONFIDENT_COVERAGE:
        return False
    informative = [n for n in matched if ranked.weights[n] >= SIGN_WEIGHT]
    if len(informative) <= 1:
        # One telling word is an answer only when the page is named for it.
        return any(_named_for(index, first, concepts[n], tokens) for n in matched)
    return any(
        index.in_head_fields(first, q.concept_fts(concepts[n]), names_only=True)
        or (
            ranked.weights[n] >= HEAD_WEIGHT
            and index.in_head_fields(first, q.concept_fts(concepts[n]))
        )
        for n in matched
    )


def _signs_share(ranked: Ranked, numbers) -> float:
    """The share of the question's information that these concepts carry."""
    return sum(ranked.weights[n] for n in numbers) / (sum(ranked.weights) or 1.0)


def _emergencies_described(
    index: SearchIndex, concepts: list[q.Concept], ranked: Ranked
) -> tuple[list[int], dict[int, list[int]]]:
    """The emergency pages the question describes, best described first.

    A page's signs are its emergency and urgent care cards, summary and names. It is
    described when the question names it (its title, or an alternative name no other kind of
    page shares, directly or through synonyms.yml) and every part of the question is among
    its signs; or when two or more parts of the question are among its signs and they carry
    at least EMERGENCY_SHARE of the question's information. Words most pages use
    (weight under SIGN_WEIGHT, such as "cancer") are nobody's sign. "back pain and numb legs" and
    "temp 38.2 after chemo" describe one; "tired", or "numb toes from chemo", do not.
    Also gives, for each emergency page, the concepts found among its signs.
    """
    if not concepts:
        return [], {}
    named: set[int] = set()
    for concept in concepts:
        for phrase in (concept.words, *(m.split() for m in concept.means)):
            named |= index.emergency_names.get(fold(phrase), frozenset())
    signs: dict[int, list[int]] = {}
    signed = [n for n in range(len(concepts)) if ranked.weights[n] >= SIGN_WEIGHT]
    for number, concept in enumerate(concepts):
        if ranked.weights[number] < SIGN_WEIGHT:
            continue  # a word most pages use ("cancer") is nobody's sign
        if all(word in NOT_SIGNS or word in q.STOP_WORDS for word in concept.words):
            continue
        for rowid in index.signs_match(q.concept_fts(concept)):
            signs.setdefault(rowid, []).append(number)
    described: dict[int, float] = {}
    for rowid, numbers in signs.items():
        share = _signs_share(ranked, numbers)
        if (rowid in named and len(numbers) == len(signed)) or (
            len(numbers) >= 2 and share >= EMERGENCY_SHARE
        ):
            described[rowid] = share
    order = {rowid: n for n, rowid in enumerate(ranked.hits)}
    best = sorted(described, key=lambda r: (-described[r], order.get(r, len(order) + r)))
    return best, signs


def search(text: str, exact: bool = False) -> SearchResponse:
    """Search the current Library. `exact` turns spelling correction off ("Search instead")."""
    query, truncated = q.cut(text or "")
    tokens = q.normalise(query)
    if not tokens:
        return SearchResponse(query, None, (), 0, truncated)
    index = get_index()
    suggestion = None
    concepts = _concepts(index, tokens)
    if not exact:
        corrected = _corrected(index, tokens)
        if corrected != tokens:
            suggestion = " ".join(corrected)
            concepts = _concepts(index, corrected)
    ranked = _rank(index, concepts)
    if not ranked.hits:
        # Correction found nothing either: say nothing about it rather than mislead.
        return SearchResponse(query, None, (), 0, truncated)
    any_term = len(ranked.concepts_of(ranked.hits[0])) < len(concepts)
    emergencies, signs = _emergencies_described(index, concepts, ranked)
    hits = emergencies + [rowid for rowid in ranked.hits if rowid not in emergencies]
    # An emergency page first with two or more of its signs in the question answers it,
    # however the reader put the rest: better that than "we have nothing on this".
    confident = _signs_share(ranked, signs.get(hits[0], ())) >= EMERGENCY_SHARE or _confident(
        index, concepts, ranked, q.normalise(suggestion or query)
    )
    top = hits[:MAX_RESULTS]
    snippets = index.snippets(q.to_fts(concepts, require_all=False), top)
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
    return SearchResponse(
        query, suggestion, tuple(results), len(hits), truncated, any_term, confident
    )
