"""Saving drafts: every save names the version it was based on, so none overwrites another.

A save based on the draft's current version becomes the next version. A save based on an older
one met somebody else's save: its text is kept whole as a ConflictCopy and the person is shown
both texts to choose or merge (views.conflict). Nothing typed is ever dropped.
"""

from django.db import IntegrityError, transaction

from portal.content.loading.frontmatter import MAX_FILE_BYTES
from portal.desk.content import published_text
from portal.desk.models import ConflictCopy, Draft, text_hash
from portal.desk.pages import PageRef


class Conflict(Exception):
    def __init__(self, copy: ConflictCopy):
        super().__init__("This page was saved by someone else since you opened it.")
        self.copy = copy


class TooBig(ValueError):
    pass


def normalise(text: str) -> str:
    """The text as the loader reads it: Unix line ends, one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise TooBig("The page is too big to save. A page should be a few thousand words at most.")
    return text.rstrip("\n") + "\n"


def open_draft(ref: PageRef) -> Draft | None:
    return Draft.objects.filter(page=ref.key, status=Draft.OPEN).first()


def save(user, library, ref: PageRef, text: str, version: int, change_note=None) -> Draft:
    """Save text as the next version of the page's open draft (version = the one edited).

    version 0 means "started from the published page": it starts a draft, or meets one that
    someone else started meanwhile. Raises Conflict (with the kept copy) on a stale version."""
    text = normalise(text)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                draft, stale = _save(user, library, ref, text, version, change_note)
            break
        except IntegrityError:
            continue  # two first saves at once: the second now meets the first's draft
    else:
        draft, stale = open_draft(ref), True
    if stale:
        # Kept outside the draft's transaction, so it is stored whatever happens next.
        raise Conflict(_keep_copy(draft, user, text, version))
    return draft


def _save(user, library, ref, text, version, change_note) -> tuple[Draft, bool]:
    """The saved draft, and whether this save was stale (to be kept as a conflict copy)."""
    draft = Draft.objects.select_for_update().filter(page=ref.key, status=Draft.OPEN).first()
    if draft is None:
        published = published_text(library, ref)
        draft = Draft.objects.create(
            page=ref.key,
            text=published if (version and published is not None) else text,
            base_hash=text_hash(published) if published is not None else "",
            created_by=user,
            updated_by=user,
        )
        if version:
            # The draft this person was editing was published or discarded meanwhile: theirs is
            # kept beside a fresh draft of the page as it is now.
            return draft, True
        if text != published:
            draft.authors.add(user)
    elif version != draft.version:
        if text != draft.text:
            return draft, True
    elif text != draft.text:
        draft.text = text
        draft.version += 1
        draft.updated_by = user
        draft.save()
        draft.authors.add(user)
    if change_note is not None and change_note != draft.change_note:
        draft.change_note = change_note[:200]
        draft.save(update_fields=["change_note", "updated_at"])
    return draft, False


def _keep_copy(draft: Draft, user, text: str, version: int) -> ConflictCopy:
    return ConflictCopy.objects.create(draft=draft, user=user, text=text, based_on_version=version)


def discard(draft: Draft) -> None:
    draft.status = Draft.DISCARDED
    draft.save(update_fields=["status", "updated_at"])
