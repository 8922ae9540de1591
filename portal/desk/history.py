"""A page's history from git: who changed it, when, the change note, and what changed."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from portal.desk.git_files import GitError, git
from portal.desk.pages import PageRef

COMMIT = re.compile(r"^[0-9a-f]{40}$")
_FIELD, _RECORD = "\x1f", "\x1e"


@dataclass(frozen=True)
class Version:
    commit: str
    author: str
    email: str
    when: datetime.datetime
    note: str


def page_history(content_dir: Path, ref: PageRef, limit: int = 200) -> list[Version]:
    try:
        out = git(
            content_dir,
            "log",
            f"--max-count={limit}",
            f"--format=%H{_FIELD}%an{_FIELD}%ae{_FIELD}%aI{_FIELD}%s{_RECORD}",
            "--",
            str(ref.relative),
        )
    except (GitError, OSError):
        return []
    versions = []
    for record in out.split(_RECORD):
        fields = record.strip("\n").split(_FIELD)
        if len(fields) == 5:
            commit, author, email, when, note = fields
            versions.append(
                Version(commit, author, email, datetime.datetime.fromisoformat(when), note)
            )
    return versions


def find_version(content_dir: Path, ref: PageRef, commit: str) -> Version | None:
    """The version by its commit hash, only if it is one of this page's own."""
    if not COMMIT.match(commit):
        return None
    return next((v for v in page_history(content_dir, ref) if v.commit == commit), None)


def version_diff(content_dir: Path, ref: PageRef, commit: str) -> str:
    return git(content_dir, "show", "--format=", "--patch", commit, "--", str(ref.relative))


def version_text(content_dir: Path, ref: PageRef, commit: str) -> str:
    return git(content_dir, "show", f"{commit}:./{ref.relative.as_posix()}")
