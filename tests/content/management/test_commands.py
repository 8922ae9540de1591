"""content_report and new_topic, run as an editor would run them."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.content.checks.editor import check_library
from portal.content.loading.loader import load_library
from portal.pages.checks import site_path

YEARS_2 = datetime.timedelta(days=2 * 365)


def report(*args) -> list[str]:
    out = StringIO()
    call_command("content_report", *args, stdout=out)
    return out.getvalue().splitlines()


def test_report_has_one_row_a_page_with_every_column(clean_copy):
    lines = report()
    assert lines[0].split()[:2] == ["Page", "Updated"]
    for column in ("Next review", "Days overdue", "Clinical sign-off", "Reading age", "Words"):
        assert column in lines[0]
    rows = [line for line in lines[2:] if line.startswith(("about/", "emergencies/"))]
    assert sorted(row.split()[0] for row in rows) == ["about/good-page", "emergencies/high-calcium"]
    assert all(" awaiting " in row for row in rows)  # nothing in the fixtures is signed off
    totals = next(line for line in lines if " pages on " in line)
    assert "2 pages" in totals and "0 overdue" in totals
    waiting = next(line for line in lines if "awaiting clinical sign-off" in line)
    assert "about/_index" in waiting and "emergencies/high-calcium" in waiting


def test_most_overdue_page_comes_first(clean_copy):
    page = clean_copy / "emergencies" / "high-calcium.md"
    text = re.sub(r"updated: .*", "updated: 2025-03-01", page.read_text())
    page.write_text(re.sub(r"next_review: .*", "next_review: 2026-02-01", text))
    lines = report("--today", "2026-03-01")
    first = lines[2].split()
    assert first[0] == "emergencies/high-calcium" and first[3] == "28"
    assert lines[3].split()[3] == "-"


def test_strict_fails_only_when_a_page_is_overdue(clean_copy):
    report("--strict")  # nothing overdue: no error
    with pytest.raises(CommandError, match="emergencies/high-calcium"):
        report("--strict", "--today", (datetime.date.today().replace(day=1) + YEARS_2).isoformat())


def test_report_runs_even_when_a_file_is_broken(clean_copy):
    (clean_copy / "about" / "broken.md").write_text("---\ntitle: [\n---\n")
    assert "run `manage.py check`" in report()[-1]


def test_new_topic_writes_a_valid_page_with_todays_dates(clean_copy):
    out = StringIO()
    call_command("new_topic", "about", "bone-pain", "--title", "Bone pain: what helps", stdout=out)
    assert "about/bone-pain.md" in out.getvalue()
    library = load_library(clean_copy)
    topic = library.topic("about", "bone-pain")
    assert library.problems == () and topic.title == "Bone pain: what helps"
    today = datetime.date.today()
    assert topic.updated == today and (topic.next_review - today).days in (365, 366)
    assert topic.order == 2  # after the section's last page
    ids = {problem.id for problem in check_library(library, site_path)}
    assert ids == {"content.W006"}  # only: "write the page", until the editor does


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["nowhere", "page"], "There is no section 'nowhere'"),
        (["about", "Bone_Pain"], "cannot be a web address"),
        (["about", "good-page"], "already exists"),
    ],
)
def test_new_topic_refuses_with_a_clear_message(clean_copy, args, words):
    before = sorted(p.name for p in clean_copy.rglob("*"))
    with pytest.raises(CommandError, match=words):
        call_command("new_topic", *args, "--title", "A title")
    assert sorted(p.name for p in clean_copy.rglob("*")) == before
