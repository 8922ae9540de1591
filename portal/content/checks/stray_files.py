"""Files in content/ that the portal would silently never show: outside a section, or not pages."""

from pathlib import Path

from portal.content.loading.loader import DATA_FILES
from portal.content.loading.models import Library
from portal.content.loading.problems import Problem

# Files an editor may keep at the top of content/ besides the data files.
TOP_LEVEL_ALLOWED = {"README.md"}


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
        if _ignored(path) or path.is_dir():
            continue
        if not path.is_file():  # a pipe, socket or device: looked at, never opened
            problems.append(
                Problem(
                    "content.E034",
                    path,
                    f"'{path.name}' is not an ordinary file, so the portal does not read it.",
                    "Remove it from the content folder: a release must hold only ordinary files.",
                )
            )
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
