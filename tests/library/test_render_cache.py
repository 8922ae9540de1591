"""Rendered markdown kept between starts (portal/library/render_cache.py)."""

import stat

import pytest

from portal.library import bodies, render_cache
from portal.library.bodies import BodyRenderer
from portal.library.loader import load_library
from portal.library.rendering import render_markdown


@pytest.fixture
def renders(monkeypatch):
    """Counts the real markdown renders the cache could not spare."""
    calls = []

    def counting(body):
        calls.append(body)
        return render_markdown(body)

    monkeypatch.setattr(bodies, "render_markdown", counting)
    return calls


@pytest.fixture
def cache_dir(monkeypatch, tmp_path):
    folder = tmp_path / "render-cache"
    monkeypatch.setenv(render_cache.ENV, str(folder))
    return folder


def snapshot(library):
    return {key: (t.html, t.headings, t.text, t.checklists) for key, t in library.topics.items()}, [
        s.intro_html for s in library.sections
    ]


def test_off_unless_a_folder_is_set(monkeypatch, content_copy):
    monkeypatch.delenv(render_cache.ENV, raising=False)
    cached, _ = render_cache.renderer_for(content_copy)
    renderer = BodyRenderer()
    assert cached(renderer) is renderer


def test_second_load_renders_nothing_and_gives_the_same_library(cache_dir, content_copy, renders):
    first = load_library(content_copy)
    rendered_first = len(renders)
    assert rendered_first > 0
    second = load_library(content_copy)
    assert len(renders) == rendered_first  # nothing rendered again
    assert snapshot(second) == snapshot(first)
    files = list(cache_dir.iterdir())
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_changed_page_is_rendered_again(cache_dir, content_copy, renders):
    load_library(content_copy)
    before = len(renders)
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text() + "\n## A new heading\n\nNew words.\n")
    library = load_library(content_copy)
    assert len(renders) == before + 1
    topic = library.topic("about", "second")
    assert "New words." in topic.html and "A new heading" in [h.text for h in topic.headings]


def test_damaged_cache_file_is_ignored_and_replaced(cache_dir, content_copy, renders):
    expected = snapshot(load_library(content_copy))
    (cache_file,) = cache_dir.iterdir()
    cache_file.write_text('{"not": "what we wrote"')
    assert snapshot(load_library(content_copy)) == expected
    renders.clear()
    load_library(content_copy)
    assert renders == []  # rewritten whole by the load before


def test_folder_others_can_write_to_is_not_trusted(cache_dir, content_copy, renders, caplog):
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)
    load_library(content_copy)
    count = len(renders)
    load_library(content_copy)
    assert len(renders) == 2 * count
    assert list(cache_dir.iterdir()) == []
    assert "writable by other users" in caplog.text


def test_changed_glossary_marks_every_page_again(cache_dir, content_copy, renders):
    first = load_library(content_copy)
    assert "carries fluid around the body." in first.topic("about", "what-it-is").html
    renders.clear()
    glossary = content_copy / "glossary.yml"
    glossary.write_text(glossary.read_text().replace("carries fluid", "moves lymph fluid"))
    library = load_library(content_copy)
    assert len(renders) == len(library.topics)  # topics only: introductions have no marks
    html = library.topic("about", "what-it-is").html
    assert "moves lymph fluid around the body." in html
    assert "carries fluid" not in html


def test_a_word_added_to_the_glossary_is_marked_on_a_cached_page(cache_dir, content_copy):
    load_library(content_copy)
    glossary = content_copy / "glossary.yml"
    glossary.write_text(glossary.read_text() + "- term: tiredness\n  definition: Fatigue.\n")
    html = load_library(content_copy).topic("emergencies", "high-calcium").html
    assert 'href="/glossary/#term-tiredness"' in html


def test_cached_load_is_the_same_as_an_uncached_one(cache_dir, content_copy, monkeypatch):
    load_library(content_copy)
    cached = load_library(content_copy)
    monkeypatch.delenv(render_cache.ENV)
    assert snapshot(cached) == snapshot(load_library(content_copy))


def test_changed_medicines_are_found_again_on_cached_pages(cache_dir, content_copy):
    assert load_library(content_copy).medicines[0].mentioned_in == ()
    medicines = content_copy / "medicines.yml"
    medicines.write_text(medicines.read_text().replace("[Herceptin]", "[Herceptin, Calcium]"))
    library = load_library(content_copy)
    (trastuzumab,) = library.medicines
    assert trastuzumab.mentioned_in == ("emergencies/high-calcium",)
    assert library.topic("emergencies", "high-calcium").medicines == ("trastuzumab",)


def test_changed_front_matter_is_read_again(cache_dir, content_copy):
    load_library(content_copy)
    page = content_copy / "about" / "second.md"
    page.write_text(page.read_text().replace("title: Second topic", "title: Renamed"))
    assert load_library(content_copy).topic("about", "second").title == "Renamed"
    page.write_text(page.read_text().replace("order: 2", "order: 2\nsummmary: typo"))
    library = load_library(content_copy)
    assert library.topic("about", "second") is None  # a mistake is never served from the cache
    assert [p.id for p in library.problems if p.path == page] == ["content.E005"]
