"""Every editor check, each from a small broken file dropped into a clean copy of a content tree.

For each one: `manage.py check` (no --fail-level) fails and names the file, its line where there
is one, and the check id; and the site keeps serving the good pages through the test client.
"""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from portal.content.checks import editor as editor_checks
from portal.content.checks.editor import check_library
from portal.content.loading import store
from portal.content.loading.loader import load_library
from portal.content.rendering import bodies
from portal.pages.checks import site_path
from tests.conftest import REAL_CONTENT
from tests.content.content_trees import drop

GOOD_PAGES = ["/", "/about/", "/about/good-page/", "/emergencies/high-calcium/", "/contacts/"]


def run_check(fail_level="ERROR") -> tuple[bool, str]:
    """(failed, everything the command said)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("check", fail_level=fail_level, stdout=out, stderr=err)
    except SystemCheckError as error:
        return True, f"{out.getvalue()}{err.getvalue()}{error}"
    return False, out.getvalue() + err.getvalue()


def assert_site_still_serves(client, broken_url=None):
    store.reset()
    for url in GOOD_PAGES:
        assert client.get(url).status_code == 200, url
    if broken_url:
        # Either left out (404) or served with its flaw; never an error page.
        assert client.get(broken_url).status_code in (200, 404)


def test_clean_tree_has_no_problems(clean_copy):
    failed, output = run_check(fail_level="WARNING")
    assert not failed and "no issues" in output
    assert check_library(load_library(clean_copy), site_path) == []


# (fixture file, where it is dropped, check id, line that must be named or None)
ERRORS = [
    ("yaml-error.md", "about/yaml-error.md", "content.E003", 2),
    ("tab-in-front-matter.md", "about/tab-in-front-matter.md", "content.E003", 8),
    ("unclosed-front-matter.md", "about/unclosed-front-matter.md", "content.E002", 1),
    ("no-front-matter.md", "about/no-front-matter.md", "content.E002", 1),
    ("missing-title.md", "about/missing-title.md", "content.E004", 1),
    ("unknown-key.md", "about/unknown-key.md", "content.E005", 5),
    ("title-not-text.md", "about/title-not-text.md", "content.E006", 2),
    ("order-not-a-number.md", "about/order-not-a-number.md", "content.E006", 4),
    ("impossible-date.md", "about/impossible-date.md", "content.E007", 5),
    ("date-wrong-way-round.md", "about/date-wrong-way-round.md", "content.E007", 5),
    ("next-review-before-updated.md", "about/next-review-before-updated.md", "content.E008", 6),
    ("retired-reviewed.md", "about/retired-reviewed.md", "content.E005", 5),
    ("source-as-one-line.md", "about/source-as-one-line.md", "content.E006", 7),
    ("source-without-year.md", "about/source-without-year.md", "content.E004", 7),
    ("source-address-not-https.md", "about/source-address-not-https.md", "content.E006", 7),
    ("signoff-in-future.md", "about/signoff-in-future.md", "content.E035", 11),
    ("signoff-as-text.md", "about/signoff-as-text.md", "content.E006", 11),
    ("change-without-note.md", "about/change-without-note.md", "content.E004", 11),
    ("empty.md", "about/empty.md", "content.E001", None),
    ("whitespace-only.md", "about/whitespace-only.md", "content.E001", None),
    ("bom-and-crlf-is-fine.md", "about/Bad-Name.md", "content.E009", None),
    ("bom-and-crlf-is-fine.md", "Bad_Folder/page.md", "content.E010", None),
    ("related-missing.md", "about/related-missing.md", "content.E011", 8),
    ("bom-and-crlf-is-fine.md", "new-section/page.md", "content.E012", None),
    ("duplicate-key.md", "about/duplicate-key.md", "content.E014", 5),
    ("duplicate-title.md", "about/duplicate-title.md", "content.E016", 2),
    ("skipped-heading.md", "about/skipped-heading.md", "content.E017", 16),
    ("first-heading-too-deep.md", "about/first-heading-too-deep.md", "content.E017", 12),
    ("h1-in-body.md", "about/h1-in-body.md", "content.E018", 12),
    ("broken-link.md", "about/broken-link.md", "content.E019", 14),
    ("link-to-missing-section.md", "about/link-to-missing-section.md", "content.E019", 14),
    ("link-to-md-file.md", "about/link-to-md-file.md", "content.E019", 14),
    ("broken-anchor.md", "about/broken-anchor.md", "content.E020", 14),
    ("broken-own-anchor.md", "about/broken-own-anchor.md", "content.E020", 14),
    ("image-without-alt.md", "about/image-without-alt.md", "content.E021", 14),
    ("raw-html.md", "about/raw-html.md", "content.E022", 14),
    ("script.md", "about/script.md", "content.E022", 14),
    ("javascript-link.md", "about/javascript-link.md", "content.E022", 14),
    ("summary-too-long.md", "about/summary-too-long.md", "content.E023", 3),
    ("summary-two-sentences.md", "about/summary-two-sentences.md", "content.E023", 3),
    ("summary-with-markdown.md", "about/summary-with-markdown.md", "content.E023", 3),
    ("phone-not-a-link.md", "about/phone-not-a-link.md", "content.E024", 14),
    ("emergency-number-not-a-link.md", "about/emergency-number-not-a-link.md", "content.E024", 14),
    ("tel-link-mismatch.md", "about/tel-link-mismatch.md", "content.E025", 14),
    ("tel-link-with-spaces.md", "about/tel-link-with-spaces.md", "content.E025", 14),
    ("front-matter-only.md", "about/front-matter-only.md", "content.E026", 12),
    ("bom-and-crlf-is-fine.md", "stray-page.md", "content.E027", None),
    ("notes.txt", "about/notes.txt", "content.E027", None),
    ("bom-and-crlf-is-fine.md", "about/Pain.MD", "content.E027", None),
    ("bom-and-crlf-is-fine.md", "about/more/nested-page.md", "content.E027", None),
    ("future-updated.md", "about/future-updated.md", "content.E028", 5),
    ("review-period-too-long.md", "about/review-period-too-long.md", "content.E033", 6),
    ("unknown-care-card.md", "about/unknown-care-card.md", "content.E031", 14),
    ("care-card-not-indented.md", "about/care-card-not-indented.md", "content.E032", 14),
    ("link-not-made.md", "about/link-not-made.md", "content.E019", 14),
    ("related-to-itself.md", "about/related-to-itself.md", "content.E011", 8),
    ("no-sources.md", "about/no-sources.md", "content.E004", 1),
    ("image-from-another-site.md", "about/image-from-another-site.md", "content.E030", 14),
    ("image-missing.md", "about/image-missing.md", "content.E030", 14),
]


@pytest.mark.parametrize(("fixture", "dropped", "check_id", "line"), ERRORS)
def test_each_broken_file_fails_check_and_is_named(
    clean_copy, client, fixture, dropped, check_id, line
):
    target = clean_copy / dropped
    target.parent.mkdir(parents=True, exist_ok=True)
    drop(fixture, target)

    failed, output = run_check()

    assert failed, output
    located = [row for row in output.splitlines() if f"({check_id})" in row]
    assert located, output
    shown = dropped.split("/")[0] if check_id == "content.E010" else dropped
    if check_id == "content.E012":
        shown = "new-section/_index.md"
    expected = f"{shown}:{line}:" if line else f"{shown}:"
    assert any(row.startswith(expected) for row in located), output
    assert "HINT:" in output  # every error says how to fix it
    assert_site_still_serves(client, "/" + dropped.removesuffix(".md") + "/")


@pytest.mark.parametrize(
    ("name", "raw", "words"),
    [
        ("not-utf8.md", "---\ntitle: Café\n---\nText.\n".encode("latin-1"), "UTF-8"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("utf16.md", "---\ntitle: x\n---\nText.\n".encode("utf-16"), "UTF-16"),
        ("huge.md", b"---\ntitle: Huge\n---\n" + b"word " * 250_000, "too big"),
    ],
)
def test_files_that_are_not_readable_text(clean_copy, client, name, raw, words):
    (clean_copy / "about" / name).write_bytes(raw)
    failed, output = run_check()
    assert failed and f"about/{name}" in output and words in output
    assert_site_still_serves(client, f"/about/{name.removesuffix('.md')}/")


def test_windows_file_with_bom_and_crlf_is_accepted(clean_copy, client):
    drop("bom-and-crlf-is-fine.md", clean_copy / "about" / "windows.md")
    failed, output = run_check(fail_level="WARNING")
    assert not failed, output
    store.reset()
    assert "Saved on Windows" in client.get("/about/windows/").content.decode()


def test_one_broken_file_gives_one_message_not_one_per_link_to_it(clean_copy):
    # good-page links to high-calcium in its body and in 'related'; medicines.yml does not.
    (clean_copy / "emergencies" / "high-calcium.md").write_text("---\ntitle: [\n---\n")
    library = load_library(clean_copy)
    problems = [*library.problems, *check_library(library, site_path)]
    assert [(p.id, p.path.name) for p in problems] == [("content.E003", "high-calcium.md")]


@pytest.mark.parametrize(
    ("fixture", "dropped", "check_id"),
    [
        ("overdue.md", "about/overdue.md", "content.W003"),
        ("hard-to-read.md", "about/hard-to-read.md", "content.W004"),
        ("notes.txt", "notes.txt", "content.W005"),
    ],
)
def test_warnings_pass_plain_check_but_fail_make_check(clean_copy, fixture, dropped, check_id):
    drop(fixture, clean_copy / dropped)
    failed, output = run_check()
    assert not failed and check_id in output and dropped in output
    failed, output = run_check(fail_level="WARNING")
    assert failed and check_id in output


def test_contact_number_and_tel_must_match(clean_copy):
    path = clean_copy / "contacts.yml"
    path.write_text(path.read_text().replace('tel: "08088006000"', 'tel: "08088006001"'))
    failed, output = run_check()
    assert failed and "contacts.yml:" in output and "content.E025" in output


def test_a_crashing_check_is_reported_not_raised(clean_copy, monkeypatch):
    def explode(library):
        raise RuntimeError("boom")

    monkeypatch.setattr(editor_checks, "duplicate_titles", explode)
    problems = check_library(load_library(clean_copy), site_path)
    assert [p.id for p in problems] == ["content.E013"] and "boom" in problems[0].message


def test_a_file_that_crashes_the_loader_is_left_out_and_named(clean_copy, monkeypatch, client):
    real = bodies.render_markdown

    def fragile(body):
        if "Feeling sick" in body:
            raise RecursionError("maximum recursion depth exceeded")
        return real(body)

    # The loader renders every body through portal/content/rendering/bodies.py, which calls this.
    monkeypatch.setattr(bodies, "render_markdown", fragile)
    library = load_library(clean_copy)
    crashed = next(p for p in library.problems if p.id == "content.E013")
    assert crashed.path.name == "high-calcium.md"
    assert library.topic("about", "good-page") is not None
    store.reset()
    assert client.get("/about/good-page/").status_code == 200
    assert client.get("/emergencies/high-calcium/").status_code == 404


def test_check_converts_each_file_once(clean_copy, monkeypatch):
    """The editor checks read every page again after the load; the markdown is not converted
    a second time (remembering_renders), and a server's own load remembers nothing."""
    from portal.content.rendering import markdown as rendering

    converted = []
    real = rendering._render

    def counting(body):
        converted.append(body)
        return real(body)

    monkeypatch.setattr(rendering, "_render", counting)
    run_check(fail_level="WARNING")
    files = [p for p in clean_copy.glob("*/*.md")]
    assert len(converted) == len(files) and len(set(converted)) == len(files)
    converted.clear()
    load_library(clean_copy)
    load_library(clean_copy)
    assert len(converted) == 2 * len(files)


def test_real_content_passes_every_check(real_content):
    failed, output = run_check(fail_level="WARNING")
    assert not failed, output


def test_editors_guide_is_never_a_page(clean_copy, client):
    guide = REAL_CONTENT / "README.md"
    shutil.copyfile(guide, clean_copy / "README.md")
    failed, output = run_check(fail_level="WARNING")
    assert not failed, output
    library = load_library(clean_copy)
    assert all(topic.path.name != "README.md" for topic in library.topics.values())
    store.reset()
    for url in ("/README/", "/readme/", "/README.md/"):
        assert client.get(url).status_code == 404


def test_development_server_starts_despite_content_errors(clean_copy, monkeypatch):
    drop("broken-link.md", clean_copy / "about" / "broken-link.md")
    monkeypatch.setattr("sys.argv", ["manage.py", "runserver"])
    from portal.pages.checks import content_checks

    messages = content_checks()
    assert messages and all(message.level < 40 for message in messages)  # below ERROR
    assert any(message.id == "content.E019" for message in messages)
    monkeypatch.setattr("sys.argv", ["manage.py", "check"])
    assert any(message.level >= 40 for message in content_checks())


def test_the_check_itself_never_raises(clean_copy, monkeypatch):
    def broken_loader(content_dir):
        raise PermissionError("Permission denied: 'content'")

    monkeypatch.setattr("portal.content.checks.system.load_library", broken_loader)
    failed, output = run_check()
    assert failed and "content.E013" in output and "Permission denied" in output
