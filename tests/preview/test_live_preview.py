"""Development preview: a broken page explains itself in DEBUG; production keeps its 404."""

from pathlib import Path

import pytest
from django.test import Client

from portal.content.loading import store
from portal.content.loading.loader import load_library
from portal.preview import apps as preview_apps
from portal.preview.middleware import problems_for_path
from tests.content.content_trees import copy_clean

MIDDLEWARE = "portal.preview.middleware.ContentErrorMiddleware"


@pytest.fixture
def broken_copy(settings, tmp_path):
    target = tmp_path / "content"
    copy_clean(target)
    (target / "emergencies" / "high-calcium.md").write_text(
        "---\ntitle: High calcium\nsumary: typo\n---\nText.\n"
    )
    settings.PORTAL_CONTENT_DIR = target
    store.reset()
    return target


def test_debug_shows_file_line_and_fix_for_a_broken_page(broken_copy, settings, client):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    response = client.get("/emergencies/high-calcium/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "emergencies/high-calcium.md:3" in page
    assert "Unknown front matter key" in page and "Did you mean" in page
    assert client.get("/about/good-page/").status_code == 200
    assert client.get("/no-such-section/nothing/").status_code == 404  # plain typo: plain 404


def test_production_keeps_the_plain_404(broken_copy, settings, client):
    settings.DEBUG = False
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]  # refuses itself without DEBUG
    response = client.get("/emergencies/high-calcium/")
    assert response.status_code == 404
    assert "high-calcium.md" not in response.content.decode()
    assert client.get("/about/good-page/").status_code == 200


def test_problems_for_path_matches_files_and_folders(broken_copy):
    (broken_copy / "about" / "Pain.md").write_text("---\ntitle: Pain\n---\n")
    library = load_library(broken_copy)
    assert [p.path.name for p in problems_for_path(library, "/about/pain/")] == ["Pain.md"]
    assert problems_for_path(library, "/about/no-such-page/") == []
    assert [p.id for p in problems_for_path(library, "/emergencies/high-calcium/print/")] == [
        "content.E005"
    ]


def test_saving_a_content_file_reloads_the_browser_not_the_server(broken_copy, monkeypatch):
    reloads = []
    monkeypatch.setattr(
        "django_browser_reload.views.trigger_reload_soon", lambda: reloads.append(1)
    )
    assert preview_apps.on_file_changed(file_path=broken_copy / "about" / "good-page.md") is True
    assert reloads == [1]
    assert preview_apps.on_file_changed(file_path=Path("/elsewhere/views.py")) is None


def test_debug_page_that_loads_but_fails_a_check_shows_a_notice(broken_copy, settings, client):
    page = broken_copy / "about" / "good-page.md"
    page.write_text(page.read_text().replace("[0808 800 6000](tel:08088006000)", "0808 800 6000"))
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    response = client.get("/about/good-page/")
    html = response.content.decode()
    assert response.status_code == 200 and "For the editor" in html
    assert "about/good-page.md:" in html and "content.E024" in html
    settings.DEBUG = False
    store.reset()
    production = Client()  # a fresh handler: the middleware refuses to load without DEBUG
    assert "For the editor" not in production.get("/about/good-page/").content.decode()
