"""Reading feedback for the content team: `manage.py feedback_report` and the desk's inbox.

Plain data out (dataclasses of str, int, date), no HTML: whoever shows a comment escapes it for
where it goes (Django templates escape by themselves; the report uses `terminal_safe`). A comment
may hold right-to-left or other direction marks: in HTML show it inside <bdi> or dir="auto" so it
cannot reorder the text around it.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from portal.feedback.models import Feedback


@dataclass(frozen=True)
class PageSummary:
    page: str
    useful_yes: int
    useful_no: int
    comments: int
    latest: datetime.date


@dataclass(frozen=True)
class Comment:
    page: str
    useful: bool | None
    comment: str
    day: datetime.date


def summary_by_page() -> list[PageSummary]:
    """One line per page that has feedback: Yes and No counts, comments, the latest day; the
    page with the most recent feedback first."""
    rows = (
        Feedback.objects.values("page")
        .annotate(
            useful_yes=Count("id", filter=Q(useful=True)),
            useful_no=Count("id", filter=Q(useful=False)),
            comments=Count("id", filter=~Q(comment="")),
            latest=Max("day"),
        )
        .order_by("-latest", "page")
    )
    return [PageSummary(**row) for row in rows]


def recent_comments(page: str | None = None, limit: int | None = None) -> list[Comment]:
    """Comments, newest first (by day, then by the order they came in), for one page or all."""
    entries = Feedback.objects.exclude(comment="").order_by("-day", "-id")
    if page is not None:
        entries = entries.filter(page=page)
    if limit is not None:
        entries = entries[:limit]
    return [
        Comment(page=e.page, useful=e.useful, comment=e.comment, day=e.day)
        for e in entries.only("page", "useful", "comment", "day")
    ]
