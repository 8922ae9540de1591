"""Print views through Django's test client, on the fixture content."""

import re

import pytest

from portal.pages.print_views import MAX_PACK_TOPICS

NAVIGATION = ('class="site-nav"', 'role="search"', 'class="site-footer"', 'class="breadcrumbs"')


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_topic_sheet_has_everything_a_sheet_needs_and_no_navigation(client):
    html = html_of(client, "/about/what-it-is/print/")
    assert html.count("<h1") == 1 and "What it is</h1>" in html
    assert "What secondary breast cancer is." in html
    assert 'id="where-it-spreads"' in html  # the body
    assert "Last updated" in html and "10 January 2026" in html
    assert "not yet been checked by a clinician" in html and "Fixture publisher, 2025" in html
    assert "Next review due" in html and "10 January 2027" in html
    assert (
        'Printed from <span class="printed-from__address">http://testserver/about/what-it-is/'
        in html
    )
    assert "<svg" in html and 'class="qr__code"' in html
    # The emergency box is the emergencies section's own introduction.
    assert 'id="emergency-box-heading"' in html and "For the most serious signs." in html
    assert "Breast Cancer Now Helpline" in html and "0808 800 6000" in html
    for marker in NAVIGATION:
        assert marker not in html
    assert '<meta name="robots" content="noindex">' in html


def test_topic_sheet_works_without_script_and_loads_only_two_small_scripts(client):
    html = html_of(client, "/about/what-it-is/print/")
    scripts = re.findall(r"<script[^>]*>", html)
    # The reader's display choice (blocking, in <head>, so the sheet is never drawn in the wrong
    # theme) and print.js, under their hashed names once collectstatic has run.
    assert len(scripts) == 2
    assert re.fullmatch(r'<script src="/static/js/display(\.[0-9a-f]{12})?\.js">', scripts[0])
    assert re.fullmatch(r'<script src="/static/js/print(\.[0-9a-f]{12})?\.js" defer>', scripts[1])
    assert "<script>" not in html and "onclick" not in html
    assert re.search(r"<button[^>]*data-print-button[^>]*hidden", html)
    assert "use your browser's Print command" in html
    assert html.count('rel="stylesheet"') == 1


def test_topic_page_links_to_its_sheet(client):
    html = html_of(client, "/about/what-it-is/")
    assert 'href="/about/what-it-is/print/"' in html and "Print this page" in html
    # Printing needs no script on the topic page: only static files and JSON-LD data blocks.
    assert not re.findall(r"<script(?![^>]*(?:src=|application/ld\+json))", html)


def test_unknown_topic_sheet_is_a_helpful_404_and_case_is_forgiven(client):
    assert client.get("/about/not-a-page/print/").status_code == 404
    response = client.get("/About/What-It-Is/print/")
    assert response.status_code == 302 and response["Location"] == "/about/what-it-is/print/"


@pytest.mark.parametrize(
    "url", ["/about/what-it-is/print/", "/print/", "/print/questions/", "/print/emergency-card/"]
)
def test_print_views_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_pack_form_groups_topics_by_section_and_states_the_cap(client):
    html = html_of(client, "/print/")
    assert html.count("<h1") == 1
    assert '<form class="pack-form" action="/print/" method="get">' in html
    assert "<legend>About secondary breast cancer</legend>" in html or "<legend>" in html
    assert 'name="topic" value="about/what-it-is"' in html
    assert 'name="topic" value="emergencies/high-calcium"' in html
    assert f"You can choose up to {MAX_PACK_TOPICS} topics" in html
    # Every checkbox has a label that names it.
    for box_id in re.findall(r'<input type="checkbox" id="([^"]+)"', html):
        assert f'<label for="{box_id}">' in html


def test_pack_has_cover_contents_each_topic_and_contacts(client):
    html = html_of(
        client, "/print/?topic=emergencies/high-calcium&topic=about/what-it-is&topic=about/second"
    )
    assert html.count("<h1") == 1 and "Your information pack" in html
    start = html.index('class="pack-contents"')
    contents = html[start : html.index("</nav>", start)]
    # Library order, whatever order they were asked for in.
    assert contents.index("What it is") < contents.index("High calcium")
    assert html.count('class="pack-topic"') == 3
    assert "Helplines and contacts" in html and "Emergency services" in html
    assert "10 January 2026" in html


def test_pack_ignores_unknown_names_with_a_note_and_repeats_once(client):
    html = html_of(
        client,
        "/print/?topic=about/what-it-is&topic=about/what-it-is&topic=nope/nothing"
        "&topic=%3Cscript%3Ex%3C/script%3E",
    )
    assert html.count('class="pack-topic"') == 1
    assert "Some topics were not found" in html and "“nope/nothing”" in html
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_pack_of_only_unknown_names_shows_the_form_with_the_note(client):
    html = html_of(client, "/print/?topic=nope/nothing")
    assert "Some topics were not found" in html and 'class="pack-form"' in html


def test_pack_is_capped(client, content_copy):
    for number in range(MAX_PACK_TOPICS + 2):
        (content_copy / "about" / f"extra-{number:02d}.md").write_text(
            f"---\ntitle: Extra {number:02d}\nsummary: An extra page.\norder: {10 + number}\n"
            "updated: 2026-01-01\nnext_review: 2027-01-01\n"
            "sources: [{title: Test source, publisher: Test publisher, year: 2025}]\n---\nWords.\n",
            encoding="utf-8",
        )
    query = "&".join(f"topic=about/extra-{number:02d}" for number in range(MAX_PACK_TOPICS + 2))
    html = html_of(client, "/print/?" + query)
    assert html.count('class="pack-topic"') == MAX_PACK_TOPICS
    assert f"Only {MAX_PACK_TOPICS} topics fit in one pack" in html
    assert "Extra 11" in html.split("These were left out:")[1]


def test_question_sheet_takes_questions_from_the_library(client, content_copy):
    (content_copy / "about" / "asking.md").write_text(
        "---\ntitle: Asking\nsummary: Asking things.\norder: 5\n"
        "updated: 2026-01-01\nnext_review: 2027-01-01\n"
        "sources: [{title: Test source, publisher: Test publisher, year: 2025}]\n---\n"
        "## Questions to ask your team\n\n- Which treatment will I have?\n- Who do I call?\n",
        encoding="utf-8",
    )
    empty = html_of(client, "/print/questions/")
    assert 'value="about/asking"' in empty and "Which treatment will I have?" not in empty
    assert 'value="about/what-it-is"' not in empty  # no questions on that topic
    html = html_of(client, "/print/questions/?topic=about/asking")
    assert html.count("<h1") == 1
    assert "Asking: questions to ask" in html and "Who do I call?" in html
    assert 'class="write-lines"' in html
    assert "My own questions" in html
    for input_id in re.findall(r'<input type="(?:checkbox|text)" id="([^"]+)"', html):
        assert f'for="{input_id}"' in html


def test_emergency_card_fields_are_labelled_and_outside_any_form(client):
    html = html_of(client, "/print/emergency-card/")
    assert html.count("<h1") == 1
    assert "<form" not in html
    for label in ("My 24-hour hospital line (if I have one)", "My hospital", "My consultant"):
        assert f">{label}</label>" in html
    ids = re.findall(r'<input type="[a-z]+" id="([^"]+)"', html)
    assert len(ids) >= 3
    for input_id in ids:
        assert f'<label for="{input_id}">' in html
    inputs = re.findall(r"<input[^>]*>", html)
    assert all('autocomplete="off"' in tag and " name=" not in tag for tag in inputs)
    assert 'id="emergency-box-heading"' in html and "For the most serious signs." in html


def test_symptom_diary_is_a_week_grid(client):
    html = html_of(client, "/print/symptom-diary/")
    assert html.count("<h1") == 1
    for day in ("Monday", "Sunday"):
        assert f'<th scope="col">{day}</th>' in html
    for row in ("Pain", "Tiredness", "Sleep", "Eating", "Mood"):
        assert f'<th scope="row">{row}' in html


def test_sheets_do_not_break_without_an_emergencies_section(client, content_copy):
    import shutil

    shutil.rmtree(content_copy / "emergencies")
    html = html_of(client, "/print/emergency-card/")
    # The site's own banner stands in, so the signs and 999 are still on the card.
    assert 'href="tel:999"' in html and 'id="emergency-box-heading"' in html


def test_pack_change_link_keeps_the_readers_topics_ticked(client):
    html = html_of(client, "/print/?topic=about/second&topic=about/what-it-is")
    assert 'href="/print/?topic=about%2Fwhat-it-is&amp;topic=about%2Fsecond&amp;change=1"' in html
    form = html_of(client, "/print/?topic=about/second&change=1")
    assert 'class="pack-form"' in form
    assert re.search(r'value="about/second" checked', form)
    assert not re.search(r'value="about/what-it-is" checked', form)


def test_a_huge_query_gets_a_clear_answer_not_an_error(client):
    # As much junk as fits under the 4 KiB request limit (beyond it: a helpful 414).
    junk = "&".join(f"topic=x{'y' * 300}{number}" for number in range(12))
    for url in ("/print/?", "/print/questions/?"):
        response = client.get(url + junk + "&topic=about/what-it-is")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Some topics were not found" in html and "more" in html
        # The sheet's own address names only known topics, never the junk.
        assert "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" not in html


def test_an_address_too_long_for_a_qr_code_leaves_the_code_out():
    from portal.pages.qr import qr_svg

    assert qr_svg("http://testserver/" + "a" * 5000) == ""
    assert qr_svg("http://testserver/about/").startswith("<svg")


def test_pack_form_offers_no_print_button_but_the_pack_does(client):
    assert "data-print-button" not in html_of(client, "/print/")
    assert "Print this pack" in html_of(client, "/print/?topic=about/second")
