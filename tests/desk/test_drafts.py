"""Drafts: versions, autosave over HTTP, and conflicts that keep both texts."""

import json

from portal.desk import drafts
from portal.desk.content import current_library
from portal.desk.models import ConflictCopy, Draft
from portal.desk.pages import page_ref


def autosave(client, text, version, page="about/second"):
    return client.post(
        f"/desk/pages/{page}/autosave/",
        json.dumps({"text": text, "version": version, "change_note": "Tidied"}),
        content_type="application/json",
    )


def published(content_repo):
    return (content_repo / "about" / "second.md").read_text()


def test_first_save_starts_a_draft_based_on_the_published_file(content_repo, editor, client_for):
    text = published(content_repo).replace("Short.", "Short, and now longer.")
    response = autosave(client_for(editor), text, 0)
    assert response.status_code == 200
    assert response.json()["version"] == 1
    draft = Draft.objects.get(page="about/second", status=Draft.OPEN)
    assert draft.text == text
    assert draft.change_note == "Tidied"
    assert list(draft.authors.all()) == [editor]
    # The published file is untouched until a publish.
    assert "now longer" not in published(content_repo)


def test_each_save_on_the_current_version_is_the_next_version(content_repo, editor, client_for):
    client = client_for(editor)
    text = published(content_repo)
    assert autosave(client, text + "\nOne.\n", 0).json()["version"] == 1
    assert autosave(client, text + "\nTwo.\n", 1).json()["version"] == 2
    assert Draft.objects.get(status=Draft.OPEN).text.endswith("Two.\n")


def test_a_stale_save_is_kept_as_a_conflict_not_written_over(
    content_repo, editor, colleague, client_for
):
    first, second = client_for(editor), client_for(colleague)
    base = published(content_repo)
    assert autosave(first, base + "\nFirst person.\n", 0).status_code == 200
    # The second person opened the page before the first draft existed (version 0).
    response = autosave(second, base + "\nSecond person.\n", 0)
    assert response.status_code == 409
    conflict_url = response.json()["conflict"]
    draft = Draft.objects.get(status=Draft.OPEN)
    assert draft.text.endswith("First person.\n")
    copy = ConflictCopy.objects.get()
    assert copy.text.endswith("Second person.\n") and copy.user == colleague
    page = second.get(conflict_url)
    assert page.status_code == 409
    body = page.content.decode()
    assert "First person." in body and "Second person." in body
    # Choosing "use my text" saves it on top of the version the person has now seen.
    chosen = second.post(conflict_url, {"choice": "mine", "version": draft.version})
    assert chosen.status_code == 302
    draft.refresh_from_db()
    assert draft.text.endswith("Second person.\n") and draft.version == 2
    assert set(draft.authors.all()) == {editor, colleague}


def test_a_conflict_page_save_that_is_stale_again_is_caught_again(
    content_repo, editor, colleague, client_for
):
    base = published(content_repo)
    autosave(client_for(editor), base + "\nA\n", 0)
    url = autosave(client_for(colleague), base + "\nB\n", 0).json()["conflict"]
    autosave(client_for(editor), base + "\nA2\n", 1)  # version 2 now
    response = client_for(colleague).post(
        url, {"choice": "merged", "text": base + "\nAB\n", "version": 1}
    )
    assert response.status_code == 302 and "/conflict/" in response["Location"]
    assert Draft.objects.get(status=Draft.OPEN).text.endswith("A2\n")


def test_the_same_text_twice_is_not_a_conflict(content_repo, editor, colleague):
    library = current_library()
    ref = page_ref(library, "about", "second")
    text = published(content_repo) + "\nSame.\n"
    drafts.save(editor, library, ref, text, 0)
    assert drafts.save(colleague, library, ref, text, 0).version == 1
    assert not ConflictCopy.objects.exists()


def test_a_save_of_a_draft_published_meanwhile_keeps_the_text(content_repo, editor, client_for):
    client = client_for(editor)
    base = published(content_repo)
    autosave(client, base + "\nOld draft.\n", 0)
    Draft.objects.update(status=Draft.PUBLISHED)
    response = autosave(client, base + "\nLate save.\n", 1)
    assert response.status_code == 409
    assert ConflictCopy.objects.get().text.endswith("Late save.\n")
    assert Draft.objects.get(status=Draft.OPEN).text == base


def test_the_form_save_works_without_javascript(content_repo, editor, client_for):
    client = client_for(editor)
    text = published(content_repo).replace("Short.", "Short and sweet.")
    response = client.post(
        "/desk/pages/about/second/", {"text": text, "version": 0, "change_note": ""}
    )
    assert response.status_code == 302
    assert Draft.objects.get(status=Draft.OPEN).text == text


def test_windows_line_ends_are_saved_as_the_loader_reads_them(content_repo, editor, client_for):
    text = published(content_repo).replace("\n", "\r\n")
    autosave(client_for(editor), text, 0)
    assert "\r" not in Draft.objects.get().text


def test_a_huge_save_is_refused_with_a_message(content_repo, editor, client_for):
    response = autosave(client_for(editor), "x" * 1_100_000, 0)
    assert response.status_code == 400
    assert "too big" in response.json()["error"]
    assert not Draft.objects.exists()


def test_nobody_without_the_editor_role_can_save(content_repo, reviewer, client_for):
    response = autosave(client_for(reviewer), published(content_repo) + "x", 0)
    assert response.status_code == 403
    assert not Draft.objects.exists()
