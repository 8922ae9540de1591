"""`manage.py golive_check`: the gate a content team runs before launching the whole site.

It fails while any page (section pages included) has no clinical sign-off covering its current
text, is past its review date, or has a content error. `make test` never runs it: pages are
written and tested long before a clinician has checked them, and a single publish through the
editors' desk needs only that page's own sign-off.
"""

import datetime

from django.conf import settings
from django.core.checks import run_checks
from django.core.management.base import BaseCommand, CommandError

from portal.content.loading.loader import load_library
from portal.content.checks.review_status import pages_awaiting_signoff, pages_past_review


class Command(BaseCommand):
    requires_system_checks = []
    help = "Fail unless every page is signed off by a clinician, in date, and free of errors."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Pretend today is this date (YYYY-MM-DD), to see what would fail on launch day.",
        )

    def handle(self, *args, today=None, **options):
        today = today or datetime.date.today()
        library = load_library(settings.PORTAL_CONTENT_DIR)
        failures = []
        # The content checks as Django runs them: the HTTP side hands them the site's addresses.
        errors = sorted(
            {str(message.obj) for message in run_checks(tags=["content"]) if message.is_serious()}
        )
        if errors:
            failures.append(f"{len(errors)} file(s) with errors: " + ", ".join(errors))
        waiting = pages_awaiting_signoff(library)
        if waiting:
            failures.append(
                f"{len(waiting)} page(s) not signed off by a clinician: " + ", ".join(waiting)
            )
        past = pages_past_review(library, today)
        if past:
            failures.append(f"{len(past)} page(s) past their review date: " + ", ".join(past))
        if failures:
            raise CommandError("Not ready to go live.\n" + "\n".join(failures))
        pages = len(library.topics) + len(library.sections)
        self.stdout.write(f"Ready to go live: all {pages} pages are signed off and in date.")
