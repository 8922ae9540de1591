"""Reads a content folder into a Library: every file once, each problem recorded, none fatal.

A broken file is left out and logged; the rest of the site is still built from the others,
so one editor's slip never takes the portal down.
"""

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from portal.content.loading import frontmatter
from portal.content.rendering.bodies import Body, BodyRenderer
from portal.content.loading.crossref import check_glossary_links, find_mentions
from portal.content.loading.frontmatter import Field
from portal.content.loading.models import (
    Contact,
    GlossaryEntry,
    Library,
    Medicine,
    Section,
    Synonym,
    Topic,
)
from portal.content.loading.problems import ContentError, Problem
from portal.content.loading.topic_files import TopicParts, TopicReader

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION_INDEX = "_index.md"
# Top-level URL paths that belong to the portal itself, so no section folder may take them.
RESERVED_SECTIONS = frozenset(
    {
        "api",
        "static",
        "search",
        "print",
        "contacts",
        "glossary",
        "medicines",
        "media",
        "admin",
        "about-our-information",
        "feedback",
        "desk",
        "recent-changes",
        "offline",
    }
)


# What a file that is not a plain file is, in an editor's words.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISDIR, "a folder"),
)


def _not_a_file(path: Path, mode: int) -> ContentError:
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "not an ordinary file")
    return ContentError(
        "content.E034",
        f"'{path.name}' is {kind}, not an ordinary file, so it was not read.",
        "Remove it from the content folder (a release must hold only ordinary files), or put "
        "an ordinary text file with the same name in its place.",
    )


def read_text(path: Path) -> str:
    """The file's text. Only an ordinary file is ever opened: opening a pipe (FIFO) waits for
    a writer that may never come, and would hold up the whole load, so it is looked at first
    and opened without waiting, then looked at again in case it was swapped in between."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise _not_a_file(path, mode)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as file:
            mode = os.fstat(descriptor).st_mode
            if not stat.S_ISREG(mode):
                raise _not_a_file(path, mode)
            raw = file.read()
    except OSError as exc:
        raise ContentError(
            "content.E001",
            f"The file cannot be read ({exc.strerror}).",
            "Check that the file exists and can be read.",
        ) from None
    return frontmatter.decode(raw)


def read_document(path: Path, fields: dict[str, Field]) -> tuple[dict[str, Any], str, int]:
    """Front matter (validated) and markdown body of one file."""
    return frontmatter.parse_document(read_text(path), fields)


def load_topic(path: Path, section: str, read: Callable[[str], TopicParts]) -> Topic:
    slug = path.stem
    if not SLUG.match(slug):
        raise ContentError(
            "content.E009",
            f"The file name '{path.name}' cannot be a web address.",
            "Rename it using only lowercase letters, numbers and hyphens, like 'bone-pain.md'.",
        )
    parts = read(read_text(path))
    return Topic(
        section=section,
        slug=slug,
        html=parts.body.html,
        headings=parts.body.headings,
        text=parts.body.text,
        path=path,
        body_line=parts.body_line,
        checklists=parts.body.checklists,
        signs=parts.body.signs,
        medicines=parts.medicines,
        **parts.meta,
    )


def unexpected(path: Path, error: Exception) -> Problem:
    """A file that broke the loader in a way no check foresaw: left out, and named."""
    return Problem(
        "content.E013",
        path,
        f"The file could not be read ({type(error).__name__}: {str(error)[:200]}).",
        "Compare it with a working page and look for unusual characters or formatting. "
        "If you cannot see the problem, ask a developer and quote this message.",
    )


def load_section(
    folder: Path,
    problems: list[Problem],
    read_topic: Callable[[str], TopicParts],
    render_intro: Callable[[str], Body],
) -> Section:
    index = folder / SECTION_INDEX
    meta: dict[str, Any] = {"title": folder.name.replace("-", " ").capitalize(), "summary": ""}
    meta["order"] = 999
    intro_html = ""
    if index.exists():
        try:
            found, body, _ = read_document(index, frontmatter.SECTION_FIELDS)
            meta.update(found)
            intro_html = render_intro(body).html
        except ContentError as error:
            problems.append(error.at(index))
        except Exception as error:  # noqa: BLE001 (one odd file must never stop the site)
            problems.append(unexpected(index, error))
    else:
        problems.append(
            Problem(
                "content.E012",
                index,
                f"The section '{folder.name}' has no {SECTION_INDEX}.",
                "Copy _index.md from another section folder and change its title and summary.",
            )
        )
    topics = []
    for path in sorted(folder.glob("*.md")):
        if path.name == SECTION_INDEX:
            continue
        try:
            topics.append(load_topic(path, folder.name, read_topic))
        except ContentError as error:
            problems.append(error.at(path))
        except Exception as error:  # noqa: BLE001 (one odd file must never stop the site)
            problems.append(unexpected(path, error))
    topics.sort(key=lambda topic: (topic.order, topic.title))
    return Section(
        slug=folder.name,
        intro_html=intro_html,
        topics=tuple(topics),
        path=folder,
        **meta,
    )


CONTACT_FIELDS = {
    "slug": Field(True, "text"),
    "name": Field(True, "text"),
    "helps_with": Field(True, "text"),
    "phone": Field(False, "text"),
    "tel": Field(False, "text"),
    "hours": Field(False, "text"),
    "emergency": Field(False, "bool"),
}

MEDICINE_FIELDS = {
    "name": Field(True, "text"),
    "brands": Field(False, "list"),
    "group": Field(True, "text"),
    "used_for": Field(True, "text"),
    "topic": Field(True, "text"),
    # The "My medicines" sheet (see Medicine in models.py).
    "side_effects": Field(False, "list"),
    "call_team_if": Field(False, "list"),
    "source": Field(False, "source"),
    "updated": Field(False, "date"),
    "clinical_signoff": Field(False, "signoff"),
}

RecordCheck = Callable[[dict[str, Any], dict[str, int], int], None]


def read_records(
    path: Path,
    fields: dict[str, Field],
    problems: list[Problem],
    check: RecordCheck | None = None,
) -> list[dict[str, Any]]:
    """A YAML data file that is a list of records, each checked like front matter.

    `check` sees each clean record with the line of each key and of the record's start, for
    rules that tie several keys together. A record with a mistake is left out and its problem
    added to `problems`: one bad entry costs that entry, not the whole file (a file that cannot
    be read as a list at all raises ContentError)."""
    text = read_text(path)
    try:
        root, data = frontmatter.load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(
            "content.E003",
            f"The file cannot be read: {getattr(exc, 'problem', None) or 'not valid YAML'}.",
            "Check the indentation: each entry starts with '- ' and its keys line up under it.",
            mark.line + 1 if mark is not None else None,
        ) from None
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise ContentError(
            "content.E003", "The file must be a list of entries.", "Start each entry with '- '.", 1
        )
    records = []
    for item, node in zip(data, root.value, strict=True):
        start = node.start_mark.line + 1
        try:
            if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
                raise ContentError(
                    "content.E003", "This entry is not a set of 'key: value' lines.", "", start
                )
            lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
            record = frontmatter.validate(item, lines, fields, start_line=start)
            if check is not None:
                check(record, lines, start)
        except ContentError as error:
            # A mistake without a line of its own points at the entry's first line.
            problems.append(error.at(path, start))
            continue
        records.append(record)
    return records


def _check_contact(record: dict[str, Any], lines: dict[str, int], start: int) -> None:
    tel = record.get("tel", "")
    if tel and not re.fullmatch(r"\+?[0-9]+", tel):
        raise ContentError(
            "content.E006",
            f"The tel number of '{record['slug']}' must be digits only: '{tel}'.",
            "Remove spaces and brackets, like 'tel: 08088006000'.",
            lines.get("tel", start),
        )


def _contacts(path: Path, problems: list[Problem]) -> tuple[Contact, ...]:
    records = read_records(path, CONTACT_FIELDS, problems, _check_contact)
    return tuple(Contact(**record) for record in records)


def _check_medicine(record: dict[str, Any], lines: dict[str, int], start: int) -> None:
    """Side effects only with the page they came from and the day they were written down."""
    name = record["name"]
    advice = [key for key in ("side_effects", "call_team_if") if record.get(key)]
    if not advice:
        for key in ("source", "updated", "clinical_signoff"):
            if key in record:
                raise ContentError(
                    "content.E004",
                    f"'{name}' has a '{key}' but no side effects or 'call_team_if' to go with it.",
                    "Add its side_effects from the NHS page or leaflet, or remove this line.",
                    lines.get(key),
                )
        return
    for key, hint in (
        (
            "source",
            "Name the NHS page or patient leaflet they come from, as\n  source:\n"
            "    title: Side effects of morphine\n    publisher: NHS\n    url: https://...",
        ),
        ("updated", "Add 'updated: ' with today's date (year-month-day), like 2026-11-24."),
    ):
        if key not in record:
            raise ContentError(
                "content.E004",
                f"'{name}' has {advice[0].replace('_', ' ')} but no '{key}'.",
                hint,
                lines.get(advice[0], start),
            )


def _medicines(path: Path, problems: list[Problem]) -> tuple[Medicine, ...]:
    records = read_records(path, MEDICINE_FIELDS, problems, _check_medicine)
    medicines = [Medicine(**{"brands": (), **record}) for record in records]
    # One name must lead to one medicine, or the sheet could not tell which one a reader means.
    owner: dict[str, str] = {}
    for medicine in medicines:
        for name in medicine.names:
            key = name.casefold()
            if key in owner and owner[key] != medicine.name:
                raise ContentError(
                    "content.E006",
                    f"'{name}' is listed under both '{owner[key]}' and '{medicine.name}'.",
                    "Keep each general or brand name under one medicine only.",
                    _line_mentioning(path, name),
                )
            owner[key] = medicine.name
    return tuple(sorted(medicines, key=lambda medicine: medicine.name.lower()))


SYNONYM_FIELDS = {
    "words": Field(True, "list"),
    "means": Field(True, "list"),
}


def _check_synonym(record: dict[str, Any], lines: dict[str, int], start: int) -> None:
    if not record["words"] or not record["means"]:
        raise ContentError(
            "content.E004",
            f"The entry for {list(record['words'])} needs both 'words' and 'means'.",
            "Write at least one item under each, like 'words: [chemo]' and "
            "'means: [chemotherapy]'.",
            start,
        )


def _synonyms(path: Path, problems: list[Problem]) -> tuple[Synonym, ...]:
    return tuple(
        Synonym(**record) for record in read_records(path, SYNONYM_FIELDS, problems, _check_synonym)
    )


GLOSSARY_FIELDS = {
    "term": Field(True, "text"),
    "definition": Field(True, "text"),
    "other_forms": Field(False, "list"),
    "topic": Field(False, "text"),
}


def _glossary(path: Path, problems: list[Problem]) -> tuple[GlossaryEntry, ...]:
    records = read_records(path, GLOSSARY_FIELDS, problems)
    entries = [GlossaryEntry(**record) for record in records]
    # One spelling must lead to one entry, or a word on a page could not say what it means.
    owner: dict[str, str] = {}
    for entry in entries:
        for form in entry.forms:
            key = " ".join(form.split()).casefold()
            if key in owner and owner[key] != entry.term:
                raise ContentError(
                    "content.E006",
                    f"'{form}' is listed under both '{owner[key]}' and '{entry.term}'.",
                    "Keep each word or spelling under one glossary entry only.",
                )
            owner[key] = entry.term
    return tuple(sorted(entries, key=lambda entry: entry.term.casefold()))


# Editors' data files beside the section folders, each read by its own parser, which adds a
# problem for each entry it leaves out (read_records) and raises ContentError for the whole file.
DATA_FILES: dict[str, tuple[str, Callable[[Path, list[Problem]], tuple]]] = {
    "contacts.yml": ("contacts", _contacts),
    "medicines.yml": ("medicines", _medicines),
    "synonyms.yml": ("synonyms", _synonyms),
    "glossary.yml": ("glossary", _glossary),
}


def _line_mentioning(path: Path, text: str) -> int | None:
    """First line of a file that contains text, so a link problem points at its line."""
    try:
        lines = read_text(path).split("\n")
    except ContentError:
        return None
    return next((number for number, line in enumerate(lines, 1) if text in line), None)


def _check_links(
    topics: dict[str, Topic], medicines: tuple[Medicine, ...], medicines_path: Path
) -> list[Problem]:
    problems = []

    def unreadable(key: str) -> bool:
        # The page's file is there but has its own mistake, reported for that file: one
        # mistake, one message, rather than one more for every page that links to it.
        return (
            bool(re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", key))
            and (medicines_path.parent / f"{key}.md").is_file()
        )

    for topic in topics.values():
        for key in topic.related:
            if key not in topics and not unreadable(key):
                problems.append(
                    Problem(
                        "content.E011",
                        topic.path,
                        f"'related' names '{key}', which is not a page.",
                        "Write related pages as section/file-name, like "
                        "'emergencies/hypercalcaemia', or remove the line.",
                        _line_mentioning(topic.path, key),
                    )
                )
    for medicine in medicines:
        if medicine.topic not in topics and not unreadable(medicine.topic):
            problems.append(
                Problem(
                    "content.E011",
                    medicines_path,
                    f"Medicine '{medicine.name}' points to '{medicine.topic}', not a page.",
                    "Set its topic to an existing page, like 'treatments/chemotherapy'.",
                    _line_mentioning(medicines_path, f"topic: {medicine.topic}"),
                )
            )
    return problems


def _data_files(content_dir: Path, problems: list[Problem]) -> dict[str, tuple]:
    data: dict[str, tuple] = {}
    for filename, (attribute, parse) in DATA_FILES.items():
        path = content_dir / filename
        if not path.exists():
            continue
        try:
            data[attribute] = parse(path, problems)
        except ContentError as error:
            problems.append(error.at(path))
        except Exception as error:  # noqa: BLE001 (one odd file must never stop the site)
            problems.append(unexpected(path, error))
    return data


def load_library(content_dir: Path) -> Library:
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    sections: list[Section] = []
    # The data files first: each topic's glossary marks and medicine names are found while
    # its file is read.
    data_problems: list[Problem] = []
    data = _data_files(content_dir, data_problems) if content_dir.is_dir() else {}
    glossary = data.get("glossary", ())
    read_topic = TopicReader(glossary, data.get("medicines", ()))
    # Section introductions are not marked: only topics explain their words.
    render_intro = BodyRenderer()
    if not content_dir.is_dir():
        problems.append(
            Problem(
                "content.E000",
                content_dir,
                "The content folder does not exist.",
                "Set PORTAL_CONTENT_DIR to the folder that holds the section folders.",
            )
        )
    else:
        for folder in sorted(p for p in content_dir.iterdir() if p.is_dir()):
            if folder.name.startswith((".", "_")):
                continue
            if not SLUG.match(folder.name) or folder.name in RESERVED_SECTIONS:
                problems.append(
                    Problem(
                        "content.E010",
                        folder,
                        f"The folder name '{folder.name}' cannot be a section.",
                        "Use lowercase letters, numbers and hyphens, and none of: "
                        + ", ".join(sorted(RESERVED_SECTIONS))
                        + ".",
                    )
                )
                continue
            sections.append(load_section(folder, problems, read_topic, render_intro))
    sections.sort(key=lambda section: (section.order, section.title))
    topics = {topic.key: topic for section in sections for topic in section.topics}

    problems.extend(data_problems)  # after the pages' own, in the order they were always given
    problems.extend(_check_links(topics, data.get("medicines", ()), content_dir / "medicines.yml"))
    # Glossary links and medicine mentions need every topic: they come last.
    problems.extend(check_glossary_links(glossary, topics, content_dir / "glossary.yml"))
    data["medicines"] = find_mentions(data.get("medicines", ()), topics)

    return Library(
        content_dir=content_dir,
        sections=tuple(sections),
        topics=MappingProxyType(topics),
        problems=tuple(problems),
        _sections_by_slug=MappingProxyType({section.slug: section for section in sections}),
        **data,
    )
