"""Content files in git: write one atomically and commit it, or leave everything as it was.

Every command runs as `git -C <content folder>` with a list of arguments (never a shell), on
paths that pages.PageRef has already confined to the content folder.
"""

import fcntl
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMMITTER = ("-c", "user.name=Editors' desk", "-c", "user.email=desk@desk.invalid")


class GitError(RuntimeError):
    pass


def git(content_dir: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(  # noqa: S603 (argument list, no shell; paths already confined)
        ["git", "-C", str(content_dir), *args],  # noqa: S607 (git from PATH, as an editor's)
        capture_output=True,
        text=True,
        timeout=60,
    )
    if check and done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def is_repository(content_dir: Path) -> bool:
    try:
        git(content_dir, "rev-parse", "--show-toplevel")
    except (GitError, OSError):
        return False
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of either, even after a crash."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".desk-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


@contextmanager
def publish_lock(content_dir: Path) -> Iterator[None]:
    """One publish at a time per content folder, across every desk worker on this machine."""
    name = hashlib.sha256(str(content_dir).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"portal-desk-publish-{name}.lock"
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def uncommitted(content_dir: Path, relative: Path) -> bool:
    """True if the file differs from git (edited by hand and not committed)."""
    return bool(
        git(
            content_dir, "status", "--porcelain", "--untracked-files=all", "--", str(relative)
        ).strip()
    )


def write_and_commit(
    content_dir: Path, relative: Path, text: str, message: str, author: str
) -> str:
    """Write the file and commit it alone; on any failure put file and index back. Returns the
    new commit's hash."""
    path = content_dir / relative
    old = path.read_bytes() if path.exists() else None
    try:
        atomic_write(path, text.encode("utf-8"))
        git(content_dir, "add", "--", str(relative))
        git(
            content_dir,
            *COMMITTER,
            "commit",
            "--quiet",
            "--author",
            author,
            "-m",
            message,
            "--",
            str(relative),
        )
    except BaseException:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write(path, old)
        git(content_dir, "reset", "--quiet", "--", str(relative), check=False)
        raise
    return git(content_dir, "rev-parse", "HEAD").strip()
