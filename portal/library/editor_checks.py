"""Checks on pages that load but would still let a reader down: the editors' publishing gate.

The loader (loader.py) already leaves out files it cannot read (content.E000-E015). These checks
look at the pages that did load, file by file, and at the content folder as a whole: headings,
links, images, HTML the sanitiser would drop, phone numbers, summaries, titles, dates, sources
and reading age. Each finding is a Problem with the file, the line and how to fix it.

A page with one of these errors is still served (one slip never takes a page away from
readers), but `manage.py check` fails, so it is caught before publishing.
"""

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

from portal.library import frontmatter, readability
from portal.library.loader import DATA_FILES, SECTION_INDEX, read_document
from portal.library.models import Library, Topic
from portal.library.problems import Problem
from portal.library.rendering import CARE_CARD_KINDS, Rendered, render_markdown
from portal.library.sanitise import sanitise

# Search results and link previews cut a summary off after about this many characters.
MAX_SUMMARY_CHARS = 160
# Health information standards (PIF TICK, the NHS standard) ask for review at least this often.
MAX_REVIEW_DAYS = 3 * 365 + 1
# Files an editor may keep at the top of content/ besides the data files.
TOP_LEVEL_ALLOWED = {"README.md"}
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
# What `manage.py new_topic` writes where the editor still has to write the page.
PLACEHOLDER = "Replace this:"

# A UK phone number written out: 0 or +44 then 9-10 more digits, in groups.
LONG_PHONE = re.compile(
    r"(?<![\w/+(])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)\d(?:[\s\-)]{0,2}\d){8,9}(?![\w/])"
)
SHORT_PHONE = re.compile(r"(?<![\w/])(?:999|111|116[\s-]?123)(?![\w/])")


@dataclass(frozen=True)
class Document:
    """One loaded file again, with what the checks need that the Library does not keep."""

    path: Path
    url: str
    text: str  # the whole file, for finding lines
    meta: dict
    body: str
    body_line: int
    rendered: Rendered
    topic: Topic | None  # None for a section's _index.md


def check_library(library: Library, today: datetime.date | None = None) -> list[Problem]:
    """Every editor problem in the loaded content. Never raises: a crash becomes a Problem."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    medicines = readability.medicine_names(library)
    _guarded(problems, library.content_dir, lambda: stray_files(library))
    for document in _documents(library):
        _guarded(
            problems, document.path, lambda d=document: check_document(d, library, today, medicines)
        )
    _guarded(problems, library.content_dir, lambda: duplicate_titles(library))
    _guarded(problems, library.content_dir / "contacts.yml", lambda: contact_numbers(library))
    return problems


def check_page(library: Library, path: Path, today: datetime.date | None = None) -> list[Problem]:
    """The editor problems of one loaded page or section file (for the development preview)."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    medicines = readability.medicine_names(library)
    for document in _documents(library, only=path):
        _guarded(problems, path, lambda d=document: check_document(d, library, today, medicines))
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


def _documents(library: Library, only: Path | None = None) -> Iterator[Document]:
    broken = {problem.path for problem in library.problems if problem.is_error}
    for section in library.sections:
        index = section.path / SECTION_INDEX
        if index.is_file() and index not in broken and only in (None, index):
            found = _read(index, section.url, frontmatter.SECTION_FIELDS, None)
            if found is not None:
                yield found
        for topic in section.topics:
            if only not in (None, topic.path):
                continue
            found = _read(topic.path, topic.url, frontmatter.TOPIC_FIELDS, topic)
            if found is not None:
                yield found


def _read(path, url, fields, topic) -> Document | None:
    try:
        text = frontmatter.decode(path.read_bytes())
        meta, body, body_line = read_document(path, fields)
        return Document(path, url, text, meta, body, body_line, render_markdown(body), topic)
    except Exception:  # noqa: BLE001
        # Changed on disk since the Library was loaded; the next load reports it properly.
        return None


class _Lines:
    """Finds the line of the file that holds a piece of text, in order through the body."""

    def __init__(self, document: Document):
        self.lines = document.body.split("\n")
        self.first = document.body_line
        self.cursor = 0

    def find(self, *needles: str, heading: bool = False) -> int:
        needles = tuple(n for n in needles if n)
        for start in (self.cursor, 0):
            for index in range(start, len(self.lines)):
                line = self.lines[index]
                if heading and not line.lstrip().startswith(("#", "<h", "=", "-")):
                    if not (index + 1 < len(self.lines) and _is_setext(self.lines[index + 1])):
                        continue
                if any(needle in line for needle in needles):
                    self.cursor = index + 1
                    return self.first + index
        return self.first


def _is_setext(line: str) -> bool:
    return bool(re.fullmatch(r"\s*(=+|-+)\s*", line))


def key_line(document: Document, key: str) -> int | None:
    for number, line in enumerate(document.text.split("\n"), start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
        if number > 1 and line.strip() == frontmatter.FENCE:
            break
    return None


class _Html(HTMLParser):
    """The parts of rendered HTML the checks look at, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []  # (level, text)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.images: list[dict[str, str | None]] = []
        self.tags: Counter = Counter()
        self.attributes: Counter = Counter()  # (tag, name, value); class split into names
        self.phone_text: list[str] = []  # text where a phone number should be a tel: link
        self.label_text: list[str] = []  # headings and card titles: short labels
        self._heading: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None
        self._open = Counter()  # how many "skip" (tel links, code) and "label" elements are open
        self._stack: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            if name == "class":
                for part in (value or "").split():
                    self.attributes[(tag, "class", part)] += 1
            elif name != "rel":
                self.attributes[(tag, name, value or "")] += 1
        found = dict(attrs)
        if tag == "img":
            self.images.append(found)
            return
        if tag in {"br", "hr"}:
            return
        kind = None
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = []
            kind = "label"
        elif "care-card__title" in (found.get("class") or ""):
            kind = "label"
        elif tag in {"code", "pre"}:
            kind = "skip"
        if tag == "a":
            self._link = (found.get("href") or "", [])
            if (found.get("href") or "").startswith("tel:"):
                kind = "skip"
        self._open[kind] += 1
        self._stack.append((tag, kind))

    def handle_endtag(self, tag):
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1]).strip()))
            self._link = None
        while self._stack:
            name, kind = self._stack.pop()
            self._open[kind] -= 1
            if name == tag:
                break

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)
        if self._link is not None:
            self._link[1].append(data)
        if self._open["skip"]:
            return
        (self.label_text if self._open["label"] else self.phone_text).append(data)


def _parse(html: str) -> _Html:
    parser = _Html()
    parser.feed(html)
    parser.close()
    return parser


def check_document(
    document: Document, library: Library, today: datetime.date, medicines: frozenset[str]
) -> list[Problem]:
    raw = _parse(document.rendered.raw_html)
    clean = _parse(sanitise(document.rendered.raw_html))
    lines = _Lines(document)
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

    problems.extend(_care_card_problems(document, _Lines(document)))
    problems.extend(_link_problems(document, raw, library, _Lines(document)))
    problems.extend(_image_problems(document, raw, _Lines(document)))
    problems.extend(_removed_html(document, raw, clean, _Lines(document)))
    problems.extend(_phone_problems(document, clean, _Lines(document)))
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
UNMADE_LINK = re.compile(r"\[[^\[\]]+\] ?(?:\[[^\[\]]*\]|\([^()]*\))")


def _care_card_problems(document: Document, lines: _Lines):
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


def _link_problems(document: Document, raw: _Html, library: Library, lines: _Lines):
    own_ids = {heading.id for heading in document.rendered.headings}
    for match in UNMADE_LINK.finditer(document.rendered.text):
        yield Problem(
            "content.E019",
            document.path,
            f"'{match.group(0)}' did not become a link: it shows on the page as brackets.",
            "Write a link as [words](/section/page/), with no space between ] and (, and no "
            "spaces in the address.",
            _Lines(document).find(match.group(0)[:20]),
        )
    for href, text in raw.links:
        line = lines.find(f"({href}", f'"{href}"', href, text)
        parts = urlsplit(href)
        if parts.scheme in EXTERNAL_SCHEMES or parts.scheme == "tel":
            continue  # web addresses are not fetched; tel: and unknown schemes checked elsewhere
        if parts.scheme or href.startswith("//"):
            continue  # javascript:, file:, data: ... the sanitiser removes them: see E022
        if not href:
            yield Problem(
                "content.E019",
                document.path,
                f"The link '{text}' has no address.",
                "Put the address in the brackets, like [Pain](/side-effects/pain/).",
                line,
            )
            continue
        if href.startswith("#"):
            if parts.fragment not in own_ids:
                yield _missing_anchor(document, href, parts.fragment, own_ids, line)
            continue
        # A link to a .md file is written relative to the file's folder, as editors see it.
        base = document.url if not parts.path.endswith(".md") else _folder_url(document)
        target = urlsplit(urljoin(base, href))
        problem = _check_internal(document, href, target.path, target.fragment, library, line)
        if problem is not None:
            yield problem


def _folder_url(document: Document) -> str:
    return "/" + document.path.parent.name + "/"


def _missing_anchor(document, href, fragment, ids, line) -> Problem:
    known = ", ".join(f"#{i}" for i in sorted(ids)) or "none: that page has no headings"
    return Problem(
        "content.E020",
        document.path,
        f"The link '{href}' points to a heading '#{fragment}' that does not exist.",
        f"Use the heading's id: its words in lowercase joined by hyphens. The ids there are: "
        f"{known}.",
        line,
    )


def _check_internal(document, href, path, fragment, library, line) -> Problem | None:
    from django.conf import settings
    from django.urls import Resolver404, resolve

    path = normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    if path.endswith(".md"):
        suggestion = "/" + path.removesuffix(".md").strip("/") + "/"
        return Problem(
            "content.E019",
            document.path,
            f"The link '{href}' points to a file, not to a page on the website.",
            f"Link to the page's web address instead, like '{suggestion}': "
            "/section-folder/file-name/ without '.md'.",
            line,
        )
    static = settings.STATIC_URL
    if path.startswith(static):
        from django.contrib.staticfiles import finders

        if finders.find(path[len(static) :]) is None:
            return Problem(
                "content.E019",
                document.path,
                f"The link '{href}' points to a file that is not in the static folder.",
                "Check the spelling, or add the file to static/ (ask a developer).",
                line,
            )
        return None
    match = None
    for candidate in (path, path + "/"):
        try:
            match = resolve(candidate)
            break
        except Resolver404:
            continue
    target: Topic | None = None
    if match is not None:
        section = match.kwargs.get("section")
        topic = match.kwargs.get("topic")
        if section is not None and topic is not None:
            target = library.topic(section, topic)
            ok = target is not None
        elif section is not None:
            ok = library.section(section) is not None
        else:
            ok = True
    else:
        ok = False
    if not ok:
        kwargs = match.kwargs if match is not None else {}
        name = "/".join(str(kwargs[k]) for k in ("section", "topic") if k in kwargs)
        if "topic" in kwargs and (library.content_dir / f"{name}.md").is_file():
            return None  # the page's own file has a mistake, reported for that file
        return Problem(
            "content.E019",
            document.path,
            f"The link '{href}' points to a page that does not exist.",
            "Link to a page as /section-folder/file-name/, like /side-effects/pain/. Check the "
            "spelling against the file names in content/, or remove the link.",
            line,
        )
    if fragment and target is not None:
        ids = {heading.id for heading in target.headings}
        if fragment not in ids:
            return _missing_anchor(document, href, fragment, ids, line)
    return None


def _image_problems(document: Document, raw: _Html, lines: _Lines):
    for image in raw.images:
        src = image.get("src") or ""
        line = lines.find(f"({src}", src, "<img")
        if not (image.get("alt") or "").strip():
            yield Problem(
                "content.E021",
                document.path,
                f"The image '{src}' has no description (alt text), so people who cannot see it "
                "miss what it shows.",
                "Describe the picture between the square brackets: ![A nurse taking blood](...). "
                "If it is only decoration, leave it out of the page.",
                line,
            )
        if urlsplit(src).scheme or src.startswith("//"):
            yield Problem(
                "content.E030",
                document.path,
                f"The image '{src}' comes from another website. That would tell that website "
                "who is reading this page, and it can change or disappear.",
                "Ask a developer to add the picture to the site's static folder, then link to it "
                "as /static/... .",
                line,
            )
        elif not _static_file_exists(urlsplit(urljoin(document.url, src)).path):
            yield Problem(
                "content.E030",
                document.path,
                f"The image '{src}' is not in the site's static folder, so it would not show.",
                "Check the spelling. Pictures must be in the static folder and linked as "
                "/static/..., like ![A description](/static/images/picture.png).",
                line,
            )


def _static_file_exists(path: str) -> bool:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    static = settings.STATIC_URL
    return path.startswith(static) and finders.find(path[len(static) :]) is not None


def _removed_html(document: Document, raw: _Html, clean: _Html, lines: _Lines):
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


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits


def _phone_problems(document: Document, clean: _Html, lines: _Lines):
    for href, text in clean.links:
        if not href.startswith("tel:"):
            continue
        number = href[4:]
        line = lines.find(href)
        if not re.fullmatch(r"\+?\d{3,15}", number):
            yield Problem(
                "content.E025",
                document.path,
                f"The phone link '{href}' is not a number a phone can dial.",
                "Write only the digits after 'tel:', with no spaces, like "
                "[0808 800 6000](tel:08088006000).",
                line,
            )
        elif len(_digits(text)) >= 3 and _digits(text) != _digits(number):
            yield Problem(
                "content.E025",
                document.path,
                f"The phone link shows '{text}' but dials '{number}'.",
                "Make the digits after 'tel:' the same as the number people see.",
                line,
            )
    # "Call 999" in a heading or card title is a label (the card's text has the link), but a
    # full number there is one people need to dial.
    found = [(match, "text") for match in LONG_PHONE.finditer("".join(clean.phone_text))]
    found += [(match, "text") for match in SHORT_PHONE.finditer("".join(clean.phone_text))]
    found += [(match, "label") for match in LONG_PHONE.finditer("".join(clean.label_text))]
    for match, where in found:
        number = match.group(0)
        digits = re.sub(r"\D", "", number)
        hint = f"Write it as [{number}](tel:{digits})."
        if where == "label":
            hint = (
                f"Also write it as a link in the text under this title: [{number}](tel:{digits})."
            )
        yield Problem(
            "content.E024",
            document.path,
            f"The phone number {number} is not a phone link, so people on a phone cannot "
            "tap it to call.",
            hint,
            lines.find(number),
        )


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
    if topic is None:
        return
    if topic.reviewed > today:
        yield Problem(
            "content.E028",
            document.path,
            f"'reviewed' is {topic.reviewed:%-d %B %Y}, which is in the future.",
            "Set it to the date the page was actually checked, like "
            f"'reviewed: {today.isoformat()}'.",
            key_line(document, "reviewed"),
        )
    if (topic.next_review - topic.reviewed).days > MAX_REVIEW_DAYS:
        yield Problem(
            "content.E033",
            document.path,
            f"'next_review' is more than {MAX_REVIEW_DAYS // 365} years after 'reviewed'. "
            "Health information must be checked at least that often.",
            "Set next_review to a year after reviewed (at most three years).",
            key_line(document, "next_review"),
        )
    if topic.key in topic.related:
        yield Problem(
            "content.E011",
            document.path,
            f"'related' names this page itself ('{topic.key}').",
            "Remove that line: related pages are other pages to read next.",
            _line_of(document.path, f"- {topic.key}"),
        )
    if not topic.sources:
        yield Problem(
            "content.E029",
            document.path,
            "The page lists no sources, so nobody can check where its facts come from.",
            "Add a 'sources:' list to the front matter, one source per line starting with '  - '.",
            key_line(document, "sources") or 1,
        )
    if topic.next_review < today:
        days = (today - topic.next_review).days
        yield Problem(
            "content.W003",
            document.path,
            f"The page was due for review on {topic.next_review:%-d %B %Y} ({days} days ago).",
            "Check every fact against its sources, then set 'reviewed' to today and "
            "'next_review' to a year from today.",
            key_line(document, "next_review"),
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
    return _line_of(path, "title:")


def _ignored(path: Path) -> bool:
    """Editors' tools leave these behind (.DS_Store, backup~ files); they are not content."""
    return path.name.startswith((".", "#", "~")) or path.name.endswith("~")


def stray_files(library: Library) -> list[Problem]:
    """Files the portal would silently never show: outside a section, or not markdown."""
    root = library.content_dir
    if not root.is_dir():
        return []
    problems = []
    for path in sorted(root.iterdir()):
        if _ignored(path) or not path.is_file():
            continue
        if path.name in DATA_FILES or path.name in TOP_LEVEL_ALLOWED:
            continue
        if path.suffix.lower() in {".md", ".markdown"}:
            problems.append(
                Problem(
                    "content.E027",
                    path,
                    "This page is not inside a section folder, so it is never shown.",
                    "Move it into the folder of the section it belongs to, like "
                    "content/side-effects/.",
                )
            )
        else:
            problems.append(
                Problem(
                    "content.W005",
                    path,
                    "The portal does not use this file.",
                    "Delete it, or keep notes somewhere other than content/.",
                )
            )
    sections = {section.path for section in library.sections}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and not _ignored(folder) and not folder.name.startswith("_"):
            if folder not in sections:
                for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                    problems.append(
                        Problem(
                            "content.E027",
                            path,
                            f"This file is in the folder '{folder.name}', which cannot be a "
                            "section, so it is never shown.",
                            "Rename the folder as the message about the folder says, or move "
                            "the file into an existing section folder.",
                        )
                    )
    for section in library.sections:
        for path in sorted(section.path.rglob("*")):
            relative = path.relative_to(section.path)
            if any(_ignored(Path(part)) for part in relative.parts):
                continue
            if path.is_dir():
                if not any(p.is_file() for p in path.rglob("*")):
                    problems.append(_nested(path, section.slug, folder=True))
                continue
            if len(relative.parts) > 1:
                problems.append(_nested(path, section.slug, folder=False))
            elif path.suffix != ".md":
                problems.append(
                    Problem(
                        "content.E027",
                        path,
                        f"'{path.name}' is not a page (pages end in '.md'), so it is never shown.",
                        "If it is a page, rename it to end in '.md' (lowercase). Pictures go in "
                        "the site's static folder, not in content/. Otherwise delete it.",
                    )
                )
    return problems


def _nested(path: Path, section: str, folder: bool) -> Problem:
    what = "This folder is" if folder else "This file is in a folder that is"
    return Problem(
        "content.E027",
        path,
        f"{what} inside the section '{section}'. Folders inside a section are not read, so "
        "nothing in them is shown.",
        f"Move the page up into content/{section}/ itself, or delete the empty folder.",
    )


def contact_numbers(library: Library) -> list[Problem]:
    """A contact's shown number and the number its tel: link dials must be the same."""
    path = library.content_dir / "contacts.yml"
    problems = []
    for contact in library.contacts:
        if not contact.phone:
            continue
        line = _line_of(path, f"slug: {contact.slug}")
        if not contact.tel:
            problems.append(
                Problem(
                    "content.E024",
                    path,
                    f"The contact '{contact.slug}' has a phone number but no 'tel', so people on "
                    "a phone cannot tap it to call.",
                    f"Add 'tel: \"{_digits(contact.phone)}\"' under its phone line.",
                    line,
                )
            )
        elif _digits(contact.phone) != _digits(contact.tel):
            problems.append(
                Problem(
                    "content.E025",
                    path,
                    f"The contact '{contact.slug}' shows {contact.phone} but dials {contact.tel}.",
                    "Make 'tel' the same digits as 'phone', with no spaces.",
                    line,
                )
            )
    return problems


def _line_of(path: Path, text: str) -> int | None:
    try:
        lines = frontmatter.decode(path.read_bytes()).split("\n")
    except Exception:  # noqa: BLE001
        return None
    return next((n for n, line in enumerate(lines, 1) if text in line), None)
