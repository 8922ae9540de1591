"""A synonym or glossary entry must send readers to a page that talks about what they asked."""

from portal.content.checks.editor import check_library
from portal.content.loading.loader import load_library
from portal.pages.checks import site_path


def warnings(tree, check_id):
    return [p for p in check_library(load_library(tree), site_path) if p.id == check_id]


def test_synonym_sent_to_a_page_that_never_mentions_the_words_is_named_with_its_line(clean_copy):
    (clean_copy / "synonyms.yml").write_text(
        "- words: [tummy ache, belly ache]\n"
        "  means: [a good page]\n"
        "- words: [high calcium]\n"
        "  means: [high calcium (hypercalcaemia)]\n"
    )
    found = warnings(clean_copy, "content.W010")
    assert len(found) == 1, found
    assert found[0].path.name == "synonyms.yml" and found[0].line == 1
    assert "tummy ache" in found[0].message and "about/good-page" in found[0].message


def test_a_synonym_whose_page_mentions_a_plural_of_the_word_keeps_its_promise(clean_copy):
    page = clean_copy / "about" / "good-page.md"
    page.write_text(page.read_text() + "\nSome people get headaches.\n")
    (clean_copy / "synonyms.yml").write_text("- words: [headache]\n  means: [a good page]\n")
    assert warnings(clean_copy, "content.W010") == []


def test_glossary_word_pointing_at_a_page_without_it_is_named_with_its_line(clean_copy):
    (clean_copy / "glossary.yml").write_text(
        "- term: calcium\n"
        "  definition: A mineral in the blood and bones.\n"
        "  topic: emergencies/high-calcium\n"
        "- term: PICC line\n"
        "  definition: A thin tube put into a vein in the arm.\n"
        "  topic: about/good-page\n"
    )
    found = warnings(clean_copy, "content.W011")
    assert [(problem.line, "PICC line" in problem.message) for problem in found] == [(4, True)]
