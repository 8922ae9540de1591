"""The index and the search service: built from the Library, rebuilt with it, weighted,
emergency-aware, and safe in what it returns."""

import dataclasses
from types import MappingProxyType

import pytest

from portal.content.loading import store
from portal.search import query as q
from portal.search import search
from portal.search.index import (
    _HEAD_FIELDS,
    _HEAD_MATCH_SQL,
    _MATCH_SQL,
    SCORE_ALL_UP_TO,
    SearchIndex,
    fold,
)
from portal.search.service import get_index, highlight

SOURCES = "sources: [{title: Test source, publisher: Test publisher, year: 2025}]\n"


def write_topic(folder, slug, title, body, also_known_as=(), summary="A page."):
    names = "".join(f"\n  - {name}" for name in also_known_as)
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: {title}\nsummary: {summary}\norder: 5\nupdated: 2026-01-10\n"
        f"next_review: 2027-01-10\nalso_known_as:{names or ' []'}\n"
        f"{SOURCES}---\n{body}\n",
        encoding="utf-8",
    )


def test_every_topic_is_found_by_its_title(fixture_content):
    library = store.get_library()
    for topic in library.topics.values():
        assert topic.url in [result.url for result in search(topic.title).results]


def test_title_outranks_names_outranks_body(content_copy):
    about = content_copy / "about"
    write_topic(about, "in-body", "Plain page", "Zebra zebra zebra zebra in the body.")
    write_topic(about, "in-names", "Other page", "Nothing here.", also_known_as=["zebra"])
    write_topic(about, "in-title", "Zebra", "Nothing here either.")
    urls = [result.url for result in search("zebra").results]
    assert urls == ["/about/in-title/", "/about/in-names/", "/about/in-body/"]


def test_medicine_brands_find_their_page(fixture_content):
    # fixture medicines.yml: trastuzumab (Herceptin) -> about/what-it-is
    assert get_index().phrasebook[("herceptin",)] == ("trastuzumab",)
    assert search("Herceptin").results[0].url == "/about/what-it-is/"


def test_synonyms_from_content_expand_the_search(content_copy):
    (content_copy / "synonyms.yml").write_text(
        "- words: [bone spread]\n  means: [lymph system]\n", encoding="utf-8"
    )
    assert [r.url for r in search("bone spread").results] == ["/about/what-it-is/"]


def test_index_is_rebuilt_when_the_library_changes(content_copy, settings):
    settings.DEBUG = True  # the store reloads the Library when a file changes
    first = get_index()
    assert get_index() is first  # same Library, same index
    assert not search("quokka").results
    write_topic(content_copy / "about", "quokka", "Quokka care", "All about it.")
    assert get_index() is not first
    assert search("quokka").results[0].url == "/about/quokka/"


def test_index_is_rebuilt_when_the_store_is_reset(content_copy):
    first = get_index()
    store.reset()
    assert get_index() is not first


def test_us_spelling_variant_matches_without_a_listed_name(content_copy):
    write_topic(content_copy / "about", "blood", "Blood counts", "Anaemia can make you tired.")
    assert [r.url for r in search("anemia").results] == ["/about/blood/"]


def test_misspelling_is_corrected_and_said(real_content):
    response = search("trastuzamab")
    assert response.suggestion == "trastuzumab"
    assert response.results[0].url == "/treatments/targeted-therapy/"


def test_exact_search_does_not_correct(real_content):
    response = search("trastuzamab", exact=True)
    assert response.suggestion is None and response.results == ()


def test_words_that_match_are_not_corrected(real_content):
    assert search("chemo").suggestion is None
    assert search("tumours").suggestion is None


def test_any_term_when_no_page_has_every_word(real_content):
    response = search("chemotherapy quokka")
    assert response.any_term
    assert response.results[0].url == "/treatments/chemotherapy/"


def test_nothing_found_gives_an_empty_response(real_content):
    response = search("qwxzv")
    assert response.results == () and response.total == 0 and response.suggestion is None


def test_empty_and_symbol_only_input(fixture_content):
    for text in ("", "   ", '"', "*", "^", "😢"):
        response = search(text)
        assert response.results == () and response.total == 0


def test_long_input_is_cut_and_flagged(fixture_content):
    response = search("calcium " * 1000)
    assert response.truncated and len(response.query) <= 200


def test_emergency_names_leave_out_names_other_pages_share(real_content):
    names = get_index().emergency_names
    assert fold(["high", "calcium"]) in names
    assert fold(["blood", "clots"]) in names
    assert fold(["bone", "mets"]) not in names  # also a treatment page's name


def test_snippets_mark_matches_and_escape_everything_else(content_copy):
    write_topic(content_copy / "about", "signs", "Signs", "Is 5 < 6 & is pain <b>bad</b>?")
    snippet = str(search("pain").results[0].snippet)
    assert "<mark>pain</mark>" in snippet
    assert "&lt;" in snippet and "&amp;" in snippet
    assert "<b>" not in snippet


def test_highlight_escapes_then_marks():
    marked = highlight('<script>"x"</script> \ue000pain\ue001')
    assert marked == "&lt;script&gt;&quot;x&quot;&lt;/script&gt; <mark>pain</mark>"


def _big_library(pages_in_title: int, pages_in_body: int):
    """The fixture Library with extra pages: some with "zebra" in the title, some in the body."""
    library = store.get_library()
    about = library.section("about")
    model = about.topics[0]
    extra = [
        dataclasses.replace(model, slug=f"title-{n}", title=f"Zebra {n}", text="Plain words.")
        for n in range(pages_in_title)
    ] + [
        dataclasses.replace(model, slug=f"body-{n}", title=f"Page {n}", text="A zebra here.")
        for n in range(pages_in_body)
    ]
    section = dataclasses.replace(about, topics=about.topics + tuple(extra))
    sections = (section, *library.sections[1:])
    topics = {topic.key: topic for s in sections for topic in s.topics}
    return dataclasses.replace(
        library,
        sections=sections,
        topics=MappingProxyType(topics),
        _sections_by_slug=MappingProxyType({s.slug: s for s in sections}),
    )


def test_many_matches_score_only_pages_with_the_words_in_their_main_fields(fixture_content):
    index = SearchIndex(_big_library(20, SCORE_ALL_UP_TO))
    hits, total = index.match('"zebra"', 10)
    assert total == 20 + SCORE_ALL_UP_TO
    assert len(hits) == 20
    assert all(index.topics[rowid].title.startswith("Zebra") for rowid, _ in hits)


def test_few_main_field_matches_fall_back_to_scoring_every_page(fixture_content):
    index = SearchIndex(_big_library(3, SCORE_ALL_UP_TO))
    hits, total = index.match('"zebra"', 10)
    assert len(hits) == total == 3 + SCORE_ALL_UP_TO
    assert all(index.topics[rowid].title.startswith("Zebra") for rowid, _ in hits[:3])


def test_heads_table_scores_exactly_as_the_pages_table(real_content):
    """The heads table stands in for `pages` filtered to the head fields: same pages, same
    order and the same bm25 scores, because its stand-in column keeps each page's length."""
    from tests.search.relevance_queries import QUERIES

    index = get_index()
    compared = 0
    for text, _ in QUERIES:
        concepts = q.find_concepts(q.normalise(text), index.phrasebook, index.variants)
        if not concepts:
            continue
        expression = _HEAD_FIELDS + q.to_fts(concepts) + ")"
        in_pages = index._db.execute(_MATCH_SQL, (expression,)).fetchall()
        in_heads = index._db.execute(_HEAD_MATCH_SQL, (expression,)).fetchall()
        assert [rowid for rowid, _ in in_heads] == [rowid for rowid, _ in in_pages], text
        assert [score for _, score in in_heads] == pytest.approx([s for _, s in in_pages]), text
        compared += len(in_pages)
    assert compared > 100  # the query set reaches many head-field matches


def test_heads_table_never_matches_the_stand_in_words(fixture_content):
    index = get_index()
    assert q.normalise("\ue002 pain \ue002") == ["pain"]  # no query can hold it
    expression = _HEAD_FIELDS + q.quote("\ue002") + ")"  # and the head fields never have it
    assert index._db.execute(_HEAD_MATCH_SQL, (expression,)).fetchall() == []
    assert index._db.execute("SELECT count(*) FROM heads").fetchone()[0] == len(index.topics)
