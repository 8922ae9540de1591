"""Lists read from a topic at load time, for the question sheet."""

from portal.content.loading.loader import load_library
from portal.content.rendering.markdown import render_markdown
from tests.conftest import loaded

BODY = """\
## Before you go

- Write your **questions** down.
- Bring a friend.
    - nested, not an item of its own

!!! urgent "Call now if you have"
    - a temperature

## Questions to ask your team

1. Which treatment will I have?
2. What side effects might I get?

## No list here

Just words.
"""


def test_lists_are_read_by_heading_and_care_card_lists_left_out():
    found = render_markdown(BODY).checklists
    assert [c.heading_id for c in found] == ["before-you-go", "questions-to-ask-your-team"]
    before = found[0]
    assert before.heading == "Before you go"
    assert before.items == ("Write your questions down.", "Bring a friend.")
    assert "a temperature" not in str(found)
    assert found[1].items == ("Which treatment will I have?", "What side effects might I get?")


def test_topic_questions_come_from_the_questions_heading(content_copy):
    (content_copy / "about" / "asking.md").write_text(
        "---\ntitle: Asking\nsummary: Asking things.\norder: 5\n"
        "updated: 2026-01-01\nnext_review: 2027-01-01\n"
        "sources: [{title: Test source, publisher: Test publisher, year: 2025}]\n---\n" + BODY,
        encoding="utf-8",
    )
    library = load_library(content_copy)
    assert library.topic("about", "asking").questions == (
        "Which treatment will I have?",
        "What side effects might I get?",
    )
    assert library.topic("about", "what-it-is").questions == ()


def test_every_treatment_and_side_effect_topic_has_questions(real_content):
    library = loaded(real_content)
    for section in ("treatments", "side-effects"):
        for topic in library.section(section).topics:
            assert len(topic.questions) >= 3, topic.key
    appointments = library.topic("living-with", "making-the-most-of-appointments")
    assert any("questions" in c.heading.lower() for c in appointments.checklists)
