"""`manage.py feedback_report`: what readers said, page by page, for the content team.

For each page with feedback: how many said it was useful and how many not, then the comments,
newest first. Comments are printed with terminal_safe, so no reader's text can act on the
terminal or reorder what is shown.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from portal.feedback import selectors
from portal.feedback.forms import topic_for
from portal.feedback.text import terminal_safe

ANSWERS = {True: "Yes", False: "No", None: "-"}


class Command(BaseCommand):
    help = "Feedback from readers per page: useful yes/no counts and the comments, newest first."

    def add_arguments(self, parser):
        parser.add_argument("--page", help="only this page, by its path, such as /about/pain/")

    def handle(self, *args, **options):
        try:
            pages = selectors.summary_by_page()
            comments = selectors.recent_comments(page=options["page"])
        except DatabaseError as error:
            raise CommandError(
                f"Could not read the feedback database ({error}). Check DATABASE_URL, and run "
                "`python manage.py migrate` if the database is new."
            ) from error
        if options["page"]:
            pages = [summary for summary in pages if summary.page == options["page"]]
        if not pages:
            self.stdout.write("No feedback yet." if not options["page"] else "No feedback for it.")
            return
        by_page: dict[str, list] = {}
        for comment in comments:
            by_page.setdefault(comment.page, []).append(comment)
        for summary in pages:
            topic = topic_for(summary.page)
            title = f"  ({topic.title})" if topic else "  (no longer a page)"
            self.stdout.write(self.style.MIGRATE_HEADING(summary.page + title))
            self.stdout.write(
                f"  Useful: {summary.useful_yes} yes, {summary.useful_no} no. "
                f"Comments: {summary.comments}. Latest: {summary.latest:%Y-%m-%d}."
            )
            for comment in by_page.get(summary.page, []):
                lines = terminal_safe(comment.comment).split("\n")
                self.stdout.write(
                    f"  {comment.day:%Y-%m-%d}  {ANSWERS[comment.useful]:<3}  {lines[0]}"
                )
                for line in lines[1:]:
                    self.stdout.write(" " * 19 + line)
            self.stdout.write("")
