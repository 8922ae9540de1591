"""Line-by-line differences between two texts, for templates to show (they escape the text)."""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added", "removed", "context" or "hunk"
    text: str

    @property
    def sign(self) -> str:
        return {"added": "+", "removed": "−", "context": " ", "hunk": ""}[self.kind]


def diff_lines(before: str, after: str, before_name: str, after_name: str) -> list[DiffLine]:
    lines = []
    diff = difflib.unified_diff(
        before.splitlines(), after.splitlines(), before_name, after_name, n=3, lineterm=""
    )
    for line in diff:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            lines.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            lines.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            lines.append(DiffLine("removed", line[1:]))
        else:
            lines.append(DiffLine("context", line[1:]))
    return lines


def patch_lines(patch: str) -> list[DiffLine]:
    """A git patch's lines with their kinds (the file header lines left out)."""
    found = []
    started = False
    for line in patch.splitlines():
        if line.startswith("@@"):
            started = True
            found.append(DiffLine("hunk", line))
        elif not started:
            continue
        elif line.startswith("+"):
            found.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            found.append(DiffLine("removed", line[1:]))
        else:
            found.append(DiffLine("context", line[1:]))
    return found
