"""Each step of the query pipeline on its own, with no Django and no index."""

import sqlite3

import pytest

from portal.search import query as q
from portal.search.spelling import Speller


def test_cut_keeps_short_input_and_removes_control_characters():
    assert q.cut("  chemo\x00 side\teffects \n") == ("chemo side effects", False)


def test_cut_shortens_long_input_at_a_word_boundary():
    text, truncated = q.cut("pain " * 100)
    assert truncated
    assert len(text) <= q.MAX_QUERY_LENGTH
    assert text.endswith("pain")


def test_cut_shortens_one_long_word():
    text, truncated = q.cut("x" * 10_000)
    assert truncated and text == "x" * q.MAX_QUERY_LENGTH


def test_normalise_folds_case_width_accents_and_punctuation():
    assert q.normalise("HER2-positive") == ["her2", "positive"]
    assert q.normalise("Ｃｈｅｍｏ") == ["chemo"]  # full-width letters (NFKC)
    assert q.normalise("Café naïve") == ["cafe", "naive"]
    assert q.normalise("can't, won’t!") == ["cant", "wont"]
    assert q.normalise('"title:x" AND (NEAR*) ^') == ["title", "x", "and", "near"]


def test_normalise_drops_emoji_and_keeps_other_scripts():
    assert q.normalise("pain 😢") == ["pain"]
    assert q.normalise("ألم في الظهر") == ["الم", "في", "الظهر"]  # marks gone, as in FTS5
    assert q.normalise("כאב גב") == ["כאב", "גב"]


def test_remove_stop_words_keeps_the_words_that_matter():
    assert q.remove_stop_words(["what", "is", "chemo"]) == ["chemo"]
    assert q.remove_stop_words(["i", "feel", "very", "tired"]) == ["tired"]


def test_remove_stop_words_keeps_everything_when_all_are_stop_words():
    assert q.remove_stop_words(["help"]) == ["help"]


@pytest.mark.parametrize(
    ("uk", "us"),
    [
        ("oestrogen", "estrogen"),
        ("tumour", "tumor"),
        ("hypercalcaemia", "hypercalcemia"),
        ("diarrhoea", "diarrhea"),
        ("anaemia", "anemia"),
        ("counselling", "counseling"),
        ("stabilisation", "stabilization"),
        ("centre", "center"),
        ("dyspnoea", "dyspnea"),
    ],
)
def test_spelling_key_joins_uk_and_us_spellings(uk, us):
    assert q.spelling_key(uk) == q.spelling_key(us)


def test_spelling_key_leaves_short_words_alone():
    assert q.spelling_key("shoe") == "shoe"
    assert q.spelling_key("pain") == "pain"


def test_spelling_variants_lists_the_typed_word_first():
    variants = {"tumor": ("tumour",), "estrogen": ("oestrogen",)}
    assert q.spelling_variants("tumor", variants) == ("tumor", "tumour")
    assert q.spelling_variants("tumour", variants) == ("tumour",)
    assert q.spelling_variants("pain", variants) == ("pain",)


PHRASES = {
    ("chemo",): ("chemotherapy",),
    ("feeling", "sick"): ("nausea", "vomiting"),
    ("swollen", "leg"): ("blood clots",),
    ("leg", "swollen"): ("blood clots",),
    ("money",): ("money", "benefits"),
    ("benefits",): ("money", "benefits"),
}


def test_find_concepts_uses_the_longest_phrase_and_drops_stop_words():
    concepts = q.find_concepts(["i", "am", "feeling", "sick", "after", "chemo"], PHRASES)
    assert [c.words for c in concepts] == [("feeling", "sick"), ("chemo",)]
    assert concepts[0].means == ("nausea", "vomiting")
    assert concepts[0].typed == (("sick",),)  # "feeling" is a stop word once matched


def test_find_concepts_finds_a_phrase_with_stop_words_in_between():
    concepts = q.find_concepts(["my", "leg", "is", "swollen"], PHRASES)
    assert [c.words for c in concepts] == [("leg", "swollen")]


def test_find_concepts_merges_words_with_the_same_meaning():
    concepts = q.find_concepts(["money", "and", "benefits"], PHRASES)
    assert len(concepts) == 1


def test_find_concepts_adds_spelling_variants_to_plain_words():
    concepts = q.find_concepts(["tumor", "markers"], {}, {"tumor": ("tumour",)})
    assert concepts[0].typed == (("tumor", "tumour"),)
    assert concepts[1].typed == (("markers",),)


def test_to_fts_all_terms_and_any_term():
    concepts = q.find_concepts(["chemo", "tumor"], PHRASES, {"tumor": ("tumour",)})
    assert q.to_fts(concepts) == '("chemo" OR "chemotherapy") AND ("tumor" OR "tumour")'
    assert q.to_fts(concepts, require_all=False) == (
        '("chemo" OR "chemotherapy") OR ("tumor" OR "tumour")'
    )
    assert q.to_fts([]) == ""


def test_options_score_typed_words_in_full_and_meanings_at_a_share():
    concept = q.Concept(("mets",), (("mets",),), ("metastatic", "mets", "secondaries"))
    assert q.options(concept, 0.5) == [
        ('"mets"', 1.0),
        ('"metastatic"', 0.5),
        ('"secondaries"', 0.5),
    ]
    phrase = q.Concept(("back", "pain"), (("back",), ("pain",)), ("back pain", "sciatica"))
    # A meaning that is exactly the words typed counts as typed.
    assert q.options(phrase, 0.5) == [
        ('"back" AND "pain"', 1.0),
        ('"back pain"', 1.0),
        ('"sciatica"', 0.5),
    ]
    spelled = q.Concept(("tumor",), (("tumor", "tumour"),))
    assert q.options(spelled, 0.5) == [('("tumor" OR "tumour")', 1.0)]
    assert q.typed_fts(spelled) == '("tumor" OR "tumour")'


def test_quote_doubles_quotes():
    assert q.quote('a"b') == '"a""b"'


HOSTILE = [
    '"',
    "*",
    "AND OR NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    "HER2-positive",
    "title:x",
    "{title}: x",
    "^",
    "^chemo",
    "-chemo",
    "a + b",
    "(((",
    "x" * 10_000,
    "pain\x00\x00chemo",
    "😢🔥",
    "ألم في الظهر",
    "כאב גב",
    "\u202eevil\u202c",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_input_makes_a_valid_fts5_query(text):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61')")
    db.execute("INSERT INTO t VALUES ('and or not near title x her2 positive chemo pain')")
    tokens = q.normalise(q.cut(text)[0])
    concepts = q.find_concepts(tokens, PHRASES)
    for require_all in (True, False):
        expression = q.to_fts(concepts, require_all)
        if expression:
            db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_operators_typed_as_words_are_searched_as_words():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.execute("INSERT INTO t VALUES ('near and not or')")
    concepts = q.find_concepts(q.normalise("AND OR NOT NEAR"), {})
    assert db.execute("SELECT rowid FROM t WHERE t MATCH ?", (q.to_fts(concepts),)).fetchall()


@pytest.mark.parametrize(
    ("word", "typos"),
    [("pain", 0), ("chemo", 1), ("radiation", 2), ("trastuzumab", 2), ("lung", 0)],
)
def test_allowed_typos_grow_with_word_length(word, typos):
    assert q.allowed_typos(word) == typos


def test_correct_finds_the_closest_known_word():
    speller = Speller({"trastuzumab": 3, "chemotherapy": 9, "nausea": 2, "biopsy": 1})
    assert speller.correct("trastuzamab") == "trastuzumab"
    assert speller.correct("chemotheraphy") == "chemotherapy"
    assert speller.correct("nausia") == "nausea"
    assert speller.correct("biospy") == "biopsy"  # a swap of two letters is one typo


def test_correct_respects_the_typo_allowance():
    speller = Speller({"nausea": 1, "chemo": 1, "lung": 1})
    assert speller.correct("nauzia") is None  # two typos in a 6-letter word
    assert speller.correct("lunf") is None  # too short to guess at
    assert speller.correct("chemo") is None  # already right


def test_correct_prefers_the_commoner_word_on_a_tie():
    assert Speller({"fatigue": 10, "fatigues": 1}).correct("fatigur") == "fatigue"


def test_an_ordinary_english_word_is_not_a_typo():
    # "quote" is one letter from "quota", but the reader meant a quote: the site does not
    # use the word, and search must not pretend it does.
    speller = Speller({"quota": 5, "shops": 2})
    assert speller.correct("quote") is None
    assert speller.correct("shop") is None
    assert speller.correct("qouta") == "quota"  # not English: a typo of a known word


def test_stop_words_are_never_offered_as_corrections():
    assert Speller({"quite": 50, "really": 9}).correct("quitr") is None
