import datetime

import pytest

from portal.content.loading import frontmatter
from portal.content.loading.frontmatter import TOPIC_FIELDS
from portal.content.loading.problems import ContentError

GOOD = {
    "title": "Pain",
    "summary": "Managing pain.",
    "order": 1,
    "reviewed": datetime.date(2026, 1, 1),
    "next_review": datetime.date(2027, 1, 1),
}


def error_of(callable_, *args) -> ContentError:
    with pytest.raises(ContentError) as info:
        callable_(*args)
    return info.value


def test_split_returns_front_body_and_body_line():
    front, body, line = frontmatter.split("---\ntitle: A\n---\n## Body\n")
    assert front == "title: A"
    assert body == "## Body\n"
    assert line == 4


def test_missing_opening_fence_is_e002_on_line_1():
    error = error_of(frontmatter.split, "title: A\n")
    assert (error.id, error.line) == ("content.E002", 1)


def test_unclosed_front_matter_is_e002():
    error = error_of(frontmatter.split, "---\ntitle: A\n## Body\n")
    assert error.id == "content.E002"
    assert "not closed" in error.message


def test_yaml_error_names_the_file_line():
    error = error_of(frontmatter.parse, "title: A\nsummary: [unclosed\norder: 1\n")
    assert error.id == "content.E003"
    assert error.line is not None and error.line >= 3


def test_parse_records_key_lines_offset_by_the_fence():
    data, lines = frontmatter.parse("title: A\nsummary: B\n")
    assert data == {"title": "A", "summary": "B"}
    assert lines == {"title": 2, "summary": 3}


def test_misspelt_key_gets_a_suggestion():
    data = {**GOOD, "sumary": "x"}
    error = error_of(frontmatter.validate, data, {"sumary": 7}, TOPIC_FIELDS)
    assert error.id == "content.E005"
    assert "summary" in error.hint
    assert error.line == 7


def test_missing_key_is_e004():
    data = {key: value for key, value in GOOD.items() if key != "title"}
    assert error_of(frontmatter.validate, data, {}, TOPIC_FIELDS).id == "content.E004"


def test_impossible_date_is_e007():
    data = {**GOOD, "reviewed": "2026-13-45"}
    error = error_of(frontmatter.validate, data, {"reviewed": 5}, TOPIC_FIELDS)
    assert (error.id, error.line) == ("content.E007", 5)


def test_string_dates_are_accepted():
    clean = frontmatter.validate({**GOOD, "reviewed": "2026-02-03"}, {}, TOPIC_FIELDS)
    assert clean["reviewed"] == datetime.date(2026, 2, 3)


def test_next_review_before_reviewed_is_e008():
    data = {**GOOD, "next_review": datetime.date(2025, 1, 1)}
    assert error_of(frontmatter.validate, data, {}, TOPIC_FIELDS).id == "content.E008"


def test_order_must_be_a_number():
    data = {**GOOD, "order": "first"}
    assert error_of(frontmatter.validate, data, {}, TOPIC_FIELDS).id == "content.E006"


def test_single_string_becomes_a_one_item_list():
    clean = frontmatter.validate({**GOOD, "also_known_as": "mets"}, {}, TOPIC_FIELDS)
    assert clean["also_known_as"] == ("mets",)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"\x00\x01bin", "not a text"),
        (b"\xff\xfe\xfa", "UTF-8"),
    ],
)
def test_decode_refuses_files_that_are_not_text(raw, words):
    error = error_of(frontmatter.decode, raw)
    assert error.id == "content.E001"
    assert words in error.message


def test_decode_strips_bom_and_windows_line_ends():
    assert frontmatter.decode("\ufeff---\r\nx: 1\r\n".encode()) == "---\nx: 1\n"
