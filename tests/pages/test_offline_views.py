"""The offline pieces Django serves: the service worker's script at /sw.js, the one site-wide
list of page versions, and the "Pages saved on this device" page."""

import json

from portal.content.loading import store
from portal.pages import offline


def test_service_worker_is_served_from_the_site_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert b'addEventListener("fetch"' in response.content
    assert not response.cookies


def test_csp_allows_our_own_worker_and_nothing_else(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_versions_list_every_page_and_the_essential_set(client):
    response = client.get("/offline/versions.json")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and response.has_header("ETag")
    data = json.loads(response.content)
    library = store.get_library()
    for topic in library.topics.values():
        entry = data["pages"][topic.url]
        assert entry["title"] == topic.title
        assert entry["updated"] == topic.updated.isoformat()
        assert entry["next_review"] == topic.next_review.isoformat()
        assert len(entry["version"]) == 16
    emergencies = library.section("emergencies")
    assert data["essential"] == [
        "/offline/",
        "/emergencies/",
        *(topic.url for topic in emergencies.topics),
        "/contacts/",
        "/print/emergency-card/",
    ]
    assert "/static/css/site.css" in data["assets"]
    # The same answer for everyone: a second reader gets the same bytes and a 304 on revalidation.
    again = client.get("/offline/versions.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_changed_page_gets_a_new_version(content_copy, client):
    before = json.loads(client.get("/offline/versions.json").content)
    path = content_copy / "about" / "second.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    store.reset()
    after = json.loads(client.get("/offline/versions.json").content)
    changed = [url for url in after["pages"] if after["pages"][url] != before["pages"].get(url)]
    assert changed == ["/about/second/"]


def test_saveable_pages_carry_their_version_and_a_hidden_offline_box(client):
    html = client.get("/about/second/").content.decode()
    version = offline.page_versions()["pages"]["/about/second/"]["version"]
    assert f'data-version="{version}"' in html
    assert "data-saveable" in html and "data-offline-status" in html
    box = html[html.index('<section class="offline-status') :]
    assert box[: box.index(">")].endswith("hidden")


def test_offline_page_works_without_javascript(client):
    html = client.get("/offline/").content.decode()
    assert "Pages saved on this device" in html
    assert "print your emergency card" in html
