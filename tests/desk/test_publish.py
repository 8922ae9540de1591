"""Sign-off and publish: the two-person rule, the checks, git, the release, and a publish that
fails midway leaving the content folder and git exactly as they were."""

import datetime
import json
import signal
import subprocess
import sys
import time

import pytest
import yaml

from portal.desk.models import AuditEvent, Draft
from tests.desk.conftest import make_user
from tests.desk_server.server import git

PAGE = "about/second"


def start_draft(client, content_repo, new_text="Short, and now with a new line for readers."):
    text = (content_repo / "about" / "second.md").read_text().replace("Short.", new_text)
    response = client.post(
        f"/desk/pages/{PAGE}/autosave/",
        json.dumps({"text": text, "version": 0, "change_note": "Added a line"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    return Draft.objects.get(page=PAGE, status=Draft.OPEN)


def sign_off(client, draft):
    return client.post(f"/desk/pages/{PAGE}/review/", {"version": draft.version})


def publish(client, note="Added a line about what to expect."):
    return client.post(f"/desk/pages/{PAGE}/publish/", {"note": note})


def front_matter(text):
    return yaml.safe_load(text.split("---")[1])


def head(repo):
    return git(repo, "rev-parse", "HEAD").strip()


def test_the_author_cannot_sign_off_their_own_change(content_repo, client_for):
    both = make_user(
        "bea", "Editor", "Clinical reviewer", reviewer_role="Clinical nurse specialist"
    )
    client = client_for(both)
    draft = start_draft(client, content_repo)
    page = client.get(f"/desk/pages/{PAGE}/review/")
    assert "a second person must sign it off" in page.content.decode()
    sign_off(client, draft)
    draft.refresh_from_db()
    assert not draft.signed_off_hash and "clinical_signoff" not in draft.text


def test_a_superuser_cannot_sign_off_their_own_change_either(content_repo, client_for):
    boss = make_user("boss", is_superuser=True)
    from portal.desk.models import ReviewerProfile

    ReviewerProfile.objects.create(user=boss, reviewer_role="Consultant oncologist")
    client = client_for(boss)
    draft = start_draft(client, content_repo)
    sign_off(client, draft)
    draft.refresh_from_db()
    assert not draft.signed_off_hash


def test_an_editor_who_changes_someone_elses_draft_cannot_sign_it_off(
    content_repo, editor, colleague, client_for
):
    draft = start_draft(client_for(editor), content_repo)
    # The colleague edits it: now they are an author too.
    client_for(colleague).post(
        f"/desk/pages/{PAGE}/autosave/",
        json.dumps({"text": draft.text + "\nMore.\n", "version": draft.version}),
        content_type="application/json",
    )
    draft.refresh_from_db()
    sign_off(client_for(colleague), draft)
    draft.refresh_from_db()
    assert not draft.signed_off_hash


def test_sign_off_records_role_and_date_and_sets_updated(
    content_repo, editor, reviewer, client_for
):
    draft = start_draft(client_for(editor), content_repo)
    response = sign_off(client_for(reviewer), draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    meta = front_matter(draft.text)
    today = datetime.date.today()
    assert meta["clinical_signoff"] == {"role": "Clinical nurse specialist", "date": today}
    assert meta["updated"] == today
    assert draft.signoff_covers_text and draft.signed_off_by == reviewer
    assert "Short, and now with a new line" in draft.text  # the text itself is unchanged
    assert AuditEvent.objects.filter(action=AuditEvent.SIGN_OFF, user=reviewer).exists()


def test_a_reviewer_must_have_seen_the_current_version(content_repo, editor, reviewer, client_for):
    draft = start_draft(client_for(editor), content_repo)
    client_for(reviewer).post(f"/desk/pages/{PAGE}/review/", {"version": draft.version - 1 or 99})
    draft.refresh_from_db()
    assert not draft.signed_off_hash


def test_publish_writes_the_file_commits_it_and_notes_the_change(
    content_repo, editor, reviewer, publisher, client_for
):
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    before = head(content_repo)
    response = publish(client_for(publisher))
    assert response.status_code == 302, response.content.decode()[:2000]
    text = (content_repo / "about" / "second.md").read_text()
    meta = front_matter(text)
    today = datetime.date.today()
    assert "Short, and now with a new line for readers." in text
    assert meta["clinical_signoff"]["role"] == "Clinical nurse specialist"
    assert meta["changes"][0] == {"date": today, "note": "Added a line about what to expect."}
    log = git(content_repo, "log", "-1", "--format=%an <%ae>%n%s%n%b")
    assert log.startswith("Percy <percy@desk.invalid>\nAdded a line about what to expect.\n")
    assert "Clinical sign-off: Clinical nurse specialist" in log
    assert git(content_repo, "rev-parse", "HEAD~1").strip() == before
    assert git(content_repo, "status", "--porcelain") == ""
    draft.refresh_from_db()
    assert draft.status == Draft.PUBLISHED and draft.published_commit == head(content_repo)
    assert AuditEvent.objects.filter(action=AuditEvent.PUBLISH, user=publisher).exists()
    # The history shows it, with the note and the person.
    history = client_for(editor).get(f"/desk/pages/{PAGE}/history/").content.decode()
    assert "Added a line about what to expect." in history and "Percy" in history


def test_publish_needs_a_sign_off(content_repo, editor, publisher, client_for):
    start_draft(client_for(editor), content_repo)
    before = head(content_repo)
    response = publish(client_for(publisher))
    assert response.status_code == 400
    assert "no clinical sign-off" in response.content.decode()
    assert head(content_repo) == before


def test_a_change_after_sign_off_needs_a_new_sign_off(
    content_repo, editor, reviewer, publisher, client_for
):
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    draft.refresh_from_db()
    client_for(editor).post(
        f"/desk/pages/{PAGE}/autosave/",
        json.dumps({"text": draft.text.replace("readers", "everyone"), "version": draft.version}),
        content_type="application/json",
    )
    before = head(content_repo)
    publish(client_for(publisher))
    assert head(content_repo) == before
    assert "everyone" not in (content_repo / "about" / "second.md").read_text()


def test_publish_is_refused_while_the_checks_find_an_error(
    content_repo, editor, reviewer, publisher, client_for
):
    draft = start_draft(client_for(editor), content_repo, "# A second main heading\n\nShort.")
    sign_off(client_for(reviewer), draft)
    before = head(content_repo)
    response = publish(client_for(publisher))
    assert response.status_code == 400
    assert "content.E018" in response.content.decode()
    assert head(content_repo) == before


def test_only_publishers_publish(content_repo, editor, reviewer, client_for):
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    before = head(content_repo)
    publish(client_for(editor))
    assert head(content_repo) == before


def snapshot(repo):
    files = {
        str(p.relative_to(repo)): p.read_bytes()
        for p in repo.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }
    return files, head(repo), git(repo, "status", "--porcelain"), git(repo, "ls-files", "-s")


@pytest.mark.parametrize("how", ["commit-hook-refuses", "index-locked"])
def test_a_publish_failing_midway_leaves_files_and_git_as_they_were(
    content_repo, editor, reviewer, publisher, client_for, how
):
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    if how == "commit-hook-refuses":
        # Fails at `git commit`, after the file was written and added to the index.
        hook = content_repo / ".git" / "hooks" / "pre-commit"
        hook.write_text("#!/bin/sh\necho 'refused by the test hook' >&2\nexit 1\n")
        hook.chmod(0o755)
    else:
        # Fails at `git add`, after the file was written (another git holds the index).
        (content_repo / ".git" / "index.lock").write_text("")
    before = snapshot(content_repo)
    response = publish(client_for(publisher))
    assert response.status_code == 400
    assert "Publishing failed and nothing was changed" in response.content.decode()
    after = snapshot(content_repo)
    (content_repo / ".git" / "index.lock").unlink(missing_ok=True)
    assert after == before
    assert not list(content_repo.rglob(".desk-*"))  # no temporary file left behind
    draft.refresh_from_db()
    assert draft.status == Draft.OPEN
    assert AuditEvent.objects.filter(action=AuditEvent.PUBLISH_FAILED).exists()


def test_a_new_page_failing_to_commit_is_removed_again(
    content_repo, editor, reviewer, publisher, client_for
):
    client_for(editor).post(
        "/desk/new/", {"section": "about", "slug": "bone-pain", "title": "Bone pain"}
    )
    draft = Draft.objects.get(page="about/bone-pain")
    assert "Replace this:" in draft.text
    hook = content_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    # Make it publishable: no placeholders left.
    text = draft.text.replace("Replace this: ", "")
    client_for(editor).post(
        "/desk/pages/about/bone-pain/autosave/",
        json.dumps({"text": text, "version": draft.version}),
        content_type="application/json",
    )
    draft.refresh_from_db()
    sign_off_response = client_for(reviewer).post(
        "/desk/pages/about/bone-pain/review/", {"version": draft.version}
    )
    assert sign_off_response.status_code == 302
    before = snapshot(content_repo)
    client_for(publisher).post("/desk/pages/about/bone-pain/publish/", {"note": "New page."})
    assert snapshot(content_repo) == before
    assert not (content_repo / "about" / "bone-pain.md").exists()


def test_publish_over_a_file_changed_meanwhile_is_refused(
    content_repo, editor, reviewer, publisher, client_for
):
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    path = content_repo / "about" / "second.md"
    path.write_text(path.read_text().replace("Short.", "Changed by hand."))
    git(
        content_repo,
        "-c",
        "user.name=H",
        "-c",
        "user.email=h@example.invalid",
        "commit",
        "-qam",
        "hand",
    )
    before = snapshot(content_repo)
    response = publish(client_for(publisher))
    assert "changed since this draft was started" in response.content.decode()
    assert snapshot(content_repo) == before


def test_the_release_command_runs_after_publishing(
    content_repo, editor, reviewer, publisher, client_for, settings, tmp_path
):
    marker = tmp_path / "released"
    settings.PORTAL_RELEASE_COMMAND = f"{sys.executable} -c \"open('{marker}', 'w').write('yes')\""
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    publish(client_for(publisher))
    assert marker.read_text() == "yes"


def test_the_default_release_sends_hup_to_the_pid_in_the_pid_file(
    content_repo, editor, reviewer, publisher, client_for, settings, tmp_path
):
    marker = tmp_path / "got-hup"
    ready = tmp_path / "ready"
    listener = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time, pathlib\n"
            f"marker = pathlib.Path({str(marker)!r})\n"
            "signal.signal(signal.SIGHUP, lambda *a: marker.write_text('hup'))\n"
            f"pathlib.Path({str(ready)!r}).write_text('ready')\n"
            "time.sleep(30)\n",
        ]
    )
    try:
        deadline = time.monotonic() + 10
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        pidfile = tmp_path / "gunicorn.pid"
        pidfile.write_text(f"{listener.pid}\n")
        settings.PORTAL_GUNICORN_PIDFILE = str(pidfile)
        draft = start_draft(client_for(editor), content_repo)
        sign_off(client_for(reviewer), draft)
        publish(client_for(publisher))
        deadline = time.monotonic() + 10
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.read_text() == "hup"
    finally:
        listener.send_signal(signal.SIGTERM)
        listener.wait(timeout=10)


def test_a_failed_release_is_reported_and_the_publish_stands(
    content_repo, editor, reviewer, publisher, client_for, settings
):
    settings.PORTAL_RELEASE_COMMAND = "false"
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    response = publish(client_for(publisher))
    assert response.status_code == 302
    assert "now with a new line" in (content_repo / "about" / "second.md").read_text()
    assert AuditEvent.objects.filter(action=AuditEvent.RELEASE_FAILED).exists()


def test_restore_makes_an_earlier_version_a_draft(
    content_repo, editor, reviewer, publisher, client_for
):
    original = (content_repo / "about" / "second.md").read_text()
    first = head(content_repo)
    draft = start_draft(client_for(editor), content_repo)
    sign_off(client_for(reviewer), draft)
    publish(client_for(publisher))
    page = client_for(editor).get(f"/desk/pages/{PAGE}/history/{first}/")
    assert page.status_code == 200
    response = client_for(editor).post(f"/desk/pages/{PAGE}/history/{first}/")
    assert response.status_code == 302
    restored = Draft.objects.get(page=PAGE, status=Draft.OPEN)
    assert restored.text == original
    assert AuditEvent.objects.filter(action=AuditEvent.RESTORE).exists()
    # Something that is not one of this page's commits is refused.
    assert client_for(editor).get(f"/desk/pages/{PAGE}/history/{'0' * 40}/").status_code == 404
    assert client_for(editor).get(f"/desk/pages/{PAGE}/history/HEAD/").status_code == 404


def test_a_section_page_is_edited_signed_off_and_published_too(
    content_repo, editor, reviewer, publisher, client_for
):
    path = content_repo / "about" / "_index.md"
    text = path.read_text()
    first_body_line = text.split("---\n", 2)[2].splitlines()[0]
    edited = text.replace(first_body_line, first_body_line + " Read this first.", 1)
    response = client_for(editor).post(
        "/desk/pages/about/_index/autosave/",
        json.dumps({"text": edited, "version": 0}),
        content_type="application/json",
    )
    assert response.status_code == 200
    draft = Draft.objects.get(page="about/_index")
    client_for(reviewer).post("/desk/pages/about/_index/review/", {"version": draft.version})
    response = client_for(publisher).post("/desk/pages/about/_index/publish/", {"note": "Intro."})
    assert response.status_code == 302
    meta = front_matter(path.read_text())
    assert meta["changes"][0]["note"] == "Intro."
    assert "Read this first." in path.read_text()


def test_a_reviewer_without_a_role_title_cannot_sign_off(content_repo, editor, client_for):
    nameless = make_user("nora", "Clinical reviewer")
    draft = start_draft(client_for(editor), content_repo)
    page = client_for(nameless).get(f"/desk/pages/{PAGE}/review/").content.decode()
    assert "no reviewer role title" in page
    sign_off(client_for(nameless), draft)
    draft.refresh_from_db()
    assert not draft.signed_off_hash
