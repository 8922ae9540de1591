"""The database cannot be reached: the reader is told plainly, and every page still serves.

Run in a fresh process with DATABASE_URL naming a file that cannot be opened (its folder does not
exist), so it is the real settings, the real connection attempt and the real error."""

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError

from tests.conftest import FIXTURE_CONTENT
from tests.feedback.conftest import JSON, SAME_ORIGIN, TOPIC

ROOT = Path(__file__).resolve().parent.parent.parent

SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client()
pages = {path: client.get(path).status_code for path in (
    "/", "/about/", "/about/what-it-is/", "/about/what-it-is/print/", "/search/?q=pain",
    "/contacts/", "/api/topics/", "/feedback/thanks/?page=/about/what-it-is/")}
form = {"page": "/about/what-it-is/", "useful": "no", "comment": "Kept <b>safe</b>"}
html = client.post("/feedback/", form, headers=SAME_HEADERS)
js = client.post("/feedback/", form, headers=JSON_HEADERS)
print(json.dumps({"pages": pages, "html_status": html.status_code,
    "html": html.content.decode(), "json_status": js.status_code, "json": js.json()}))
""".replace("SAME_HEADERS", repr(SAME_ORIGIN)).replace("JSON_HEADERS", repr(JSON))


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    missing = tmp_path_factory.mktemp("db") / "no-such-folder" / "feedback.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": f"sqlite:///{missing}",
        "PORTAL_CONTENT_DIR": str(FIXTURE_CONTENT),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["log"] = done.stderr
    assert not missing.parent.exists()
    return result


def test_every_page_still_serves(outcome):
    assert outcome["pages"] == dict.fromkeys(outcome["pages"], 200)
    assert len(outcome["pages"]) == 8


def test_the_reader_is_told_their_feedback_was_not_saved(outcome):
    html = outcome["html"]
    assert outcome["html_status"] == 503
    assert "your feedback could not be saved" in html
    assert "0808 800 6000" in html  # where to get help meanwhile
    # Their words come back to them, escaped, so nothing they wrote is lost.
    assert "Kept &lt;b&gt;safe&lt;/b&gt;" in html
    assert "Traceback" not in html


def test_the_script_is_told_too(outcome):
    assert outcome["json_status"] == 503
    assert "could not be saved" in outcome["json"]["message"]


def test_the_log_names_the_cause_but_not_the_words(outcome):
    assert (
        "Feedback could not be saved: OperationalError unable to open database file"
        in (outcome["log"])
    )
    assert "Kept" not in outcome["log"]


@pytest.mark.django_db
def test_a_database_without_its_tables_is_reported_the_same_way(client, caplog):
    # migrate not run yet: the error is not a connection error and may quote the row, so only
    # its kind is logged.
    with mock.patch(
        "portal.feedback.services.record", side_effect=ProgrammingError("row (secret words)")
    ):
        response = client.post("/feedback/", {"page": TOPIC, "useful": "yes"}, headers=SAME_ORIGIN)
    assert response.status_code == 503
    assert "Feedback could not be saved: ProgrammingError" in caplog.text
    assert "secret words" not in caplog.text


@pytest.mark.django_db
def test_a_locked_database_is_reported_the_same_way_in_place(client):
    with mock.patch(
        "portal.feedback.services.record", side_effect=OperationalError("database is locked")
    ):
        response = client.post("/feedback/", {"page": TOPIC, "comment": "x"}, headers=JSON)
    assert response.status_code == 503
    assert "could not be saved" in response.json()["message"]
    assert "0808 800 6000" in response.json()["message"]
