"""`manage.py content_report`: one row a page, most urgent review first, for the editors' meeting.

Each row says whether a clinical reviewer has signed the page off; the totals list the pages
still awaiting sign-off (section pages included) and those past review. --strict exits with an
error when any page is past its review date, so a scheduled job or a publishing step can refuse
to go ahead until the review is done. (`manage.py golive_check` is the stricter gate before the
whole site is launched: see content/README.md.)
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.content.checks import readability
from portal.content.loading.loader import load_library
from portal.content.loading.models import Topic
from portal.content.checks.review_status import pages_awaiting_signoff, pages_past_review


@dataclass(frozen=True)
class Row:
    topic: Topic
    days_overdue: int  # negative: days until the review is due
    reading_age: float | None

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def report_rows(library, today: datetime.date) -> list[Row]:
    medicines = readability.medicine_names(library)
    rows = [
        Row(
            topic,
            (today - topic.next_review).days,
            readability.measure(topic.html, medicines).reading_age,
        )
        for topic in library.topics.values()
    ]
    # Most urgent first: the longest overdue, then the soonest due; harder reading breaks ties.
    rows.sort(key=lambda row: (-row.days_overdue, -(row.reading_age or 0), row.topic.key))
    return rows


COLUMNS = (
    "Page",
    "Updated",
    "Next review",
    "Days overdue",
    "Clinical sign-off",
    "Reading age",
    "Words",
    "Sources",
)


def signoff_cell(page) -> str:
    signoff = page.clinical_signoff
    if signoff is None:
        return "awaiting"
    if not page.review.signed_off:
        return f"awaiting (last {signoff.date.isoformat()}, text changed since)"
    return f"{signoff.role}, {signoff.date.isoformat()}"


def _cells(row: Row) -> tuple[str, ...]:
    age = "-" if row.reading_age is None else f"{row.reading_age:.1f}"
    if row.reading_age is not None and row.reading_age > readability.TARGET_READING_AGE:
        age += " (above target)"
    return (
        row.topic.key,
        row.topic.updated.isoformat(),
        row.topic.next_review.isoformat(),
        str(row.days_overdue) if row.overdue else "-",
        signoff_cell(row.topic),
        age,
        str(row.topic.word_count),
        str(len(row.topic.sources)),
    )


class Command(BaseCommand):
    # Runs on broken content too: the editor needs it most then (`check` reports the errors).
    requires_system_checks = []
    help = (
        "Review dates, clinical sign-off, reading age, word count and sources of every page, "
        "most urgent first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with an error if any page is past its next_review date.",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Pretend today is this date (YYYY-MM-DD), to see what falls due.",
        )

    def handle(self, *args, strict=False, today=None, **options):
        today = today or datetime.date.today()
        library = load_library(settings.PORTAL_CONTENT_DIR)
        rows = report_rows(library, today)
        table = [COLUMNS, *(_cells(row) for row in rows)]
        widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
        for number, line in enumerate(table):
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(line, widths, strict=True)
                ).rstrip()
            )
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        overdue = [row for row in rows if row.overdue]
        above = [row for row in rows if (row.reading_age or 0) > readability.TARGET_READING_AGE]
        self.stdout.write("")
        self.stdout.write(
            f"{len(rows)} pages on {today.isoformat()}: {len(overdue)} overdue for review, "
            f"{len(above)} above the target reading age of {readability.TARGET_READING_AGE:g}."
        )
        waiting = pages_awaiting_signoff(library)
        self.stdout.write(
            f"{len(waiting)} page(s) awaiting clinical sign-off"
            + (": " + ", ".join(waiting) if waiting else ".")
        )
        past = pages_past_review(library, today)
        if past:
            self.stdout.write(f"{len(past)} page(s) past review: " + ", ".join(past))
        unreadable = {p.path for p in library.problems if p.is_error}
        if unreadable:
            self.stdout.write(
                f"{len(unreadable)} file(s) have errors and some may be missing from this "
                "report: run `manage.py check` to see them."
            )
        if strict and overdue:
            raise CommandError(
                f"{len(overdue)} page(s) are past their review date: "
                + ", ".join(row.topic.key for row in overdue)
            )
