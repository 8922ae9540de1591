"""The editor checks: a glossary word that no page uses, a hard word that nothing explains."""

import pytest
from django.core.management import call_command

from portal.content.checks.glossary import is_hard, unexplained_words
from portal.content.loading.loader import load_library
from portal.pages.checks import content_checks
from tests.conftest import REAL_CONTENT, loaded


def glossary_checks():
    """The glossary's part of `manage.py check`, from the one registered content check."""
    return [m for m in content_checks() if m.id.startswith("glossary.")]


def ids(messages):
    return [message.id for message in messages]


def test_fixture_tree_has_no_glossary_warnings(fixture_content):
    assert glossary_checks() == []


def test_unused_glossary_word_is_a_warning_naming_the_file(content_copy):
    path = content_copy / "glossary.yml"
    path.write_text(path.read_text() + "- term: stereotactic\n  definition: Precise.\n")
    messages = glossary_checks()
    assert ids(messages) == ["glossary.W001"]
    assert "'stereotactic'" in messages[0].msg and messages[0].obj == "glossary.yml"


def test_word_used_only_inside_a_longer_entry_still_counts_as_used(content_copy):
    path = content_copy / "glossary.yml"
    path.write_text(path.read_text() + "- term: lymph\n  definition: A clear fluid.\n")
    assert glossary_checks() == []


def test_hard_word_without_an_entry_is_a_warning_naming_the_page(content_copy):
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nYou may have neutropenia, or DVT.\n")
    messages = glossary_checks()
    assert ids(messages) == ["glossary.W002", "glossary.W002"]
    assert {m.msg.split("'")[1] for m in messages} == {"neutropenia", "DVT"}
    assert all(m.obj == "about/second.md" for m in messages)


def test_a_medicine_in_medicines_yml_is_explained(content_copy):
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nTrastuzumab helps. Pertuzumab too.\n")
    assert list(unexplained_words(load_library(content_copy))) == ["pertuzumab"]


def test_the_check_runs_through_manage_py(content_copy, capsys):
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nStereotactic treatment.\n")
    # The fixture tree has deliberate content errors of its own; report without failing on them.
    call_command("check", fail_level="CRITICAL")
    assert "glossary.W002" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("word", "hard"),
    [
        ("neutropenia", True), ("Hypercalcaemia", True), ("oncologist", True),
        ("radiotherapy", True), ("stereotactic", True), ("palbociclib", True),
        ("trastuzumab", True), ("MDT", True), ("CDK4/6", True), ("ER+", True),
        ("diagnosis", False), ("NHS", False), ("GP", False), ("therapy", False),
        ("tired", False), ("cases", False), ("I", False),
    ],
)  # fmt: skip
def test_what_counts_as_a_hard_word(word, hard):
    assert is_hard(word) is hard


def test_real_content_explains_every_hard_word_it_uses():
    assert unexplained_words(loaded(REAL_CONTENT)) == {}
