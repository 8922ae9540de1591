"""Splits a content file into YAML front matter and markdown body, and checks the front matter.

Every failure is a ContentError carrying the line in the file, so editors are pointed at it.
"""

import datetime
import difflib
from dataclasses import dataclass
from typing import Any

import yaml

from portal.content.loading.models import Change, Signoff, Source
from portal.content.loading.problems import ContentError

FENCE = "---"


@dataclass(frozen=True)
class Field:
    required: bool
    # "text", "int", "date", "bool", "list", "sources", "source", "signoff", "changes"
    kind: str


# The front matter DESIGN.md gives. Section _index.md files follow the same rules, less the
# keys that only make sense for a page in a section's list.
TOPIC_FIELDS: dict[str, Field] = {
    "title": Field(True, "text"),
    "summary": Field(True, "text"),
    "order": Field(True, "int"),
    "updated": Field(True, "date"),
    "next_review": Field(True, "date"),
    "sources": Field(True, "sources"),
    "also_known_as": Field(False, "list"),
    "related": Field(False, "list"),
    "clinical_signoff": Field(False, "signoff"),
    "changes": Field(False, "changes"),
}

SECTION_FIELDS: dict[str, Field] = {
    key: field for key, field in TOPIC_FIELDS.items() if key not in ("also_known_as", "related")
}

# Keys that were once allowed, with what to write instead: a plain "unknown key" would leave an
# editor guessing.
RETIRED_KEYS = {
    "reviewed": (
        "'reviewed' is no longer used: it said a page had been checked when nobody had "
        "recorded a check.",
        "Rename it to 'updated' and give the date the text last changed. A clinical "
        "reviewer's check is recorded separately, as 'clinical_signoff', by the content team.",
    ),
}

SOURCE_EXAMPLE = (
    "Write each source as\n  - title: Neutropenic sepsis\n    publisher: NICE\n    year: 2012"
    "\nwith 'ref: CG151' for a guideline number and 'url: https://...' only for an address "
    "you have checked."
)


# A page is a few thousand words; anything this big is a mistake (a pasted PDF, a log file) and
# would slow every start-up and check.
MAX_FILE_BYTES = 1_000_000


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves an impossible date (2026-02-30) as text instead of crashing.

    PyYAML raises a plain ValueError for those; as text, validate() reports it as a bad date
    on its own line.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

# LibYAML's loader (in PyYAML's wheels), with the same forgiving dates, when it is there.
_FastLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def decode(raw: bytes) -> str:
    """Bytes of a file to text, refusing what an editor could not have meant."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            "content.E015",
            f"The file is too big for one page ({len(raw) // 1000} KB).",
            "A page should be a few thousand words at most. Split it into several pages, "
            "or check that you saved the right file.",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(
            "content.E001",
            "The file is saved as UTF-16, not as UTF-8 text, so the portal cannot read it.",
            "In your editor choose 'Save with encoding' and pick UTF-8.",
        )
    if not raw.strip():
        raise ContentError(
            "content.E001",
            "The file is empty.",
            "Add front matter and some text, or delete the file.",
        )
    if b"\x00" in raw:
        raise ContentError(
            "content.E001",
            "The file is not a text file.",
            "Save it as plain text (UTF-8) from your editor, or remove it from content/.",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            "content.E001",
            "The file is not saved as UTF-8 text.",
            "In your editor choose 'Save with encoding' and pick UTF-8.",
            line,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError(
            "content.E001",
            "The file is empty.",
            "Add front matter and some text, or delete the file.",
        )
    return text


def split(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(
            "content.E002",
            "The file does not start with front matter.",
            "Make the very first line '---', then the keys (title, summary, ...), then '---'.",
            1,
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(
        "content.E002",
        "The front matter is not closed.",
        "Add a line with just '---' after the last front matter key.",
        1,
    )


def load_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the data, read safely.

    LibYAML's loader is about ten times faster, which is most of the Library's load time on a
    large site; on an error the Python loader reads the text again, because its error marks
    point at the exact line for the editor. Impossible dates stay text (see _Loader).
    """
    if _FastLoader is not None:
        try:
            return _compose_and_construct(_FastLoader, text)
        except yaml.YAMLError:
            pass
    return _compose_and_construct(_Loader, text)


def _compose_and_construct(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    # One parse gives both the node tree and the data (yaml.compose then yaml.load parsed twice).
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse(front: str) -> tuple[dict[str, Any], dict[str, int]]:
    """YAML text to a dict, with the file line of each top-level key (front matter is line 2+)."""
    try:
        node, data = load_yaml(front)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        hint = (
            "Check this line: each key needs 'key: value'; put text containing ':' or '#' "
            "in double quotes; indent list items with two spaces and '- '."
        )
        if "\t" in problem or (mark is not None and "\t" in front.split("\n")[mark.line]):
            hint = "This line starts with a tab. Front matter must be indented with spaces."
        raise ContentError(
            "content.E003", f"The front matter cannot be read: {problem}.", hint, line
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            "content.E003",
            "The front matter is not a list of 'key: value' lines.",
            "Write each key on its own line, like 'title: Pain'.",
            2,
        )
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 2
            if str(key_node.value) in lines:
                # YAML would quietly keep only the last one, hiding what the editor wrote first.
                raise ContentError(
                    "content.E014",
                    f"The key '{key_node.value}' is in the front matter twice "
                    f"(lines {lines[str(key_node.value)]} and {line}).",
                    "Keep one of the two lines and delete the other.",
                    line,
                )
            lines[str(key_node.value)] = line
    return data, lines


def parse_document(text: str, fields: dict[str, Field]) -> tuple[dict[str, Any], str, int]:
    """Front matter (checked against fields) and markdown body of a file's text, with the line
    where the body starts."""
    front, body, body_line = split(text)
    data, lines = parse(front)
    return validate(data, lines, fields), body, body_line


def validate(
    data: dict[str, Any], lines: dict[str, int], fields: dict[str, Field], start_line: int = 1
) -> dict:
    """Check keys and value types; return a clean dict with dates as datetime.date.

    `start_line` is where the record begins, reported when a key is missing altogether.
    """
    for key in data:
        if key in RETIRED_KEYS and key not in fields:
            problem, hint = RETIRED_KEYS[key]
            raise ContentError("content.E005", problem, hint, lines.get(str(key)))
        if key not in fields:
            close = difflib.get_close_matches(str(key), fields, n=1)
            hint = (
                f"Did you mean '{close[0]}'?"
                if close
                else "Allowed keys are: " + ", ".join(fields) + "."
            )
            raise ContentError(
                "content.E005", f"Unknown front matter key '{key}'.", hint, lines.get(str(key))
            )
    for key, field in fields.items():
        if field.required and data.get(key) in (None, ""):
            raise ContentError(
                "content.E004",
                f"The front matter has no '{key}'.",
                f"Add a line '{key}: ...' between the two '---' lines.",
                start_line,
            )
    clean: dict[str, Any] = {}
    for key, value in data.items():
        clean[key] = _coerce(key, value, fields[key].kind, lines.get(key))
    if "updated" in clean and "next_review" in clean:
        if clean["next_review"] < clean["updated"]:
            raise ContentError(
                "content.E008",
                "'next_review' is before 'updated'.",
                "Set next_review to a date after the text last changed, usually a year later.",
                lines.get("next_review"),
            )
    return clean


def _coerce(key: str, value: Any, kind: str, line: int | None) -> Any:
    if kind == "text":
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ContentError(
                "content.E006", f"'{key}' must be plain text.", "Write it on one line.", line
            )
        return str(value).strip()
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ContentError(
                "content.E006",
                f"'{key}' must be a whole number.",
                f"Write it like '{key}: 3'.",
                line,
            )
        return value
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ContentError(
                "content.E007",
                f"'{key}' is not a real date: '{value}'.",
                f"Write dates as year-month-day, like '{key}: 2026-11-24'.",
                line,
            ) from None
    if kind == "bool":
        if not isinstance(value, bool):
            raise ContentError(
                "content.E006", f"'{key}' must be true or false.", f"Write '{key}: true'.", line
            )
        return value
    if kind == "list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
        ):
            raise ContentError(
                "content.E006",
                f"'{key}' must be a list of short texts.",
                f"Write each item on its own line under '{key}:', starting with '  - '.",
                line,
            )
        return tuple(str(item).strip() for item in value if str(item).strip())
    if kind == "sources":
        return _sources(value, line)
    if kind == "source":
        return _source(key, value, MEDICINE_SOURCE_FIELDS, line, MEDICINE_SOURCE_EXAMPLE)
    if kind == "signoff":
        return _signoff(value, line)
    if kind == "changes":
        return _changes(value, line)
    raise AssertionError(kind)


def _record(
    key: str, value: Any, fields: dict[str, Field], line: int | None, hint: str
) -> dict[str, Any]:
    """One nested mapping (a source, a sign-off, a change), checked like the front matter."""
    if not isinstance(value, dict):
        raise ContentError(
            "content.E006", f"Each item of '{key}' must be a set of keys.", hint, line
        )
    try:
        return validate(value, {}, fields, line or 1)
    except ContentError as error:
        # The nested key's own line is not known here; the front matter key's line is close.
        raise ContentError(
            error.id, f"In '{key}': {error.message}", f"{error.hint} {hint}", line
        ) from None


SOURCE_FIELDS = {
    "title": Field(True, "text"),
    "publisher": Field(True, "text"),
    "year": Field(True, "int"),
    "ref": Field(False, "text"),
    "url": Field(False, "text"),
}


def _sources(value: Any, line: int | None) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        raise ContentError(
            "content.E006", "'sources' must be a list of sources.", SOURCE_EXAMPLE, line
        )
    sources = []
    for item in value:
        if isinstance(item, str):
            raise ContentError(
                "content.E006",
                f"The source '{item[:60]}' is one line of text; a source needs its title, "
                "publisher and year.",
                SOURCE_EXAMPLE,
                line,
            )
        sources.append(_source("sources", item, SOURCE_FIELDS, line, SOURCE_EXAMPLE))
    return tuple(sources)


# A medicine's side effects come from one NHS page or the medicine's patient leaflet. The year
# may be left out: an NHS page does not always show when it was reviewed, and a guess misleads.
MEDICINE_SOURCE_FIELDS = {**SOURCE_FIELDS, "year": Field(False, "int")}
MEDICINE_SOURCE_EXAMPLE = (
    "Write the source as\n  source:\n    title: Side effects of morphine\n    publisher: NHS"
    "\n    url: https://www.nhs.uk/medicines/morphine/side-effects-of-morphine/\n"
    "with 'url' only for an address you have checked."
)


def _source(
    key: str, item: Any, fields: dict[str, Field], line: int | None, example: str
) -> Source:
    found = _record(key, item, fields, line, example)
    year = found.get("year")
    if year is not None and not 1900 <= year <= 2100:
        raise ContentError(
            "content.E006",
            f"The year {year} of the source '{found['title']}' is not a real year.",
            "Write the year the source was published or last updated, like 'year: 2024'.",
            line,
        )
    url = found.get("url", "")
    if url and not url.startswith("https://"):
        raise ContentError(
            "content.E006",
            f"The address of the source '{found['title']}' does not start with https://.",
            "Copy the full address from your browser, or leave 'url' out.",
            line,
        )
    return Source(**found)


SIGNOFF_FIELDS = {"role": Field(True, "text"), "date": Field(True, "date")}
SIGNOFF_HINT = (
    "A sign-off is recorded by the content team after a clinical review, as\n"
    "  clinical_signoff:\n    role: Clinical nurse specialist\n    date: 2026-11-24"
)


def _signoff(value: Any, line: int | None) -> Signoff:
    return Signoff(**_record("clinical_signoff", value, SIGNOFF_FIELDS, line, SIGNOFF_HINT))


CHANGE_FIELDS = {"date": Field(True, "date"), "note": Field(True, "text")}
CHANGES_HINT = "Write each change as\n  - date: 2026-11-24\n    note: Added advice on driving."


def _changes(value: Any, line: int | None) -> tuple[Change, ...]:
    if not isinstance(value, list):
        raise ContentError("content.E006", "'changes' must be a list.", CHANGES_HINT, line)
    changes = [
        Change(**_record("changes", item, CHANGE_FIELDS, line, CHANGES_HINT)) for item in value
    ]
    return tuple(sorted(changes, key=lambda change: change.date, reverse=True))
