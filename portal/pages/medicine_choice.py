"""Which medicines a reader named in the address (?m=...), for the "My medicines" sheet.

Names are matched by general or brand name, case and spacing aside, so a brand and its general
name are one medicine. Only the address carries the choice; nothing here stores or logs it.
"""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from portal.content.loading.models import Medicine, covers

# Query strings are read no further than this, so a long crafted one costs nothing.
MAX_NAMES_READ = 50
# Unknown names are echoed back this short, so the note stays readable.
MAX_NAME_SHOWN = 60


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Choice:
    medicines: tuple[Medicine, ...]  # in the order the site lists them, each once
    unknown: tuple[str, ...]  # names not found, as typed (shortened), each once


def choose(medicines: tuple[Medicine, ...], names: list[str]) -> Choice:
    by_name = {_key(name): medicine for medicine in medicines for name in medicine.names}
    wanted: set[str] = set()
    unknown: list[str] = []
    for raw in names[:MAX_NAMES_READ]:
        name = raw.strip()
        if not name:
            continue
        found = by_name.get(_key(name))
        if found is not None:
            wanted.add(found.name)
        else:
            shown = name if len(name) <= MAX_NAME_SHOWN else name[:MAX_NAME_SHOWN] + "…"
            if shown not in unknown:
                unknown.append(shown)
    chosen = tuple(medicine for medicine in medicines if medicine.name in wanted)
    return Choice(chosen, tuple(unknown))


def sheet_review(medicines: tuple[Medicine, ...]) -> SimpleNamespace:
    """What the sheet may honestly say about its checking, in the shape the review_status tag
    reads (updated, clinical_signoff).

    The sheet counts as checked only when every medicine on it has a sign-off that covers its
    text as it is now; then it names the earliest of those. Otherwise nobody has checked it."""
    dated = [medicine for medicine in medicines if medicine.updated is not None]
    # Medicines without side effects still carry the site's own "used for" line, never checked.
    updated = max((m.updated for m in dated), default=datetime.date.min)
    signoffs = [m.clinical_signoff for m in medicines if covers(m.clinical_signoff, m.updated)]
    if medicines and len(signoffs) == len(medicines):
        earliest = min(signoffs, key=lambda signoff: signoff.date)
        return SimpleNamespace(updated=earliest.date, clinical_signoff=earliest)
    return SimpleNamespace(updated=updated, clinical_signoff=None)
