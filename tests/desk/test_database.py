"""The desk's database is the one DATABASE_URL names (make test-postgres runs these tests
against a real PostgreSQL server), SQLite otherwise."""

import os

from django.db import connection

from portal.desk.models import Draft


def test_the_configured_database_is_in_use(content_repo, editor):
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
    # One open draft a page is the database's own rule (a partial unique index), on both.
    Draft.objects.create(page="about/second", text="a", created_by=editor, updated_by=editor)
    from django.db import IntegrityError, transaction

    try:
        with transaction.atomic():
            Draft.objects.create(
                page="about/second", text="b", created_by=editor, updated_by=editor
            )
    except IntegrityError:
        pass
    else:
        raise AssertionError("a second open draft of one page was allowed")
    Draft.objects.create(
        page="about/second", text="c", created_by=editor, updated_by=editor, status="published"
    )
