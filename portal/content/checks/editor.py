"""Checks on pages that load but would still let a reader down: the editors' publishing gate.

The loader (loader.py) already leaves out files it cannot read (content.E000-E015). These checks
look at the pages that did load, file by file, and at the content folder as a whole: headings,
links, images, HTML the sanitiser would drop, phone numbers, summaries, titles, dates, sources
and reading age. Each finding is a Problem with the file, the line and how to fix it.

This module runs them all and holds the checks on headings, care cards, removed HTML, front
matter and titles; link_checks.py, phone_checks.py and stray_files.py hold the others, and
page_source.py reads a page again for them.

A page with one of these errors is still served (one slip never takes a page away from
readers), but `manage.py check` fails, so it is caught before publishing.
"""

import datetime
import re
from collections.abc import Callable
from pathlib import Path

from portal.content.checks import readability
from portal.content.checks.links import SitePath, image_problems, link_problems
from portal.content.loading.models import Library, Topic
from portal.content.checks.page_source import (
    Document,
    LineFinder,
    PageHtml,
    documents,
    key_line,
    line_of,
    parse_html,
)
from portal.content.checks.phones import contact_numbers, phone_problems
from portal.content.loading.problems import Problem
from portal.content.rendering.markdown import CARE_CARD_KINDS
from portal.content.rendering.sanitise import sanitise
from portal.content.checks.stray_files import stray_files
from portal.content.checks.promises import promise_problems

# Search results and link previews cut a summary off after about this many characters.
MAX_SUMMARY_CHARS = 160
# Health information standards (PIF TICK, the NHS standard) ask for review at least this often.
MAX_REVIEW_DAYS = 3 * 365 + 1
# What `manage.py new_topic` writes where the editor still has to write the page.
PLACEHOLDER = "Replace this:"


def check_library(
    library: Library, site: SitePath, today: datetime.date | None = None
) -> list[Problem]:
    """Every editor problem in the loaded content. Never raises: a crash becomes a Problem.
    `site` says which web addresses the site answers (for the link checks)."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    medicines = readability.medicine_names(library)
    _guarded(problems, library.content_dir, lambda: stray_files(library))
    for document in documents(library):
        _guarded(
            problems, document.path, lambda d=document: check_document(d, library, today, medicines, site),
        )
    _guarded(problems, library.content_dir, lambda: duplicate_titles(library))
    _guarded(problems, library.content_dir / "contacts.yml", lambda: contact_numbers(library))
    _guarded(problems, library.content_dir, lambda: promise_problems(library))
    return problems


def check_page(
    library: Library, path: Path, site: SitePath, today: datetime.date | None = None
) -> list[Problem]:
    """The editor problems of one loaded page or section file (for the development preview)."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    medicines = readability.medicine_names(library)
    for document in documents(library, only=path):
        _guarded(
            problems,
            path,
            lambda d=document: check_document(d, library, today, medicines, site),
        )
    titles = [problem for problem in duplicate_titles(library) if problem.path == path]
    return problems + titles


def _guarded(problems: list[Problem], path: Path, check: Callable[[], list[Problem]]) -> None:
    try:
        problems.extend(check())
    except Exception as error:  # noqa: BLE001 (a check must report, never crash `manage.py check`)
        problems.append(
            Problem(
                "content.E013",
                path,
                f"This file could not be checked ({type(error).__name__}: {str(error)[:200]}).",
                "Compare it with a working page and look for unusual formatting. If you cannot "
                "see the problem, ask a developer and quote this message.",
            )
        )


def check_document(
    document: Document,
    library: Library,
    today: datetime.date,
    medicines: frozenset[str],
    site: SitePath,
) -> list[Problem]:
    raw = parse_html(document.rendered.raw_html)
    clean = parse_html(sanitise(document.rendered.raw_html))
    lines = LineFinder(document)
    problems: list[Problem] = []

    def problem(id: str, message: str, hint: str, line: int | None) -> None:
        problems.append(Problem(id, document.path, message, hint, line))

    if document.topic is not None and not document.rendered.text.strip():
        problem(
            "content.E026",
            "The page has no text below the front matter.",
            "Write the page under the second '---' line, or delete the file.",
            document.body_line,
        )

    previous = 1  # the page title is the only level-1 heading
    for level, text in raw.headings:
        line = lines.find(text, heading=True)
        if level == 1:
            problem(
                "content.E018",
                f"'{text}' is a main heading (# or <h1>). The page title is already the main "
                "heading, so the reader would see two.",
                "Start the line with '## ' instead of '# ' (and '### ' for the parts under it).",
                line,
            )
        elif level > previous + 1:
            problem(
                "content.E017",
                f"The heading '{text}' skips a level: it is level {level} after level "
                f"{previous}, so screen readers announce a missing part.",
                f"Start it with {'#' * (previous + 1)} (one more # than the heading above it), "
                f"not {'#' * level}.",
                line,
            )
        previous = level

    problems.extend(_care_card_problems(document, LineFinder(document)))
    problems.extend(link_problems(document, raw, library, LineFinder(document), site))
    problems.extend(image_problems(document, raw, LineFinder(document)))
    problems.extend(_removed_html(document, raw, clean, LineFinder(document)))
    problems.extend(phone_problems(document, clean, LineFinder(document)))
    problems.extend(_front_matter_problems(document, today, medicines))
    left = [n for n, line in enumerate(document.text.split("\n"), 1) if PLACEHOLDER in line]
    if left:
        problem(
            "content.W006",
            f"The page still has {len(left)} line(s) starting '{PLACEHOLDER}' from new_topic "
            f"(lines {', '.join(map(str, left))}).",
            "Write the page in place of each of those lines, then check again.",
            left[0],
        )
    return problems


CARE_CARD_START = re.compile(r"^\s*!!!\s*([^\s\"]*)")
EMPTY_CARD = re.compile(
    r'<div class="care-card[^"]*">\s*<p class="care-card__title">((?:(?!</p>).)*)</p>\s*</div>',
    re.S,
)
# Markdown link syntax that did not become a link, left on the page as brackets.


def _care_card_problems(document: Document, lines: LineFinder):
    for number, line in enumerate(document.body.split("\n"), start=document.body_line):
        match = CARE_CARD_START.match(line)
        if match and match.group(1) not in CARE_CARD_KINDS:
            yield Problem(
                "content.E031",
                document.path,
                f"'{match.group(1) or '(nothing)'}' is not a kind of care card, so this box "
                "would be shown as plain information.",
                "Write '!!! emergency', '!!! urgent' or '!!! info', then the title in double "
                "quotes.",
                number,
            )
    for match in EMPTY_CARD.finditer(document.rendered.raw_html):
        title = " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())
        yield Problem(
            "content.E032",
            document.path,
            f"The care card '{title}' is empty: the lines under it are not indented, so they "
            "show outside the box.",
            "Start every line that belongs in the box with four spaces.",
            lines.find("!!!"),
        )


def _removed_html(document: Document, raw: PageHtml, clean: PageHtml, lines: LineFinder):
    """What the sanitiser drops: compare the HTML before and after sanitising."""
    for tag, count in sorted((raw.tags - clean.tags).items()):
        if tag == "h1":
            continue  # reported as E018 with a better fix
        yield Problem(
            "content.E022",
            document.path,
            f"The <{tag}> HTML is not allowed and is removed from the page"
            + (f" ({count} times)." if count > 1 else "."),
            "Write it in plain markdown instead (see content/README.md), or delete it. Scripts, "
            "styles, forms and embedded frames are never shown, to keep readers safe.",
            lines.find(f"<{tag}"),
        )
    for (tag, name, value), _count in sorted((raw.attributes - clean.attributes).items()):
        if tag not in clean.tags:
            continue  # the whole element went, already reported
        if name == "style" and "text-align" in value and tag in {"th", "td"}:
            hint = "Table columns cannot be aligned: use '---' instead of ':---' or '---:'."
            what = "The table's column alignment is removed."
        elif name == "href":
            what = f"The link address '{value}' is removed."
            hint = (
                "Only web addresses (https://...), email (mailto:), phone (tel:) and pages on "
                "this site (/section/page/) can be links."
            )
        elif name == "class":
            what = f'The style name class="{value}" on <{tag}> is removed.'
            hint = 'Use a care card instead (!!! info "Title"), or delete the class.'
        else:
            what = f'The {name}="{value[:60]}" setting on <{tag}> is removed.'
            hint = "Delete it: the site's own style is used everywhere, and scripts never run."
        yield Problem("content.E022", document.path, what, hint, lines.find(value, f"{name}="))


def _front_matter_problems(document: Document, today: datetime.date, medicines: frozenset[str]):
    meta, topic = document.meta, document.topic
    summary = meta.get("summary", "")
    if len(summary) > MAX_SUMMARY_CHARS:
        yield Problem(
            "content.E023",
            document.path,
            f"The summary is {len(summary)} characters long; search results cut it off after "
            f"{MAX_SUMMARY_CHARS}.",
            "Say what the page is about in one short sentence. Put the detail in the page.",
            key_line(document, "summary"),
        )
    elif re.search(r"[.!?]\s+[A-Z]", summary):
        yield Problem(
            "content.E023",
            document.path,
            "The summary is more than one sentence.",
            "Keep the first sentence as the summary and move the rest into the page.",
            key_line(document, "summary"),
        )
    if re.search(r"\*\*|__|\[[^\]]*\]\(|<[a-zA-Z/]|`", summary):
        yield Problem(
            "content.E023",
            document.path,
            "The summary has markdown or HTML in it, which would show as symbols (* [ ] < >).",
            "Write the summary as plain words, with no bold, links or HTML.",
            key_line(document, "summary"),
        )
    yield from _review_problems(document, today)
    if topic is None:
        return
    if topic.key in topic.related:
        yield Problem(
            "content.E011",
            document.path,
            f"'related' names this page itself ('{topic.key}').",
            "Remove that line: related pages are other pages to read next.",
            line_of(document.path, f"- {topic.key}"),
        )
    age = readability.measure(topic.html, medicines).reading_age
    if age is not None and age > readability.TARGET_READING_AGE:
        yield Problem(
            "content.W004",
            document.path,
            f"The reading age is {age:g}; the target is "
            f"{readability.TARGET_READING_AGE:g} or below.",
            "Use shorter sentences (15 words or fewer) and everyday words; give the medical "
            "word once, in brackets, after the plain one.",
            document.body_line,
        )


def _review_problems(document: Document, today: datetime.date):
    """Dates and sources, for topics and section pages alike (their front matter is the same)."""
    meta = document.meta
    updated, next_review = meta.get("updated"), meta.get("next_review")
    if updated is None or next_review is None:
        return  # a file the loader already refused
    if updated > today:
        yield Problem(
            "content.E028",
            document.path,
            f"'updated' is {updated:%-d %B %Y}, which is in the future.",
            f"Set it to the date the text last changed, like 'updated: {today.isoformat()}'.",
            key_line(document, "updated"),
        )
    if (next_review - updated).days > MAX_REVIEW_DAYS:
        yield Problem(
            "content.E033",
            document.path,
            f"'next_review' is more than {MAX_REVIEW_DAYS // 365} years after 'updated'. "
            "Health information must be checked at least that often.",
            "Set next_review to a year after updated (at most three years).",
            key_line(document, "next_review"),
        )
    signoff = meta.get("clinical_signoff")
    if signoff is not None and signoff.date > today:
        yield Problem(
            "content.E035",
            document.path,
            f"The clinical sign-off is dated {signoff.date:%-d %B %Y}, which is in the future.",
            "A sign-off records a review that has happened: give the day it was done.",
            key_line(document, "clinical_signoff"),
        )
    if next_review < today:
        days = (today - next_review).days
        yield Problem(
            "content.W003",
            document.path,
            f"The page was due for review on {next_review:%-d %B %Y} ({days} days ago).",
            "Check every fact against its sources and correct the text (then set 'updated'). "
            "Ask a clinical reviewer to check it, and set 'next_review' to when it must be "
            "checked again (at most three years on).",
            key_line(document, "next_review"),
        )


def duplicate_titles(library: Library) -> list[Problem]:
    by_title: dict[str, list[Topic]] = {}
    for topic in library.topics.values():
        by_title.setdefault(" ".join(topic.title.casefold().split()), []).append(topic)
    problems = []
    for topics in by_title.values():
        if len(topics) < 2:
            continue
        for topic in topics:
            others = ", ".join(
                str(other.path.relative_to(library.content_dir))
                for other in topics
                if other is not topic
            )
            problems.append(
                Problem(
                    "content.E016",
                    topic.path,
                    f"The title '{topic.title}' is also the title of {others}.",
                    "Give each page its own title, so readers can tell them apart in search "
                    "results and lists.",
                    _title_line(topic.path),
                )
            )
    return problems


def _title_line(path: Path) -> int | None:
    return line_of(path, "title:")
