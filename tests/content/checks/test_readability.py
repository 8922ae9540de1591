import pytest

from portal.content.checks import readability
from portal.content.rendering.markdown import render_markdown
from tests.conftest import loaded


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("cancer", 2), ("table", 2), ("about", 2), ("people", 2), ("hospital", 3),
     ("chemotherapy", 5), ("radiotherapy", 5), ("information", 4), ("bones", 1), ("time", 1)],
)  # fmt: skip
def test_syllables_from_pyphen_with_a_vowel_floor(word, count):
    assert readability.syllables(word) == count


def test_only_prose_counts():
    html = render_markdown(
        "## A very complicated multisyllabic heading\n\n"
        "The cat sat.\n\n"
        "| Extraordinarily | Incomprehensible |\n|---|---|\n"
        "| Multidisciplinary | Individualised |\n\n"
        '!!! info "Unquestionably overcomplicated title"\n    The dog ran.\n'
    ).html
    assert readability.prose_blocks(html) == ["The cat sat.", "The dog ran."]


def test_each_list_item_is_a_sentence():
    html = render_markdown("- feeling sick\n- feeling tired\n- a high temperature\n").html
    assert readability.measure(html).sentences == 3


def test_plain_text_is_below_target_and_jargon_above():
    plain = render_markdown("You may feel tired. Rest when you can. Ask your nurse for help.").html
    hard = render_markdown(
        "Multidisciplinary oncological practitioners recommend individualised pharmacological "
        "interventions notwithstanding considerable interindividual variability."
    ).html
    assert readability.measure(plain).reading_age <= readability.TARGET_READING_AGE
    assert readability.measure(hard).reading_age > readability.TARGET_READING_AGE


def test_medicine_names_count_as_ordinary_words():
    html = render_markdown("You may have trastuzumab deruxtecan.").html
    names = readability.medicine_words(["trastuzumab deruxtecan"])
    with_names = readability.measure(html, names)
    assert with_names.words == readability.measure(html).words == 5
    assert with_names.syllables < readability.measure(html).syllables


def test_empty_page_has_no_reading_age():
    assert readability.measure("").reading_age is None


def test_every_real_page_meets_the_target(real_content):
    library = loaded(real_content)
    names = readability.medicine_names(library)
    ages = {key: readability.reading_age(t, names) for key, t in library.topics.items()}
    assert ages and all(age <= readability.TARGET_READING_AGE for age in ages.values()), ages
