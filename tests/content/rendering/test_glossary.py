"""Marking glossary words in rendered HTML: first use only, whole words, never in headings,
links or care-card titles, other spellings included, and the result survives the sanitiser."""

import re

from portal.content.loading.models import GlossaryEntry
from portal.content.rendering.glossary import glossary_matcher, mark_terms
from portal.content.rendering.sanitise import sanitise

HER2 = GlossaryEntry("HER2", "A protein that helps some cells grow.")
HER2_POSITIVE = GlossaryEntry("HER2-positive", "Cancer with a lot of HER2.", ("HER2 positive",))
NEUTROPENIA = GlossaryEntry("neutropenia", "Low neutrophils.", ("neutropenic",))
PE = GlossaryEntry("pulmonary embolism", "A clot in the lungs.", ("PE",))
TRICKY = GlossaryEntry("de novo", 'Said "from the start" <b>here</b> & there.')
ENTRIES = [HER2, HER2_POSITIVE, NEUTROPENIA, PE, TRICKY]


def mark(markup: str) -> str:
    return mark_terms(markup, glossary_matcher(ENTRIES))


def marks(markup: str) -> list[tuple[str, str]]:
    """(href, visible word) of every glossary mark."""
    return re.findall(r'<a class="glossary-term" href="([^"]+)"[^>]*>([^<]*)</a>', markup)


def test_first_use_only_is_marked():
    out = mark("<p>HER2 is a protein.</p><p>HER2 again, and HER2 once more.</p>")
    assert marks(out) == [("/glossary/#term-her2", "HER2")]
    # Every use is still there as written; only the first became a link.
    assert re.sub(r"<[^>]+>", "", out) == "HER2 is a protein.HER2 again, and HER2 once more."


def test_matching_ignores_case_but_keeps_the_words_as_written():
    out = mark("<p>Neutropenia is low neutrophils.</p>")
    assert marks(out) == [("/glossary/#term-neutropenia", "Neutropenia")]


def test_other_forms_lead_to_their_entry_and_count_as_the_first_use():
    out = mark("<p>A neutropenic infection. Then neutropenia.</p>")
    assert marks(out) == [("/glossary/#term-neutropenia", "neutropenic")]


def test_whole_words_only_and_hyphenated_terms_win():
    out = mark("<p>HER2-positive cancer. The HER2s and XHER2 are not words here.</p>")
    assert marks(out) == [("/glossary/#term-her2-positive", "HER2-positive")]


def test_phrases_match_across_line_breaks():
    out = mark("<p>It was de\nnovo.</p>")
    assert marks(out) == [("/glossary/#term-de-novo", "de\nnovo")]


def test_abbreviations_match_only_in_capitals():
    assert marks(mark("<p>Go to PE class, or pe.</p>")) == [
        ("/glossary/#term-pulmonary-embolism", "PE")
    ]
    assert marks(mark("<p>A pe lesson.</p>")) == []


def test_not_in_headings_links_code_or_care_card_titles():
    out = mark(
        '<h2 id="x">HER2</h2>'
        '<p><a href="/about/">HER2 page</a></p>'
        '<div class="care-card care-card--urgent"><p class="care-card__title">'
        '<strong class="care-card__label">Urgent</strong> HER2 news</p>'
        "<p>Then <code>HER2</code> and HER2 in the body.</p></div>"
    )
    assert marks(out) == [("/glossary/#term-her2", "HER2")]
    assert out.index('class="glossary-term"') > out.index("</code>")


def test_definition_is_escaped_and_text_is_kept_exactly():
    source = "<p>Tom &amp; Jerry, 3 &lt; 4, de novo.</p>"
    out = mark(source)
    assert (
        'data-definition="Said &quot;from the start&quot; &lt;b&gt;here&lt;/b&gt; &amp; there."'
        in out
    )
    assert "Tom &amp; Jerry, 3 &lt; 4," in out
    assert "<b>" not in out


def test_marks_survive_the_sanitiser_unchanged_apart_from_rel():
    out = sanitise(mark("<p>HER2 here.</p>"))
    assert 'class="glossary-term"' in out
    assert 'data-definition="A protein that helps some cells grow."' in out
    assert 'href="/glossary/#term-her2"' in out


def test_sanitiser_still_drops_other_classes_and_data_attributes_on_links():
    out = sanitise('<a class="evil glossary-term" data-x="1" onclick="x()" href="/">a</a>')
    assert 'class="glossary-term"' in out and "data-x" not in out and "onclick" not in out


def test_void_elements_and_nesting_do_not_confuse_the_skip_rules():
    out = mark("<p>Line<br>break <strong>HER2</strong> <img src=x alt=y> neutropenia</p>")
    assert marks(out) == [
        ("/glossary/#term-her2", "HER2"),
        ("/glossary/#term-neutropenia", "neutropenia"),
    ]


def test_longest_phrase_wins_whatever_the_case_of_its_first_letter():
    # Phrases are grouped by first letter for speed; capitals and small letters share a group.
    matcher = glossary_matcher(
        [GlossaryEntry("Bone", "b."), GlossaryEntry("bone metastases", "bm."), HER2]
    )
    found = [(match.group(), entry.term) for match, entry in matcher.finditer("BONE metastases")]
    assert found == [("BONE metastases", "bone metastases")]


def test_a_phrase_starting_with_a_non_ascii_letter_is_found():
    matcher = glossary_matcher([GlossaryEntry("Ödem", "swelling."), NEUTROPENIA])
    found = [entry.term for _, entry in matcher.finditer("Ein ödem and neutropenia.")]
    assert found == ["Ödem", "neutropenia"]
