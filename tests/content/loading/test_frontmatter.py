import datetime

import pytest

from portal.content.loading import frontmatter
from portal.content.loading.frontmatter import TOPIC_FIELDS
from portal.content.loading.problems import ContentError

GOOD = {
    "title": "Pain",
    "summary": "Managing pain.",
    "order": 1,
    "updated": datetime.date(2026, 1, 1),
    "next_review": datetime.date(2027, 1, 1),
    "sources": [{"title": "Pain", "publisher": "NHS", "year": 2024}],
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
    data = {**GOOD, "updated": "2026-13-45"}
    error = error_of(frontmatter.validate, data, {"updated": 5}, TOPIC_FIELDS)
    assert (error.id, error.line) == ("content.E007", 5)


def test_string_dates_are_accepted():
    clean = frontmatter.validate({**GOOD, "updated": "2026-02-03"}, {}, TOPIC_FIELDS)
    assert clean["updated"] == datetime.date(2026, 2, 3)


def test_next_review_before_updated_is_e008():
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


def test_retired_reviewed_key_explains_what_to_write_instead():
    data = {**GOOD, "reviewed": datetime.date(2026, 1, 1)}
    error = error_of(frontmatter.validate, data, {"reviewed": 5}, TOPIC_FIELDS)
    assert (error.id, error.line) == ("content.E005", 5)
    assert "updated" in error.hint and "clinical_signoff" in error.hint


def test_sources_become_records_with_optional_ref_and_url():
    sources = [
        {"title": "Neutropenic sepsis", "publisher": "NICE", "year": 2012, "ref": "CG151"},
        {"title": "Pain", "publisher": "NHS", "year": 2024, "url": "https://www.nhs.uk/x/"},
    ]
    clean = frontmatter.validate({**GOOD, "sources": sources}, {}, TOPIC_FIELDS)
    first, second = clean["sources"]
    assert (first.publisher, first.ref, first.url) == ("NICE", "CG151", "")
    assert (second.year, second.url) == (2024, "https://www.nhs.uk/x/")


@pytest.mark.parametrize(
    ("sources", "words"),
    [
        (["Secondary breast cancer source document"], "title, publisher and year"),
        ([{"title": "Pain", "publisher": "NHS"}], "'year'"),
        ([{"title": "Pain", "publisher": "NHS", "year": 24}], "not a real year"),
        ([{"title": "Pain", "publisher": "NHS", "year": 2024, "url": "nhs.uk"}], "https://"),
        ([{"title": "Pain", "publisher": "NHS", "year": 2024, "isbn": "1"}], "'isbn'"),
        ([], "list of sources"),
    ],
)
def test_a_source_that_cannot_be_cited_is_refused_with_the_way_to_write_it(sources, words):
    error = error_of(
        frontmatter.validate, {**GOOD, "sources": sources}, {"sources": 9}, TOPIC_FIELDS
    )
    assert error.line == 9
    assert words in error.message
    assert error.hint  # every refusal says how to fix it


def test_sources_are_required():
    data = {key: value for key, value in GOOD.items() if key != "sources"}
    assert error_of(frontmatter.validate, data, {}, TOPIC_FIELDS).id == "content.E004"


def test_signoff_is_a_role_and_a_date_never_free_text():
    signoff = {"role": "Clinical nurse specialist", "date": "2026-03-01"}
    clean = frontmatter.validate({**GOOD, "clinical_signoff": signoff}, {}, TOPIC_FIELDS)
    assert clean["clinical_signoff"].date == datetime.date(2026, 3, 1)
    error = error_of(
        frontmatter.validate, {**GOOD, "clinical_signoff": "Dr Smith"}, {}, TOPIC_FIELDS
    )
    assert error.id == "content.E006" and "role" in error.hint


def test_changes_are_kept_newest_first():
    changes = [
        {"date": "2026-01-01", "note": "First version."},
        {"date": "2026-03-01", "note": "Added driving."},
    ]
    clean = frontmatter.validate({**GOOD, "changes": changes}, {}, TOPIC_FIELDS)
    assert [change.note for change in clean["changes"]] == ["Added driving.", "First version."]
