from portal.content.rendering.markdown import render_markdown
from portal.content.rendering.sanitise import plain_text, sanitise


def test_headings_get_ids_and_are_listed():
    rendered = render_markdown("## Where it spreads\n\ntext\n\n### Bones & joints\n")
    assert '<h2 id="where-it-spreads">' in rendered.html
    assert [(h.level, h.id, h.text) for h in rendered.headings] == [
        (2, "where-it-spreads", "Where it spreads"),
        (3, "bones-joints", "Bones & joints"),
    ]


def test_tables_render():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n").html
    assert "<table>" in html and "<td>1</td>" in html


def test_care_cards_carry_their_kind_in_words():
    html = render_markdown('!!! emergency "Call 999 if"\n    - chest pain\n').html
    assert 'class="care-card care-card--emergency"' in html
    assert '<strong class="care-card__label">Emergency</strong> Call 999 if' in html


def test_unknown_care_card_kind_becomes_information():
    html = render_markdown('!!! whatever "Note"\n    text\n').html
    assert "care-card--info" in html
    assert "whatever" not in html


def test_script_tags_are_removed():
    html = render_markdown('<script>alert("x")</script>\n\ntext').html
    assert "<script" not in html and "alert" not in html


def test_event_handlers_and_styles_are_removed():
    html = sanitise('<p onclick="steal()" style="color:red" onmouseover="x">hi</p>')
    assert html == "<p>hi</p>"


def test_javascript_links_lose_their_href():
    html = render_markdown("[click](javascript:alert(1))").html
    assert "javascript" not in html
    html = sanitise('<a href="JaVaScRiPt:alert(1)">x</a>')
    assert "href" not in html


def test_tel_and_https_links_survive():
    html = render_markdown("[999](tel:999) and [NHS](https://www.nhs.uk/)").html
    assert 'href="tel:999"' in html and 'href="https://www.nhs.uk/"' in html


def test_unknown_classes_are_dropped():
    assert sanitise('<span class="evil care-card__label">x</span>') == (
        '<span class="care-card__label">x</span>'
    )


def test_iframes_and_forms_are_removed():
    html = sanitise('<iframe src="https://x"></iframe><form><input></form>ok')
    assert html == "ok"


def test_plain_text_unescapes_entities():
    assert plain_text("<p>Fish &amp; chips</p> <p>x</p>") == "Fish & chips x"


def test_plain_text_marks_the_end_of_headings_items_and_cells():
    # Search excerpts are cut from this text: a heading must not run into the next sentence.
    assert plain_text("<h2>What fatigue is</h2><p>Fatigue is tiring.</p>") == (
        "What fatigue is. Fatigue is tiring."
    )
    assert plain_text(
        "<ul><li>hot flushes</li><li>feeling sick</li><li><strong>Call 999.</strong></li></ul>"
    ) == ("hot flushes; feeling sick; Call 999.")
    assert plain_text("<h2>Ask:</h2><table><tr><td>a</td><td></td><td> b </td></tr></table>") == (
        "Ask: a. b."
    )
    assert plain_text("<p>x</p><ul><li>y</li></ul><p>z</p>") == "x: y; z"
    card = (
        '<div class="care-card"><p class="care-card__title"><strong class="care-card__label">'
        "Urgent</strong> Get help if you have</p>\n<ul>\n<li>a fever</li>\n</ul></div>"
    )
    assert plain_text(card) == "Urgent: Get help if you have: a fever;"


def test_signs_are_the_words_of_emergency_and_urgent_cards_only():
    rendered = render_markdown(
        "Intro words.\n\n"
        '!!! urgent "Call if"\n    - swelling in one leg\n\n    <div>nested</div>\n\n'
        '!!! info "Good to know"\n    Nothing urgent.\n\n'
        '!!! emergency "Call 999"\n    Now &amp; fast.\n'
    )
    assert rendered.signs == "Urgent Call if swelling in one leg nested Emergency Call 999 Now & fast."


def test_checklist_and_heading_text_reads_as_the_page_shows_it():
    rendered = render_markdown("## A &amp; B\n\n- one &lt;two&gt; `x<y` \\*three\\*\n    - nested\n")
    (checklist,) = rendered.checklists
    assert checklist.heading == "A & B"
    assert checklist.items == ("one <two> x<y *three*",)
