"""`manage.py feedback_purge`: delete feedback older than 12 months (run daily by cron or a
systemd timer, see README "Feedback from readers"), so nothing readers wrote is kept for ever.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from portal.feedback.models import Feedback, PostsInMinute

KEEP_MONTHS = 12


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier (the month's last day when it has fewer)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


class Command(BaseCommand):
    help = f"Delete feedback older than {KEEP_MONTHS} months. Run it daily."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=KEEP_MONTHS, help="keep this many months (default 12)"
        )
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, **options):
        if options["months"] < 1:
            raise CommandError("--months must be 1 or more.")
        cutoff = months_before(timezone.localdate(), options["months"])
        old = Feedback.objects.filter(day__lt=cutoff)
        try:
            if options["dry_run"]:
                self.stdout.write(f"Would delete {old.count()} entries from before {cutoff}.")
                return
            deleted, _ = old.delete()
            minute = timezone.now().replace(second=0, microsecond=0)
            PostsInMinute.objects.filter(minute__lt=minute).delete()
        except DatabaseError as error:
            raise CommandError(
                f"Could not reach the feedback database ({error}). Check DATABASE_URL."
            ) from error
        self.stdout.write(f"Deleted {deleted} entries from before {cutoff}.")
