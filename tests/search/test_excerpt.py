"""The words shown under a search result: which stretch, which words are marked, where cut."""

from portal.search import query as q
from portal.search.excerpt import ELLIPSIS, MARK_END, MARK_START, MATCHES, WINDOW, Phrases, excerpt
from portal.search.service import get_index

FORMS = {"pain": ("pain", "pains"), "tired": ("tired", "tiredness")}


def marked(text: str) -> list[str]:
    """The marked stretches of an excerpt, in order."""
    return [part.split(MARK_END)[0] for part in text.split(MARK_START)[1:]]


def shown_words(text: str) -> list[str]:
    plain = text.replace(MARK_START, "").replace(MARK_END, "").strip(ELLIPSIS)
    return plain.split()


def test_marks_every_form_of_a_word_whole_words_only_keeping_the_case():
    text = "Pain in Spain. Your pains are painful. Feeling tired? Tiredness is common."
    found = excerpt(text, Phrases([("pain",), ("tired",)], FORMS))
    assert marked(found) == ["Pain", "pains", "tired", "Tiredness"]
    assert "Spain" in found and "painful" in found  # in the text, not marked


def test_a_phrase_is_marked_whole_and_only_with_its_words_together():
    text = "Back and pain are different. Back pain is common. Back, pain: still together."
    found = excerpt(text, Phrases([("back", "pain")], FORMS))
    assert marked(found) == ["Back pain", "Back, pain"]


def test_the_longer_phrase_is_marked_when_phrases_overlap():
    found = excerpt("Low back pain.", Phrases([("back",), ("back", "pain"), ("pain",)], FORMS))
    assert marked(found) == ["back pain"]


def test_no_match_gives_none():
    assert excerpt("Nothing to see here.", Phrases([("pain",)], FORMS)) is None
    assert excerpt("", Phrases([("pain",)], FORMS)) is None
    assert excerpt("Pain.", Phrases([], FORMS)) is None


def test_a_short_text_is_shown_whole_without_ellipses():
    text = "Pain relief helps most people."
    assert (
        excerpt(text, Phrases([("pain",)], FORMS))
        == f"{MARK_START}Pain{MARK_END} relief helps most people."
    )


def test_a_long_text_is_cut_to_the_window_with_ellipses_where_cut():
    filler = " ".join(f"word{n}" for n in range(200))
    text = f"{filler}. The pain is here. {filler}."
    found = excerpt(text, Phrases([("pain",)], FORMS))
    assert len(shown_words(found)) == WINDOW
    assert found.startswith(ELLIPSIS) and found.endswith(ELLIPSIS)
    # It starts at the sentence the match is in.
    assert shown_words(found)[:2] == ["The", "pain"]


def test_the_window_with_more_different_phrases_wins_over_repeats():
    filler = " ".join(f"word{n}" for n in range(60))
    text = f"Pain pain pain pain. {filler}. Tired and in pain. {filler}."
    found = excerpt(text, Phrases([("pain",), ("tired",)], FORMS))
    assert marked(found) == ["Tired", "pain"]


def test_matches_in_a_long_sentence_are_centred():
    before = " ".join(f"before{n}" for n in range(100))
    after = " ".join(f"after{n}" for n in range(100))
    found = excerpt(f"{before} pain {after}", Phrases([("pain",)], FORMS))
    words = shown_words(found)
    assert len(words) == WINDOW
    assert 6 <= words.index("pain") <= 17


def test_many_matches_still_give_one_window_from_the_first_ones():
    text = " ".join(["pain is bad."] * (MATCHES * 5))
    found = excerpt(text, Phrases([("pain",)], FORMS))
    assert found.startswith(MARK_START) and len(shown_words(found)) == WINDOW


def test_text_whose_length_changes_when_lowercased_still_works():
    # "İ" lowercases to two characters; curly apostrophes and accents pass through.
    text = "İstanbul clinic. The patient’s pain eased. Café."
    found = excerpt(text, Phrases([("pain",)], FORMS))
    assert found == f"{ELLIPSIS}The patient’s {MARK_START}pain{MARK_END} eased. Café."
    found = excerpt(text, Phrases([("clinic",)], FORMS))
    assert found.startswith(f"İstanbul {MARK_START}clinic{MARK_END}.")


def test_the_index_knows_which_words_share_a_stem(real_content):
    forms = get_index().forms
    assert {"treatment", "treatments"} <= set(forms["treatment"])
    assert set(forms["treatment"]) == set(forms["treatments"])
    assert "pain" in forms["pain"] and "painkillers" not in forms["pain"]


def test_results_mark_the_words_searched_for(real_content):
    index = get_index()
    concepts = q.find_concepts(q.normalise("treatments"), index.phrasebook, index.variants)
    rowid = next(i for i, topic in enumerate(index.topics) if "treatment" in topic.text.lower())
    snippet = index.snippets(q.phrases(concepts), [rowid])[rowid]
    assert {word.lower() for word in marked(snippet)} <= {"treatment", "treatments"}
    assert marked(snippet)
