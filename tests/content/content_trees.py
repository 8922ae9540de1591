"""The editors' test trees: a clean content tree and small broken files to drop into it.

The fixture files are dated 2026-01-10 (reviewed) and 2026-12-31 (next review). Copies get
those dates moved to just before and about a year after today, so the tests do not start
failing on their own when the real calendar passes a review date.
"""

import datetime
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CLEAN = FIXTURES / "editors"
BROKEN = FIXTURES / "broken"


def _today_based(text: str) -> str:
    today = datetime.date.today()
    return text.replace("2026-01-10", (today - datetime.timedelta(days=10)).isoformat()).replace(
        "2026-12-31", (today + datetime.timedelta(days=355)).isoformat()
    )


def copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = source.read_bytes()
    try:
        target.write_bytes(_today_based(raw.decode("utf-8")).encode("utf-8"))
    except UnicodeDecodeError:
        target.write_bytes(raw)


def copy_clean(target: Path) -> Path:
    shutil.copytree(CLEAN, target, copy_function=lambda s, d: copy_file(Path(s), Path(d)))
    return target


def drop(fixture: str, target: Path) -> None:
    copy_file(BROKEN / fixture, target)
