"""Readers' "Recent changes" page and Atom feed, built from the pages' change notes."""

import xml.etree.ElementTree as ET

from django.test import Client

ATOM = "{http://www.w3.org/2005/Atom}"


def add_changes(content_copy):
    path = content_copy / "about" / "second.md"
    path.write_text(
        path.read_text().replace(
            "---\n## Only heading",
            "changes:\n  - date: 2026-03-02\n    note: Added what to expect.\n"
            "  - date: 2026-01-10\n    note: New page.\n---\n## Only heading",
        )
    )
    path = content_copy / "emergencies" / "high-calcium.md"
    path.write_text(
        path.read_text().replace(
            "also_known_as:",
            "changes:\n  - date: 2026-02-14\n    note: Clearer symptoms.\nalso_known_as:",
        )
    )


def test_recent_changes_lists_every_note_newest_first(content_copy):
    add_changes(content_copy)
    response = Client().get("/recent-changes/")
    assert response.status_code == 200
    body = response.content.decode()
    first = body.index("Added what to expect.")
    second = body.index("Clearer symptoms.")
    third = body.index("New page.")
    assert first < second < third
    assert 'href="/about/second/"' in body
    assert 'href="/recent-changes/feed/"' in body
    assert not response.cookies


def test_recent_changes_feed_is_atom_with_one_entry_per_note(content_copy):
    add_changes(content_copy)
    response = Client().get("/recent-changes/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles == [
        "Second topic: Added what to expect.",
        "High calcium (hypercalcaemia): Clearer symptoms.",
        "Second topic: New page.",
    ]
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert links == {
        "http://testserver/about/second/",
        "http://testserver/emergencies/high-calcium/",
    }
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == 3
    assert not response.cookies


def test_recent_changes_with_no_notes_says_so():
    body = Client().get("/recent-changes/").content.decode()
    assert "No changes have been noted yet." in body


def test_the_printed_sheet_says_which_version_it_is():
    body = Client().get("/about/second/print/").content.decode()
    assert "as it was last updated on" in body
    assert '<time datetime="2026-01-10">10 January 2026</time>' in body
