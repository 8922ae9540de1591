"""Slugs and sections: only pages inside the content folder, by the loader's own rule."""

import pytest

from portal.desk.content import current_library
from portal.desk.pages import INDEX, NotAPage, page_ref

HOSTILE = [
    "../etc",
    "..",
    "/etc/passwd",
    "about/../../x",
    "%2e%2e",
    "..%2f..%2fetc",
    "a\x00b",
    "x" * 300,
    "Bone-Pain",
    "bone pain",
    "-leading",
    "double--hyphen",
    "",
    "_index.md",
    "what-it-is.md",
    "\\windows",
]


@pytest.mark.parametrize("slug", HOSTILE)
def test_hostile_slugs_are_refused(content_repo, slug):
    library = current_library()
    with pytest.raises(NotAPage):
        page_ref(library, "about", slug, allow_new=True)


@pytest.mark.parametrize("section", [*HOSTILE, "desk", "static", "not-a-section"])
def test_hostile_or_unknown_sections_are_refused(content_repo, section):
    library = current_library()
    with pytest.raises(NotAPage):
        page_ref(library, section, "bone-pain", allow_new=True)


def test_a_good_new_slug_names_a_file_in_its_section(content_repo):
    ref = page_ref(current_library(), "about", "bone-pain", allow_new=True)
    assert ref.path(content_repo) == content_repo.resolve() / "about" / "bone-pain.md"
    index = page_ref(current_library(), "about", INDEX)
    assert index.path(content_repo) == content_repo.resolve() / "about" / "_index.md"


def test_an_existing_page_is_required_unless_new(content_repo):
    with pytest.raises(NotAPage, match="no page"):
        page_ref(current_library(), "about", "bone-pain")


@pytest.mark.parametrize(
    "path",
    [
        "/desk/pages/about/..%2F..%2Fetc/",
        "/desk/pages/about/%2e%2e/",
        "/desk/pages/about/a%00b/",
        "/desk/pages/..%2Fabout/second/",
        f"/desk/pages/about/{'x' * 300}/",
        "/desk/pages/about/Second/history/",
        "/desk/pages/about/second/history/..%2F..%2F/",
    ],
)
def test_hostile_paths_get_a_clear_404_and_touch_nothing(content_repo, editor, client_for, path):
    before = sorted(p.name for p in content_repo.rglob("*") if ".git" not in p.parts)
    response = client_for(editor).get(path)
    assert response.status_code in (400, 404)
    assert b"Traceback" not in response.content
    after = sorted(p.name for p in content_repo.rglob("*") if ".git" not in p.parts)
    assert before == after


@pytest.mark.parametrize("slug", ["../../evil", "/tmp/evil", "a\x00b", "x" * 300, "Evil"])
def test_new_page_form_refuses_hostile_slugs(content_repo, editor, client_for, slug, tmp_path):
    response = client_for(editor).post(
        "/desk/new/", {"section": "about", "slug": slug, "title": "Evil"}
    )
    assert response.status_code == 400
    assert not list(tmp_path.rglob("evil*"))
    assert not list(content_repo.rglob("*vil*"))
