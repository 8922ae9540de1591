"""The index and the search service: built from the Library, rebuilt with it, weighted,
emergency-aware, and safe in what it returns."""

from portal.content.loading import store
from portal.search import search
from portal.search.index import fold
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
