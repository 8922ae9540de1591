"""content/synonyms.yml is read through the Library like the other data files."""

from portal.content.loading.loader import load_library
from portal.content.loading.models import Synonym
from tests.conftest import loaded


def test_synonyms_are_loaded(content_copy):
    (content_copy / "synonyms.yml").write_text(
        "- words: [chemo, chemo drip]\n  means: [chemotherapy]\n", encoding="utf-8"
    )
    library = load_library(content_copy)
    assert library.synonyms == (Synonym(("chemo", "chemo drip"), ("chemotherapy",)),)
    assert library.problems == load_library(content_copy).problems


def test_no_synonyms_file_means_no_synonyms(fixture_content):
    assert loaded(fixture_content).synonyms == ()


def test_entry_without_meaning_is_an_error_naming_the_file(content_copy):
    (content_copy / "synonyms.yml").write_text("- words: [chemo]\n  means: []\n", encoding="utf-8")
    library = load_library(content_copy)
    problem = next(p for p in library.problems if p.path.name == "synonyms.yml")
    assert problem.id == "content.E004"
    assert "chemo" in problem.message
    assert library.synonyms == ()


def test_unknown_key_is_an_error_with_its_line(content_copy):
    (content_copy / "synonyms.yml").write_text(
        "- words: [chemo]\n  means: [chemotherapy]\n- words: [mets]\n  mean: [secondary]\n",
        encoding="utf-8",
    )
    problem = next(p for p in load_library(content_copy).problems if p.path.name == "synonyms.yml")
    assert problem.id == "content.E005" and problem.line == 4
    assert "means" in problem.hint


def test_real_synonyms_file_loads_without_problems(real_content):
    library = loaded(real_content)
    assert len(library.synonyms) > 50
    assert not [p for p in library.problems if p.path.name == "synonyms.yml"]
