"""Turning what a patient types into a safe FTS5 query, one small step at a time.

Each step is a plain function, so each can be tested alone:

    cut -> normalise -> find_concepts (lay words, abbreviations, brands; stop words dropped)
        -> spelling variants (UK/US) -> to_fts (every term quoted; all terms or any term)

and a word the index cannot match is corrected against the pages' own words (spelling.py).
Nothing a user types ever reaches FTS5 as syntax: tokens are letters and digits only, and
each is written inside double quotes.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Long enough for any real question; cutting keeps the work per request bounded.
MAX_QUERY_LENGTH = 200

# Words that carry no topic in a patient's question. Phrases are matched against the data
# files before these are dropped, so "feeling sick", "not hungry" or "stage 4" still mean
# something. A lone digit is noise ("38.2" is "38" and "2"; "type 2").
STOP_WORDS = frozenset(
    """
    a an the and or but of to in on at for with by from about as into onto than then so if
    is are was were be been am im i ive id me my mine myself you your youre we our us they
    them their he she his her hers him it its this that these those there here
    what whats which who whom whose how why when where
    can could should would will shall may might must do does did doing done dont doesnt didnt
    have has had having get gets got getting go going
    not no nor cant cannot wont isnt arent
    very really quite too so all any some much many more most lot lots bit little just still
    also even ever always often again
    feel feels feeling felt keep keeps
    time times day days week weeks month months year years
    new worse bad badly normal
    symptom symptoms sign signs
    happen happens happened happening find make makes made take takes give gives see look
    looks say says think way ways best good better
    help please need needs want know tell mean means thing things something anything
    like about after before during while since
    0 1 2 3 4 5 6 7 8 9
    """.split()
)

# UK spellings written the US way give one key, so either finds the other. Only words of
# this length or more are compared: in short words the patterns hit unrelated words.
VARIANT_MIN_LENGTH = 5
_US_PATTERNS = (
    (re.compile(r"ae"), "e"),  # anaemia, haematology, paediatric
    (re.compile(r"oe"), "e"),  # oestrogen, diarrhoea, oedema
    (re.compile(r"our(?=s?$|ed$|ing$|ite)"), "or"),  # tumour, colour, behaviour, favourite
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation)"), "iz"),  # stabilise, organisation
    (re.compile(r"tre(?=s?$)"), "ter"),  # centre, litre, fibre
    (re.compile(r"mme(?=s?$)"), "m"),  # programme
    (re.compile(r"ll(?=ing$|ed$|or$|ors$|er$)"), "l"),  # counselling, travelled
)

# A question rarely has more distinct things in it than this; the rest are not searched.
MAX_CONCEPTS = 12

# Typos allowed when correcting: none below 5 letters, one from 5, two from 9.
ONE_TYPO_FROM = 5
TWO_TYPOS_FROM = 9

_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`]")
# A word, as the index's tokenizer reads one: letters and digits (excerpt.py uses it too).
WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")  # WORD on lowercase ASCII


def cut(text: str, limit: int = MAX_QUERY_LENGTH) -> tuple[str, bool]:
    """The query as it will be searched and shown (control characters gone), and whether it
    was cut short."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    shorter = text[:limit]
    # Cut at a word boundary when there is one, so the note shows whole words.
    if " " in shorter[limit // 2 :]:
        shorter = shorter[: shorter.rindex(" ")]
    return shorter.rstrip(), True


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def normalise(text: str) -> list[str]:
    """Lowercase words of letters and digits: NFKC, case folded, accents and punctuation gone.

    Apostrophes join ("can't" -> "cant"); every other symbol splits ("HER2-positive" ->
    "her2", "positive"), the same way the index's tokenizer splits the pages.
    """
    if text.isascii():
        # The common case, and the index runs every page through here: for ASCII, NFKC
        # changes nothing, casefold is lower, and no word has an accent to strip.
        return _ASCII_WORD.findall(_APOSTROPHES.sub("", text.lower()))
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    # Accents are stripped word by word, and only from the rare words that have any.
    return [word if word.isascii() else _strip_accents(word) for word in WORD.findall(text)]


def remove_stop_words(tokens: Iterable[str]) -> list[str]:
    """The words that carry meaning; all of them if every word is a stop word ("help")."""
    tokens = list(tokens)
    kept = [token for token in tokens if token not in STOP_WORDS]
    return kept or tokens


def spelling_key(word: str) -> str:
    """One key for the UK and US spellings of a word (tumour, tumor -> "tumor")."""
    if len(word) < VARIANT_MIN_LENGTH:
        return word
    for pattern, replacement in _US_PATTERNS:
        word = pattern.sub(replacement, word)
    return word


def spelling_variants(word: str, variants: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    """The word and its other spellings that the index knows, the typed one first."""
    others = sorted(set(variants.get(spelling_key(word), ())) - {word})
    return (word, *others)


@dataclass(frozen=True)
class Concept:
    """One thing the patient asked about: the words typed, and what they mean on the site.

    `typed` holds each meaningful typed word with its spellings; all of them must match.
    `means` holds phrases from the data files; any one of them matching is enough.
    """

    words: tuple[str, ...]  # as typed, normalised (for messages and corrections)
    typed: tuple[tuple[str, ...], ...]
    means: tuple[str, ...] = ()


Phrasebook = Mapping[tuple[str, ...], tuple[str, ...]]


def _phrase_at(
    tokens: list[str], position: int, phrasebook: Phrasebook, longest: int
) -> tuple[tuple[str, ...], int] | None:
    """The longest known phrase starting here, and how many tokens it takes.

    A phrase is found as typed ("pain in my back") or with stop words between its words
    ("leg is swollen" finds "leg swollen"), so people need not type the editors' exact words.
    """
    best = None
    for size in range(min(longest, len(tokens) - position), 0, -1):
        words = tuple(tokens[position : position + size])
        if words in phrasebook:
            best = (words, size)
            break
    if tokens[position] in STOP_WORDS:
        return best
    content: list[str] = []
    for end in range(position, min(len(tokens), position + 2 * longest)):
        if tokens[end] in STOP_WORDS:
            continue
        content.append(tokens[end])
        if len(content) > longest:
            break
        taken = end + 1 - position
        if len(content) >= 2 and tuple(content) in phrasebook:
            if best is None or taken > best[1]:
                best = (tuple(content), taken)
    return best


def find_concepts(
    tokens: list[str],
    phrasebook: Phrasebook,
    variants: Mapping[str, Iterable[str]] | None = None,
    longest: int = 6,
) -> list[Concept]:
    """Group the words into concepts: the longest phrase the data files know wins, each
    other word that is not a stop word is a concept of its own."""
    variants = variants or {}
    concepts: list[Concept] = []
    position = 0
    while position < len(tokens):
        found = _phrase_at(tokens, position, phrasebook, longest)
        if found:
            words, taken = found
            meaningful = [word for word in words if word not in STOP_WORDS]
            concepts.append(
                Concept(
                    words=words,
                    typed=tuple(spelling_variants(w, variants) for w in meaningful),
                    means=phrasebook[words],
                )
            )
            position += taken
        else:
            concepts.append(
                Concept(
                    words=(tokens[position],),
                    typed=(spelling_variants(tokens[position], variants),),
                )
            )
            position += 1
    meaningful = [c for c in concepts if c.means or c.words[0] not in STOP_WORDS]
    return _distinct(meaningful or concepts)


def _distinct(concepts: list[Concept]) -> list[Concept]:
    """One concept per meaning: "money and benefits" asks about one thing, not two, so a page
    need not use both words (the meanings already cover each). Repeated words count once, and
    words after the first MAX_CONCEPTS add too little to be worth the time."""
    seen: set[tuple[str, ...]] = set()
    distinct = []
    for concept in concepts:
        key = concept.means or concept.words
        if key in seen:
            continue
        seen.add(key)
        distinct.append(concept)
    return distinct[:MAX_CONCEPTS]


def quote(text: str) -> str:
    """An FTS5 string: a word or phrase, never an operator, whatever it contains."""
    return '"' + text.replace('"', '""') + '"'


def _any_of(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "(" + " OR ".join(items) + ")"


def concept_fts(concept: Concept) -> str:
    """One concept: (all typed words, each in any spelling) OR any of its meanings."""
    options = []
    if concept.typed:
        words = [_any_of([quote(v) for v in variants]) for variants in concept.typed]
        options.append(words[0] if len(words) == 1 else "(" + " AND ".join(words) + ")")
    options.extend(quote(phrase) for phrase in concept.means if phrase)
    return _any_of(list(dict.fromkeys(options)))


def typed_fts(concept: Concept) -> str:
    """The words typed for a concept, all of them, each in any spelling (no meanings)."""
    if not concept.typed:
        return concept_fts(concept)
    return " AND ".join(_any_of([quote(v) for v in variants]) for variants in concept.typed)


def options(concept: Concept, synonym_share: float) -> list[tuple[str, float]]:
    """The ways a page can match one concept, each as an FTS5 expression with the share of
    its score it keeps: the words typed (all of them, any spelling) in full, each meaning
    from the data files at `synonym_share`. A meaning that is the typed words counts as typed."""
    found: dict[str, float] = {}
    if concept.typed:
        found[typed_fts(concept)] = 1.0
    typed_phrase = " ".join(concept.words)
    for phrase in concept.means:
        if phrase and quote(phrase) not in found:
            found[quote(phrase)] = 1.0 if phrase == typed_phrase else synonym_share
    return list(found.items())


def to_fts(concepts: list[Concept], require_all: bool = True) -> str:
    """The FTS5 MATCH expression: every concept (all-terms) or at least one (any-term)."""
    parts = [concept_fts(concept) for concept in concepts]
    if not parts:
        return ""
    return (" AND " if require_all else " OR ").join(parts)


def allowed_typos(word: str) -> int:
    if len(word) >= TWO_TYPOS_FROM:
        return 2
    if len(word) >= ONE_TYPO_FROM:
        return 1
    return 0
