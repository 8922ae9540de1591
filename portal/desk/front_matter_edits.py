"""Changes the desk writes into a page's front matter, leaving every other line as it was.

A sign-off sets `updated` and `clinical_signoff`; a publish adds its note to `changes`. The
rest of the file (comments, quoting, order of keys) is the editor's and is not rewritten, so
the git diff shows exactly what the desk changed.
"""

import datetime
import json
import re

from portal.content.loading.frontmatter import FENCE, TOPIC_FIELDS, parse_document

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML string: any role or note (with ':' or quotes) stays one value.
    return json.dumps(text, ensure_ascii=False)


def set_key(text: str, key: str, block: list[str]) -> str:
    """Replace the lines of a top-level front matter key (or add them before the closing fence)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ValueError("The file does not start with front matter ('---').")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if end is None:
        raise ValueError("The front matter has no closing '---' line.")
    start = next(
        (i for i in range(1, end) if (m := _KEY.match(lines[i])) and m.group(1) == key), None
    )
    if start is None:
        return "\n".join(lines[:end] + block + lines[end:])
    stop = start + 1
    while stop < end and (lines[stop][:1] in (" ", "\t", "-", "#") or not lines[stop].strip()):
        stop += 1
    return "\n".join(lines[:start] + block + lines[stop:])


def sign_off(text: str, role: str, day: datetime.date) -> str:
    """The text with today's sign-off by a reviewer of this role; `updated` is today too."""
    text = set_key(text, "updated", [f"updated: {day.isoformat()}"])
    return set_key(
        text,
        "clinical_signoff",
        ["clinical_signoff:", f"  role: {_quoted(role)}", f"  date: {day.isoformat()}"],
    )


def add_change(text: str, note: str, day: datetime.date, fields=TOPIC_FIELDS) -> str:
    """The text with one more "What changed" line for readers, newest first."""
    meta, _, _ = parse_document(text, fields)
    block = ["changes:", f"  - date: {day.isoformat()}", f"    note: {_quoted(note)}"]
    for change in meta.get("changes", ()):
        block += [f"  - date: {change.date.isoformat()}", f"    note: {_quoted(change.note)}"]
    return set_key(text, "changes", block)
