"""The audit log: one row per sign-in, failed sign-in, lockout, sign-off, publish and restore.

Sign-ins come from Django's and django-axes' signals, so every way in is recorded. No client
address is stored here (django-axes keeps its own for the lockout, and forgets it after).
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from portal.desk.models import AuditEvent


def record(action: str, user=None, username: str = "", page: str = "", detail: str = ""):
    if user is not None and user.is_authenticated:
        username = user.get_username()
    else:
        user = None
    return AuditEvent.objects.create(
        action=action, user=user, username=username[:150], page=page, detail=detail[:500]
    )


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(AuditEvent.SIGN_IN, user)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditEvent.SIGN_OUT, user)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    record(AuditEvent.SIGN_IN_FAILED, username=str(credentials.get("username", "")))


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, **kwargs):
    record(AuditEvent.LOCKED_OUT, username=str(username or ""))
