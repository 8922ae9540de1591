"""medicines.yml's sheet fields (side_effects, call_team_if, source, updated, clinical_signoff):
each mistake is reported with the file and the line, and the medicine is never half-loaded."""

import pytest

from portal.content.loading.loader import load_library

BASE = """\
- name: letrozole
  brands: [Femara]
  group: aromatase inhibitor
  used_for: Lowers oestrogen.
  topic: about/what-it-is
"""


def problems_for(content_copy, extra: str):
    path = content_copy / "medicines.yml"
    path.write_text(BASE + extra, encoding="utf-8")
    library = load_library(content_copy)
    return [p for p in library.problems if p.path == path], library


def test_complete_fields_load(content_copy):
    found, library = problems_for(
        content_copy,
        "  side_effects: [Hot flushes]\n  call_team_if: [You feel very unwell.]\n"
        "  source:\n    title: Side effects of letrozole\n    publisher: NHS\n"
        "  updated: 2026-11-20\n",
    )
    assert found == []
    medicine = library.medicines[0]
    assert medicine.side_effects == ("Hot flushes",)
    assert medicine.source.publisher == "NHS" and medicine.source.year is None


@pytest.mark.parametrize(
    ("extra", "line", "words"),
    [
        ("  side_effects: [Hot flushes]\n  updated: 2026-11-20\n", 6, "no 'source'"),
        (
            "  side_effects: [Hot flushes]\n  source: {title: A, publisher: NHS}\n",
            6,
            "no 'updated'",
        ),
        ("  source: {title: A, publisher: NHS}\n", 6, "no side effects"),
        (
            "  side_effects: [Hot flushes]\n  updated: 2026-11-20\n"
            "  source: {title: A, publisher: NHS, url: www.nhs.uk}\n",
            8,
            "does not start with https://",
        ),
        ("  side_effect: [Hot flushes]\n", 6, "Did you mean 'side_effects'?"),
        ("  side_effects: {a: b}\n", 6, "must be a list"),
        ("- name: Femara\n  group: x\n  used_for: x\n  topic: about/what-it-is\n", 2, "both"),
    ],
    ids=["no-source", "no-updated", "source-alone", "bad-url", "typo", "not-a-list", "clash"],
)
def test_mistakes_name_the_file_and_line(content_copy, extra, line, words):
    found, library = problems_for(content_copy, extra)
    assert len(found) == 1, found
    problem = found[0]
    text = f"{problem.message} {problem.hint}"
    assert words in text
    assert problem.line == line
    assert library.medicines == ()


def test_one_broken_entry_leaves_out_that_medicine_alone(content_copy):
    broken = "- name: tamoxifen\n  group: hormone therapy\n  used_for: x\n  side_effect: [a]\n"
    good = "- name: fulvestrant\n  group: hormone therapy\n  used_for: x\n  topic: about/what-it-is\n"
    found, library = problems_for(content_copy, broken + good)
    assert [medicine.name for medicine in library.medicines] == ["fulvestrant", "letrozole"]
    assert len(found) == 1 and found[0].line == 9, found
    assert "side_effects" in f"{found[0].message} {found[0].hint}"
