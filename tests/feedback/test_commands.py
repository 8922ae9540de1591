"""The content team's commands and the selectors the desk's inbox reads."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from portal.feedback import selectors
from portal.feedback.management.commands.feedback_purge import months_before
from portal.feedback.models import Feedback

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


def add(page="/about/what-it-is/", useful=True, comment="", day=TODAY):
    return Feedback.objects.create(page=page, useful=useful, comment=comment, day=day)


def test_purge_deletes_only_entries_older_than_twelve_months(today):
    kept = [
        add(day=TODAY),
        add(day=datetime.date(2025, 11, 26)),
        add(day=datetime.date(2026, 1, 1)),
    ]
    add(day=datetime.date(2025, 11, 25))
    add(day=datetime.date(2020, 5, 5))
    out = io.StringIO()
    call_command("feedback_purge", stdout=out)
    assert "Deleted 2 entries from before 2025-11-26." in out.getvalue()
    assert sorted(Feedback.objects.values_list("id", flat=True)) == sorted(e.id for e in kept)


def test_purge_dry_run_deletes_nothing(today):
    add(day=datetime.date(2024, 1, 1))
    out = io.StringIO()
    call_command("feedback_purge", "--dry-run", stdout=out)
    assert "Would delete 1 entries" in out.getvalue()
    assert Feedback.objects.count() == 1


def test_purge_refuses_a_nonsense_period(today):
    with pytest.raises(CommandError, match="--months must be 1 or more"):
        call_command("feedback_purge", "--months", "0")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 26), 12, datetime.date(2025, 11, 26)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 15), 1, datetime.date(2025, 12, 15)),
        (datetime.date(2026, 5, 31), 1, datetime.date(2026, 4, 30)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_report_counts_answers_and_lists_comments_newest_first():
    add(useful=True, day=datetime.date(2026, 11, 1))
    add(useful=False, comment="older comment", day=datetime.date(2026, 11, 2))
    add(useful=None, comment="newer comment", day=datetime.date(2026, 11, 20))
    add(page="/emergencies/high-calcium/", useful=True, day=datetime.date(2026, 10, 1))
    out = io.StringIO()
    call_command("feedback_report", stdout=out)
    text = out.getvalue()
    assert "/about/what-it-is/  (What it is)" in text
    assert "Useful: 1 yes, 1 no. Comments: 2. Latest: 2026-11-20." in text
    assert text.index("newer comment") < text.index("older comment")
    assert "2026-11-20  -    newer comment" in text
    assert "2026-11-02  No   older comment" in text
    # The page with the latest feedback comes first.
    assert text.index("/about/what-it-is/") < text.index("/emergencies/high-calcium/")


def test_report_for_one_page_and_for_none():
    add(comment="here")
    add(page="/emergencies/high-calcium/", comment="elsewhere")
    out = io.StringIO()
    call_command("feedback_report", "--page", "/about/what-it-is/", stdout=out)
    assert "here" in out.getvalue() and "elsewhere" not in out.getvalue()
    Feedback.objects.all().delete()
    out = io.StringIO()
    call_command("feedback_report", stdout=out)
    assert out.getvalue().strip() == "No feedback yet."


def test_selectors_for_the_desk_inbox():
    add(useful=True, day=datetime.date(2026, 11, 1))
    first = add(useful=False, comment="first", day=datetime.date(2026, 11, 5))
    add(useful=None, comment="second", day=datetime.date(2026, 11, 5))
    add(page="/emergencies/high-calcium/", useful=False, day=datetime.date(2026, 11, 3))
    assert selectors.summary_by_page() == [
        selectors.PageSummary("/about/what-it-is/", 1, 1, 2, datetime.date(2026, 11, 5)),
        selectors.PageSummary("/emergencies/high-calcium/", 0, 1, 0, datetime.date(2026, 11, 3)),
    ]
    # Same day: the one that came in later first.
    assert [c.comment for c in selectors.recent_comments()] == ["second", "first"]
    assert selectors.recent_comments(limit=1)[0].comment == "second"
    assert selectors.recent_comments(page="/emergencies/high-calcium/") == []
    assert selectors.recent_comments()[1] == selectors.Comment(
        first.page, False, "first", datetime.date(2026, 11, 5)
    )


def test_migrations_match_the_models():
    # A model change without its migration would break a fresh clone's `make run`.
    call_command("makemigrations", "feedback", "--check", "--dry-run", stdout=io.StringIO())
