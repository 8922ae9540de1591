"""Which pages still need a clinician's sign-off or are past review: for the content report,
the go-live check and the editors' desk, so all three count the same way."""

import datetime


def pages_awaiting_signoff(library) -> list[str]:
    """Every page, section pages included, whose current text no clinician has signed off."""
    waiting = [
        f"{section.slug}/_index"
        for section in library.sections
        if section.updated is not None and not section.review.signed_off
    ]
    waiting += [topic.key for topic in library.topics.values() if not topic.review.signed_off]
    return sorted(waiting)


def pages_past_review(library, today: datetime.date) -> list[str]:
    past = [
        f"{section.slug}/_index"
        for section in library.sections
        if section.next_review is not None and section.review.overdue(today)
    ]
    past += [topic.key for topic in library.topics.values() if topic.review.overdue(today)]
    return sorted(past)
