"""The built search index kept between starts (portal/search/index_cache.py)."""

import pytest

from portal.library import render_cache
from portal.library.loader import load_library
from portal.search import index_cache
from portal.search.index import SearchIndex


@pytest.fixture
def cache_dir(monkeypatch, tmp_path):
    folder = tmp_path / "cache"
    monkeypatch.setenv(render_cache.ENV, str(folder))
    return folder


@pytest.fixture
def builds(monkeypatch):
    """Counts the indexes built rather than read from the cache."""
    calls = []
    real = SearchIndex._build

    def counting(rows):
        calls.append(len(rows))
        return real(rows)

    monkeypatch.setattr(SearchIndex, "_build", staticmethod(counting))
    return calls


def answers(index: SearchIndex) -> tuple:
    """What searches see: matches, scores, snippets and the word tables."""
    expression = '"pain"'
    hits, total = index.match(expression, 10)
    return (
        hits,
        total,
        index.snippets(expression, [rowid for rowid, _ in hits]),
        index.frequency,
        list(index.frequency),  # and their order
        index.delete_index,
        index.emergency_names,
    )


def test_second_start_reads_the_index_and_answers_the_same(cache_dir, content_copy, builds):
    library = load_library(content_copy)
    first = SearchIndex(library)
    assert len(builds) == 1
    second = SearchIndex(load_library(content_copy))
    assert len(builds) == 1  # read, not built
    assert answers(second) == answers(first)
    (saved,) = cache_dir.glob("search-*")
    assert saved.stat().st_mode & 0o777 == 0o600


def test_off_unless_a_folder_is_set(monkeypatch, content_copy, builds):
    monkeypatch.delenv(render_cache.ENV, raising=False)
    SearchIndex(load_library(content_copy))
    SearchIndex(load_library(content_copy))
    assert len(builds) == 2


def test_changed_page_builds_the_index_again(cache_dir, content_copy, builds):
    SearchIndex(load_library(content_copy))
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\nZebras graze here.\n")
    index = SearchIndex(load_library(content_copy))
    assert len(builds) == 2
    assert index.match('"zebras"', 10)[1] == 1
    assert "zebras" in index.frequency


def test_changed_medicines_build_the_index_again(cache_dir, content_copy, builds):
    SearchIndex(load_library(content_copy))
    medicines = content_copy / "medicines.yml"
    medicines.write_text(medicines.read_text().replace("[Herceptin]", "[Herceptin, Zebrafix]"))
    index = SearchIndex(load_library(content_copy))
    assert len(builds) == 2
    assert index.match('"zebrafix"', 10)[1] == 1


def test_damaged_file_is_built_again(cache_dir, content_copy, builds):
    library = load_library(content_copy)
    expected = answers(SearchIndex(library))
    (saved,) = cache_dir.glob("search-*")
    saved.write_bytes(saved.read_bytes()[: index_cache.KEY_BYTES] + b"not a database")
    assert answers(SearchIndex(library)) == expected
    assert len(builds) == 2
