"""Sign-off and publish: the two-person rule, the checks, the git commit and the release.

A sign-off writes the reviewer's role and today's date into the draft's front matter (and sets
`updated` to today), and remembers the hash of exactly that text. Publishing needs that text
unchanged, no errors from the content checks, and the published file as the draft found it;
then the file is written and committed (git_files.write_and_commit puts everything back if
that fails) and the release command tells the public site to load it.
"""

import datetime
import os
import shlex
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.content.loading.frontmatter import SECTION_FIELDS, TOPIC_FIELDS
from portal.desk import audit, front_matter_edits, git_files
from portal.desk.content import current_library, examine, published_text
from portal.desk.models import AuditEvent, Draft, ReviewerProfile, text_hash
from portal.desk.pages import ref_from_key
from portal.desk.roles import can_publish, can_review

MAX_NOTE = 200


class Refused(Exception):
    """Why this sign-off or publish cannot happen, said for the person trying it."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)


def reviewer_role(user) -> str:
    profile = ReviewerProfile.objects.filter(user=user).first()
    return profile.reviewer_role.strip() if profile else ""


def why_not_sign_off(user, draft: Draft) -> str | None:
    """None if this person may sign this draft off; otherwise the reason, in plain words."""
    if not can_review(user):
        return "Only clinical reviewers can sign off a page."
    if draft.created_by_id == user.pk or draft.authors.filter(pk=user.pk).exists():
        return (
            "You wrote or changed this draft, so a second person must sign it off. "
            "This rule applies to everyone, administrators too."
        )
    if not reviewer_role(user):
        return (
            "Your account has no reviewer role title (for example 'Clinical nurse "
            "specialist'), which the sign-off records. Ask an administrator to add it."
        )
    if draft.signoff_covers_text:
        return "This text is already signed off."
    return None


def sign_off(user, draft_id: int, seen_version: int, today: datetime.date) -> Draft:
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id, status=Draft.OPEN)
        reason = why_not_sign_off(user, draft)
        if reason:
            raise Refused(reason)
        if draft.version != seen_version:
            raise Refused("The draft changed while you were reading it. Read the changes again.")
        library = current_library()
        ref = ref_from_key(library, draft.page)
        if examine(library, ref, draft.text).page is None:
            raise Refused("The draft cannot be read as a page. Its editor needs to fix it first.")
        draft.text = front_matter_edits.sign_off(draft.text, reviewer_role(user), today)
        draft.version += 1
        draft.signed_off_by = user
        draft.signed_off_at = timezone.now()
        draft.signed_off_hash = text_hash(draft.text)
        draft.save()
        audit.record(AuditEvent.SIGN_OFF, user, page=draft.page, detail=reviewer_role(user))
    return draft


@dataclass(frozen=True)
class Published:
    commit: str
    released: bool
    release_message: str


def clean_note(note: str) -> str:
    note = " ".join((note or "").split())
    if not note:
        raise Refused("Write one line for readers about what changed, like 'Added bone pain'.")
    if len(note) > MAX_NOTE:
        raise Refused(f"Keep the change note to one short line (under {MAX_NOTE} characters).")
    return note


def publish(user, draft_id: int, note: str, today: datetime.date) -> Published:
    if not can_publish(user):
        raise Refused("Only publishers can publish a page.")
    note = clean_note(note)
    library = current_library()
    content_dir = Path(library.content_dir)
    with git_files.publish_lock(content_dir), transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if draft.status != Draft.OPEN:
            raise Refused("This draft has already been published or discarded.")
        ref = ref_from_key(library, draft.page)
        if not draft.signoff_covers_text:
            raise Refused(
                "This text has no clinical sign-off, or it changed after the sign-off. "
                "A clinical reviewer must sign off this version first."
            )
        examined = examine(library, ref, draft.text)
        if examined.page is None or examined.errors:
            raise Refused("The content checks found problems. Fix them first.", examined.problems)
        if not examined.page.review.signed_off:
            raise Refused("The page's front matter does not carry a sign-off of this text.")
        published = published_text(library, ref)
        if (text_hash(published) if published is not None else "") != draft.base_hash:
            raise Refused(
                "The published page changed since this draft was started (someone published "
                "or edited the file). Start a new draft from the published page and copy "
                "your changes across."
            )
        if not git_files.is_repository(content_dir):
            raise Refused(f"The content folder {content_dir} is not in a git repository.")
        if git_files.uncommitted(content_dir, ref.relative):
            raise Refused(
                f"{ref.relative} has changes on disk that are not in git. Ask a developer."
            )
        fields = SECTION_FIELDS if ref.is_index else TOPIC_FIELDS
        final = front_matter_edits.add_change(draft.text, note, today, fields)
        name = user.get_full_name() or user.get_username()
        signoff = examined.page.clinical_signoff
        message = (
            f"{note}\n\nPage: {ref.key}\n"
            f"Clinical sign-off: {signoff.role}, {signoff.date.isoformat()}\n"
            "Published through the editors' desk."
        )
        try:
            commit = git_files.write_and_commit(
                content_dir,
                ref.relative,
                final,
                message,
                f"{name} <{user.get_username()}@desk.invalid>",
            )
        except (git_files.GitError, OSError) as error:
            failure = error  # recorded below, outside this transaction, which is rolled back
        else:
            failure = None
            draft.text = final
            draft.status = Draft.PUBLISHED
            draft.change_note = note
            draft.published_at = timezone.now()
            draft.published_commit = commit
            draft.save()
            audit.record(AuditEvent.PUBLISH, user, page=ref.key, detail=f"{commit[:12]} {note}")
    if failure is not None:
        audit.record(AuditEvent.PUBLISH_FAILED, user, page=ref.key, detail=str(failure))
        raise Refused(
            f"Publishing failed and nothing was changed: {failure}. Try again, or ask a "
            "developer if it keeps happening."
        )
    released, release_message = release()
    if not released:
        audit.record(AuditEvent.RELEASE_FAILED, user, page=ref.key, detail=release_message)
    return Published(commit, released, release_message)


def release() -> tuple[bool, str]:
    """Tell the public site to load the content again: PORTAL_RELEASE_COMMAND, or by default
    HUP to the gunicorn master in PORTAL_GUNICORN_PIDFILE (its workers restart with the new
    content while the old ones finish their requests)."""
    command = settings.PORTAL_RELEASE_COMMAND
    if command:
        try:
            done = subprocess.run(  # noqa: S603 (the operator's own configured command)
                shlex.split(command), capture_output=True, text=True, timeout=120
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return False, f"The release command could not run: {error}."
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()
            return False, f"The release command failed: {lines[-1] if lines else done.returncode}."
        return True, "The public site was told to load the new version."
    pidfile = settings.PORTAL_GUNICORN_PIDFILE
    if not pidfile:
        return False, (
            "No release is set up (PORTAL_RELEASE_COMMAND or PORTAL_GUNICORN_PIDFILE), so the "
            "public site shows the change when it next restarts."
        )
    try:
        os.kill(int(Path(pidfile).read_text().strip()), signal.SIGHUP)
    except (OSError, ValueError) as error:
        return False, f"The public site could not be told to reload ({pidfile}: {error})."
    return True, "The public site was told to load the new version."
