"""The glossary and medicines data as the Library reads and cross-references them."""

from portal.content.loading.loader import load_library
from tests.conftest import loaded


def test_glossary_is_read_sorted_with_its_forms(fixture_content):
    library = loaded(fixture_content)
    assert [entry.term for entry in library.glossary] == ["hypercalcaemia", "lymphatic system"]
    entry = library.glossary[0]
    assert entry.other_forms == ("hypercalcemia",)
    assert entry.topic == "emergencies/high-calcium"
    assert entry.url == "/glossary/#term-hypercalcaemia"


def test_topic_html_is_marked_once_at_load_time(fixture_content):
    topic = loaded(fixture_content).topic("about", "what-it-is")
    assert topic.html.count('class="glossary-term"') == 1
    assert 'href="/glossary/#term-lymphatic-system"' in topic.html
    # Plain text for search and word counts is not touched by the marks.
    assert "network of thin tubes" not in topic.text


def test_a_spelling_under_two_entries_is_an_error_naming_the_file(content_copy):
    (content_copy / "glossary.yml").write_text(
        "- term: sepsis\n  definition: An infection reaction.\n  other_forms: [septic]\n"
        "- term: septic\n  definition: Infected.\n"
    )
    library = load_library(content_copy)
    problem = next(p for p in library.problems if p.path.name == "glossary.yml")
    assert problem.id == "content.E006" and "'septic'" in problem.message
    assert library.glossary == ()


def test_missing_definition_names_the_line(content_copy):
    (content_copy / "glossary.yml").write_text(
        "- term: sepsis\n  definition: An infection reaction.\n- term: septic\n"
    )
    problem = next(p for p in load_library(content_copy).problems if p.path.name == "glossary.yml")
    assert problem.id == "content.E004" and problem.line == 3


def test_glossary_topic_that_is_not_a_page_is_a_warning(content_copy):
    (content_copy / "glossary.yml").write_text(
        "- term: lymph system\n  definition: Tubes.\n  topic: about/nowhere\n"
    )
    library = load_library(content_copy)
    assert any(
        p.id == "content.W001" and p.path.name == "glossary.yml" and "about/nowhere" in p.message
        for p in library.problems
    )


def test_medicines_know_every_topic_that_names_them(content_copy):
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nSome people have Herceptin.\n")
    medicine = load_library(content_copy).medicines[0]
    assert medicine.name == "trastuzumab"
    # Its own topic does not name it in the fixture, so only the page that does is listed.
    assert medicine.mentioned_in == ("about/second",)


def test_own_topic_comes_first_among_mentions(content_copy):
    for name in ("what-it-is.md", "second.md"):
        page = content_copy / "about" / name
        page.write_text(page.read_text() + "\nTrastuzumab is one medicine.\n")
    medicine = load_library(content_copy).medicines[0]
    assert medicine.mentioned_in == ("about/what-it-is", "about/second")


def test_a_broken_entry_costs_only_itself(content_copy):
    (content_copy / "glossary.yml").write_text(
        "- term: sepsis\n  definition: An infection reaction.\n"
        "- term: septic\n"
        "- term: lymph\n  definition: A clear fluid.\n"
    )
    library = load_library(content_copy)
    found = [p for p in library.problems if p.path.name == "glossary.yml"]
    assert [(p.id, p.line) for p in found] == [("content.E004", 3)]
    assert [entry.term for entry in library.glossary] == ["lymph", "sepsis"]
