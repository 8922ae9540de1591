"""What the desk keeps in the database: drafts, copies of saves that met a conflict, each
reviewer's role title, and the audit log. Published pages live in files in git, never here."""

import hashlib

from django.conf import settings
from django.db import models


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReviewerProfile(models.Model):
    """The role title a sign-off records, such as "Clinical nurse specialist"; never a name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_profile"
    )
    reviewer_role = models.CharField(max_length=100, blank=True)

    def __str__(self):
        return f"{self.user} ({self.reviewer_role or 'no reviewer role'})"


class Draft(models.Model):
    """The next version of one page, shared by everyone editing it; one open draft a page.

    `version` goes up by one on every save: a save that names an older version met someone
    else's save and becomes a ConflictCopy instead of overwriting it. `base_hash` is the hash
    of the published file the draft started from ("" for a new page), so publishing over a
    file that changed meanwhile is refused.
    """

    OPEN, PUBLISHED, DISCARDED = "open", "published", "discarded"
    STATUSES = [(OPEN, "Open"), (PUBLISHED, "Published"), (DISCARDED, "Discarded")]

    page = models.CharField(max_length=200)  # "section/slug", or "section/_index"
    text = models.TextField()
    base_hash = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=12, choices=STATUSES, default=OPEN)
    change_note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="drafts_started"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Everyone who changed the text: none of them may sign it off.
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="drafts_written")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_hash = models.CharField(max_length=64, blank=True)  # the text signed off
    published_at = models.DateTimeField(null=True, blank=True)
    published_commit = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(status="open"), name="one_open_draft_per_page"
            )
        ]

    def __str__(self):
        return f"{self.page} v{self.version} ({self.status})"

    @property
    def signoff_covers_text(self) -> bool:
        return bool(self.signed_off_hash) and self.signed_off_hash == text_hash(self.text)


class ConflictCopy(models.Model):
    """A save that arrived after someone else's: kept whole, so nobody's words are lost."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="conflicts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    based_on_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.user} on {self.draft.page} (based on v{self.based_on_version})"


class AuditEvent(models.Model):
    """Who did what and when: sign-ins (and failures), sign-offs, publishes, restores."""

    SIGN_IN = "sign-in"
    SIGN_IN_FAILED = "sign-in-failed"
    LOCKED_OUT = "locked-out"
    SIGN_OUT = "sign-out"
    SIGN_OFF = "sign-off"
    PUBLISH = "publish"
    PUBLISH_FAILED = "publish-failed"
    RELEASE_FAILED = "release-failed"
    RESTORE = "restore"
    TWO_FACTOR = "two-factor-set-up"
    ACTIONS = [
        (SIGN_IN, "Signed in"),
        (SIGN_IN_FAILED, "Failed sign-in"),
        (LOCKED_OUT, "Locked out after failed sign-ins"),
        (SIGN_OUT, "Signed out"),
        (SIGN_OFF, "Signed off"),
        (PUBLISH, "Published"),
        (PUBLISH_FAILED, "Publish failed"),
        (RELEASE_FAILED, "Release failed"),
        (RESTORE, "Restored an earlier version"),
        (TWO_FACTOR, "Set up two-factor sign-in"),
    ]

    when = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)  # as typed, for failed sign-ins
    action = models.CharField(max_length=20, choices=ACTIONS)
    page = models.CharField(max_length=200, blank=True)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-when", "-id"]

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M} {self.username} {self.action} {self.page}"
