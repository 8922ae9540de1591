"""`manage.py new_topic <section> <slug> --title "..."`: start a page with correct front matter.

The new file loads without errors and has today's dates (next review a year on). Its text
starts with "Replace this:", which `manage.py check` reports (content.W006) until the editor
has written the page, so a half-written page cannot be published by `make check`.
"""

import datetime
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.content.checks.editor import PLACEHOLDER
from portal.content.loading.loader import SLUG, load_library

TEMPLATE = """---
title: {title}
summary: {summary}
order: {order}
updated: {today}
next_review: {next_review}
also_known_as: []
sources:
  - title: "{placeholder} the title of the page or guideline the facts come from"
    publisher: "{placeholder} who published it, for example NHS, NICE or Macmillan"
    year: {year}
related: []
changes:
  - date: {today}
    note: New page.
---
{placeholder} one or two sentences that say what this page is about, in plain words.

## {placeholder} a heading for the first part

{placeholder} the text for this part. Use short sentences and everyday words.

## Questions to ask your team

- {placeholder} a question people could ask their team.
"""


def a_year_on(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class Command(BaseCommand):
    # Runs on broken content too: the editor needs it most then (`check` reports the errors).
    requires_system_checks = []
    help = "Create a new page in a section, with today's dates and every front matter key."

    def add_arguments(self, parser):
        parser.add_argument("section", help="The section folder, like side-effects.")
        parser.add_argument("slug", help="The file name without .md, like bone-pain.")
        parser.add_argument("--title", required=True, help='The page title, like "Bone pain".')
        parser.add_argument("--summary", default="", help="One short sentence about the page.")

    def handle(self, *args, section, slug, title, summary, **options):
        content_dir = settings.PORTAL_CONTENT_DIR
        library = load_library(content_dir)
        found = library.section(section)
        if found is None:
            known = ", ".join(s.slug for s in library.sections) or "none"
            raise CommandError(f"There is no section '{section}'. The sections are: {known}.")
        if not SLUG.match(slug):
            raise CommandError(
                f"'{slug}' cannot be a web address. Use only lowercase letters, numbers and "
                "single hyphens, like 'bone-pain'."
            )
        path = found.path / f"{slug}.md"
        clash = [p for p in found.path.iterdir() if p.name.lower() == path.name]
        if path.exists() or clash:
            raise CommandError(f"{(clash or [path])[0]} already exists. Choose another name.")
        title = " ".join(title.split())
        if not title:
            raise CommandError('Give the page a title, like --title "Bone pain".')
        today = datetime.date.today()
        text = TEMPLATE.format(
            # JSON strings are valid YAML, so any title (with ':' or quotes) stays one value.
            title=json.dumps(title, ensure_ascii=False),
            summary=json.dumps(
                " ".join(summary.split())
                or f"{PLACEHOLDER} one short sentence that says what this page is about.",
                ensure_ascii=False,
            ),
            order=max((topic.order for topic in found.topics), default=0) + 1,
            today=today.isoformat(),
            next_review=a_year_on(today).isoformat(),
            year=today.year,
            placeholder=PLACEHOLDER,
        )
        path.write_text(text, encoding="utf-8")
        self.stdout.write(
            f"Created {path.relative_to(content_dir)}. Open it, replace every "
            f"'{PLACEHOLDER}' line, then run `make check`. It will be at {section}/{slug}/."
        )
