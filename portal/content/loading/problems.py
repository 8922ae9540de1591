"""What can be wrong with a content file, said so that an editor can fix it."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in one file. `id` is stable (content.E001...) so editors can look it up."""

    id: str
    path: Path
    message: str
    hint: str = ""
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return ".E" in self.id

    def location(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.relative_to(root)
            except ValueError:
                pass
        return f"{shown}:{self.line}" if self.line else str(shown)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        return f"{text} How to fix: {self.hint}" if self.hint else text


class ContentError(Exception):
    """Raised while reading one file; the loader turns it into a Problem and skips the file
    (in a data file, read_records skips only the entry)."""

    def __init__(self, id: str, message: str, hint: str = "", line: int | None = None):
        super().__init__(message)
        self.id = id
        self.message = message
        self.hint = hint
        self.line = line

    def at(self, path: Path, line: int | None = None) -> Problem:
        """The problem in `path`, at this error's own line, or else at `line`."""
        return Problem(self.id, path, self.message, self.hint, self.line or line)
