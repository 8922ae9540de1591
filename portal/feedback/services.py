"""Storing feedback, within the flood limits. The only code that writes to the database.

The limits count stored entries, never people: at most PORTAL_FEEDBACK_PER_PAGE_PER_DAY for one
page in one day, and at most PORTAL_FEEDBACK_PER_MINUTE for the whole site in one minute. A flood
fills them and is then refused with a kind message; pages never wait for any of this, since no
page reads the database.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.feedback.models import Feedback, PostsInMinute


class TooMany(Exception):
    """A limit is reached: nothing was stored."""


def record(page: str, useful: bool | None, comment: str) -> Feedback:
    """Store one entry, or raise TooMany. Database errors are left to the caller to report."""
    now = timezone.now()
    minute = now.replace(second=0, microsecond=0)
    day = timezone.localdate(now)
    with transaction.atomic():
        # Only this minute's count is needed; older ones are dropped so that they cannot be
        # matched against the order of entries to put a time on them.
        PostsInMinute.objects.filter(minute__lt=minute).delete()
        counter, _ = PostsInMinute.objects.get_or_create(minute=minute)
        # An UPDATE with F() counts every concurrent post, even across server processes.
        PostsInMinute.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        counter.refresh_from_db(fields=["count"])
        if counter.count > settings.PORTAL_FEEDBACK_PER_MINUTE:
            raise TooMany("site-wide limit per minute")
        if (
            Feedback.objects.filter(page=page, day=day).count()
            >= settings.PORTAL_FEEDBACK_PER_PAGE_PER_DAY
        ):
            raise TooMany("limit per page per day")
        return Feedback.objects.create(page=page, useful=useful, comment=comment, day=day)
