"""The list of pages, the editor page, the preview endpoint, new pages and the audit log."""

import json

from django.core.management import call_command

from portal.content.management.commands.new_topic import TEMPLATE
from portal.desk.models import Draft


def preview(client, text, page="about/second", what="preview"):
    return client.post(
        f"/desk/{what}/", json.dumps({"page": page, "text": text}), content_type="application/json"
    )


def test_preview_renders_through_the_public_pipeline(content_repo, editor, client_for):
    text = (content_repo / "about" / "second.md").read_text()
    text = text.replace("Short.", "Call **999** now.\n\n<script>alert(1)</script>")
    data = preview(client_for(editor), text).json()
    assert "<strong>999</strong>" in data["html"]
    assert "<script" not in data["html"]  # sanitised, as on the public site
    checked = preview(client_for(editor), text, what="checks").json()
    removed = [p for p in checked["problems"] if p["id"] == "content.E022"]
    assert removed and removed[0]["line"] == text.split("\n").index("<script>alert(1)</script>") + 1


def test_preview_of_broken_front_matter_names_the_line(content_repo, editor, client_for):
    text = (content_repo / "about" / "second.md").read_text().replace("order: 2", "order: two")
    data = preview(client_for(editor), text).json()
    assert "cannot be shown" in data["html"]
    assert data["problems"][0]["line"] == 4 and data["problems"][0]["error"]


def test_preview_and_checks_refuse_a_hostile_page(content_repo, editor, client_for):
    for what in ("preview", "checks"):
        response = preview(client_for(editor), "x", page="../../etc/passwd", what=what)
        assert response.status_code == 404


def test_the_editor_page_shows_text_checks_and_preview(content_repo, editor, client_for):
    body = client_for(editor).get("/desk/pages/about/what-it-is/").content.decode()
    assert 'id="id_text"' in body and "Content checks" in body
    assert "content.E022" in body and "Line 49" in body
    assert "desk-editor.js" in body


def test_the_list_puts_the_most_urgent_first(content_repo, editor, client_for):
    path = content_repo / "about" / "second.md"
    path.write_text(path.read_text().replace("next_review: 2027-01-10", "next_review: 2026-02-01"))
    body = client_for(editor).get("/desk/").content.decode()
    assert body.index("about/second") < body.index("about/what-it-is")
    assert "Past review date" in body


def test_a_new_page_starts_from_the_new_topic_template(content_repo, editor, client_for):
    response = client_for(editor).post(
        "/desk/new/", {"section": "emergencies", "slug": "bone-pain", "title": "Bone: pain"}
    )
    assert response.status_code == 302
    draft = Draft.objects.get(page="emergencies/bone-pain")
    assert draft.text.startswith('---\ntitle: "Bone: pain"\n')
    # Every fixed line of the template is there.
    for line in TEMPLATE.splitlines():
        if "{" not in line:
            assert line in draft.text.splitlines()
    assert not (content_repo / "emergencies" / "bone-pain.md").exists()
    again = client_for(editor).post(
        "/desk/new/", {"section": "emergencies", "slug": "bone-pain", "title": "Again"}
    )
    assert again.status_code == 400 and "already exists" in again.content.decode()


def test_only_publishers_see_the_audit_log(content_repo, editor, publisher, client_for):
    assert client_for(editor).get("/desk/audit/").status_code == 403
    assert client_for(publisher).get("/desk/audit/").status_code == 200


def test_desk_user_command_creates_users_with_roles(content_repo, monkeypatch, capsys):
    import io
    import sys

    from django.contrib.auth.models import User

    monkeypatch.setattr(sys, "stdin", io.StringIO("a long and unusual passphrase 7\n"))
    call_command(
        "desk_user",
        "nina",
        "--role",
        "reviewer",
        "--role",
        "editor",
        "--reviewer-role",
        "Clinical nurse specialist",
        "--name",
        "Nina Nurse",
        "--password-stdin",
    )
    nina = User.objects.get(username="nina")
    assert set(nina.groups.values_list("name", flat=True)) == {"Clinical reviewer", "Editor"}
    assert nina.desk_profile.reviewer_role == "Clinical nurse specialist"
    assert nina.check_password("a long and unusual passphrase 7")


def test_desk_user_command_refuses_weak_passwords_and_missing_reviewer_roles(
    content_repo, monkeypatch
):
    import io
    import sys

    import pytest
    from django.core.management.base import CommandError

    monkeypatch.setattr(sys, "stdin", io.StringIO("password\n"))
    with pytest.raises(CommandError, match="too common|too short"):
        call_command("desk_user", "weak", "--role", "editor", "--password-stdin")
    with pytest.raises(CommandError, match="reviewer-role"):
        call_command("desk_user", "rev", "--role", "reviewer", "--password-stdin")


def test_desk_setup_makes_the_groups_again(content_repo):
    from django.contrib.auth.models import Group

    Group.objects.all().delete()
    call_command("desk_setup")
    call_command("desk_setup")
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Editor",
        "Clinical reviewer",
        "Publisher",
    }


def test_desk_mode_still_has_no_cookie_on_public_pages(content_repo):
    from django.test import Client

    response = Client().get("/about/second/")
    assert response.status_code == 200
    assert not response.cookies
