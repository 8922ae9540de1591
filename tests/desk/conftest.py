"""Desk tests: a git repository of content in a temporary folder, and one user per role.

These run only with PORTAL_DESK=1 (make test runs them in a pytest of their own)."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User

from portal.content.loading import store
from portal.desk import content as desk_content
from portal.desk.models import ReviewerProfile
from portal.desk.roles import EDITOR, PUBLISHER, REVIEWER
from tests.desk_server.server import content_repository

if not django_settings.PORTAL_DESK:
    raise pytest.UsageError("tests/desk need PORTAL_DESK=1: run them with `make test`.")

PASSWORD = "correct horse battery staple 42"  # noqa: S105 (test users only)


@pytest.fixture(autouse=True)
def _db(db):
    """Every desk test uses the database."""


@pytest.fixture
def content_repo(settings, tmp_path):
    target = content_repository(tmp_path / "content")
    settings.PORTAL_CONTENT_DIR = target
    settings.PORTAL_RELEASE_COMMAND = ""
    settings.PORTAL_GUNICORN_PIDFILE = ""
    store.reset()
    desk_content._seen = None
    yield target
    store.reset()


def make_user(username: str, *roles: str, reviewer_role: str = "", **extra) -> User:
    user = User.objects.create_user(
        username, password=PASSWORD, first_name=username.title(), **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    if reviewer_role:
        ReviewerProfile.objects.create(user=user, reviewer_role=reviewer_role)
    return user


@pytest.fixture
def editor():
    return make_user("edna", EDITOR)


@pytest.fixture
def reviewer():
    return make_user("rita", REVIEWER, reviewer_role="Clinical nurse specialist")


@pytest.fixture
def publisher():
    return make_user("percy", PUBLISHER)


@pytest.fixture
def client_for(client):
    """A signed-in test client for a user (each call a fresh client)."""
    from django.test import Client

    def make(user):
        signed_in = Client()
        signed_in.force_login(user)
        return signed_in

    return make


@pytest.fixture
def colleague():
    """A second editor, who also reviews."""
    return make_user("colin", EDITOR, REVIEWER, reviewer_role="Clinical nurse specialist")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The real hasher takes about a second a password on a busy machine; the desk's own
    # password rules (validators) are unchanged.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
