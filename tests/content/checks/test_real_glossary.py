"""The real glossary: it explains the seed's hard words, plainly and briefly, in UK English."""

import re

import pytest

from portal.content.rendering.glossary import glossary_matcher
from tests.conftest import REAL_CONTENT, loaded

LIBRARY = loaded(REAL_CONTENT)
MATCHER = glossary_matcher(LIBRARY.glossary)

# Hard words from the source document, each of which must lead to a glossary entry.
SEED_WORDS = [
    "metastatic", "metastases", "lymphatic system", "de novo", "prognosis", "biopsy", "biopsies",
    "HER2", "HER2-positive", "HER2-negative", "hormone receptor", "tumour markers",
    "multidisciplinary team", "oestrogen receptor-positive", "ER+", "chemotherapy",
    "targeted therapy", "CDK4/6 inhibitors", "triple-negative", "immunotherapies",
    "bisphosphonates", "spinal cord compression", "radiotherapy", "stereotactic",
    "opioids", "anti-inflammatories", "physiotherapy", "nausea", "laxatives", "dietitian",
    "palliative care", "hospices", "respite", "genomic testing", "clinical trials",
    "hypercalcaemia", "neutropenic sepsis", "neutropenia", "neutropenic", "sepsis",
    "occupational therapists", "complementary therapies", "acupuncture", "fatigue",
    "spinal stabilisation", "isolated lesion", "lesions", "progression",
]  # fmt: skip


@pytest.mark.parametrize("word", SEED_WORDS)
def test_every_hard_seed_word_has_an_entry(word):
    found = MATCHER.values_in(word)
    assert found and found[0].definition, word


def test_other_spellings_lead_to_the_same_entry():
    for american, british in [
        ("hypercalcemia", "hypercalcaemia"),
        ("anemia", "anaemia"),
        ("tumor markers", "tumour marker"),
        ("estrogen", "oestrogen"),
    ]:
        assert MATCHER.values_in(american)[0].term == british


@pytest.mark.parametrize("entry", LIBRARY.glossary, ids=lambda entry: entry.term)
def test_definitions_are_one_or_two_short_sentences(entry):
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", entry.definition) if s]
    assert 1 <= len(sentences) <= 2, entry.term
    assert len(entry.definition.split()) <= 40, entry.term
    assert entry.definition[0].isupper() and entry.definition.endswith(".")


@pytest.mark.parametrize("entry", LIBRARY.glossary, ids=lambda entry: entry.term)
def test_definitions_use_uk_spelling(entry):
    us = re.compile(r"\b(tumor|estrogen|anemia|hemo\w*|center|color|specializ\w*|organiz\w*)\b")
    assert not us.search(entry.definition.lower()), entry.definition


def test_every_glossary_topic_is_a_page():
    for entry in LIBRARY.glossary:
        assert not entry.topic or entry.topic in LIBRARY.topics, entry.term


def test_anchors_are_unique():
    anchors = [entry.anchor for entry in LIBRARY.glossary]
    assert len(anchors) == len(set(anchors))


def test_real_topics_carry_glossary_marks():
    marked = [t for t in LIBRARY.topics.values() if 'class="glossary-term"' in t.html]
    assert len(marked) >= len(LIBRARY.topics) * 0.8
    # A word is marked at most once per page.
    for topic in LIBRARY.topics.values():
        hrefs = re.findall(r'class="glossary-term" href="([^"]+)"', topic.html)
        assert len(hrefs) == len(set(hrefs)), topic.key
