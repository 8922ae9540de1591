"""The editors' desk in Chromium: the whole flow from sign-in to the public page, the
two-person rule, and two people editing one page at once.

The desk runs as its own server process (PORTAL_DESK=1, tests/desk_server/server.py); the
public site runs in this process against the same content folder, as `portal_server`. The
desk's release is the default one, HUP to the pid in PORTAL_GUNICORN_PIDFILE: here that is
this process, which reloads its content on HUP as a gunicorn master does for its workers."""

import datetime
import os
import re
import signal
import subprocess

import pytest

from portal.content.loading import store
from tests.desk_server.server import (
    PASSWORD,
    content_repository,
    desk_environment,
    desk_server,
    prepare,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(tmp_path, settings):
    content = content_repository(tmp_path / "content")
    pidfile = tmp_path / "public.pid"
    pidfile.write_text(f"{os.getpid()}\n")
    env = desk_environment(content, tmp_path / "desk.sqlite3", PORTAL_GUNICORN_PIDFILE=str(pidfile))
    prepare(env)
    settings.PORTAL_CONTENT_DIR = content
    store.reset()
    previous = signal.signal(signal.SIGHUP, lambda *args: store.reset())
    try:
        with desk_server(env, tmp_path / "desk.log") as (url, _):
            yield url, content
    finally:
        signal.signal(signal.SIGHUP, previous)
        store.reset()


def signed_in(browser, url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/desk/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/desk/")
    return page


def replace_in_editor(page, old, new):
    text = page.input_value("#id_text")
    assert old in text
    page.fill("#id_text", text.replace(old, new))
    # fill() sets the value and fires one input event, as typing does.


def test_the_whole_flow_from_edit_to_the_public_page(browser, desk, portal_server):
    url, content = desk
    edna = signed_in(browser, url, "edna")
    edna.goto(f"{url}/desk/pages/about/second/")
    replace_in_editor(edna, "Short.", "Short, and now with **what to expect** at your visit.")
    edna.fill("#id_change_note", "Added what to expect at your visit.")
    # The preview comes from the desk's server, through the public pipeline.
    edna.wait_for_selector("#preview strong:has-text('what to expect')", timeout=10000)
    edna.wait_for_selector("#save-status:has-text('Draft saved')", timeout=15000)

    # The author may be a reviewer, but cannot sign off her own change.
    edna.goto(f"{url}/desk/pages/about/second/review/")
    assert edna.locator("text=a second person must sign it off").count() == 1
    assert edna.locator("button:has-text('Sign off this version')").count() == 0

    rita = signed_in(browser, url, "rita")
    rita.goto(f"{url}/desk/pages/about/second/review/")
    assert rita.locator(".diff-added", has_text="what to expect").count() >= 1
    rita.click("button:has-text('Sign off this version')")
    rita.wait_for_selector("text=Signed off. A publisher can now publish this version.")

    edna.goto(f"{url}/desk/pages/about/second/publish/")
    assert edna.input_value("#id_note") == "Added what to expect at your visit."
    edna.click("button:has-text('Publish')")
    edna.wait_for_selector("text=The public site was told to load the new version.")

    log = subprocess.run(
        ["git", "-C", str(content), "log", "-1", "--format=%an|%s"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert log == "Edna Editor|Added what to expect at your visit."

    # A reader's own browser (cookies are per host, not per port: the desk's are on 127.0.0.1).
    reader = browser.new_context()
    public = reader.new_page()
    public.goto(f"{portal_server}/about/second/")
    public.wait_for_selector("text=what to expect", timeout=5000)
    body = public.inner_text("main")
    today = datetime.date.today()
    assert f"Checked by a clinical nurse specialist on {today:%-d %B %Y}" in body
    assert "Added what to expect at your visit." in body  # under "What changed"
    public.goto(f"{portal_server}/recent-changes/")
    assert "Added what to expect at your visit." in public.inner_text("main")
    assert reader.cookies() == []  # the public site set none
    reader.close()
    edna.context.close()
    rita.context.close()


def test_two_people_editing_one_page_see_a_conflict(browser, desk):
    url, _ = desk
    edna = signed_in(browser, url, "edna")
    colin = signed_in(browser, url, "colin")
    for page in (edna, colin):
        page.goto(f"{url}/desk/pages/emergencies/high-calcium/")
    replace_in_editor(edna, "Feeling sick", "Feeling sick (Edna's words)")
    edna.wait_for_selector("#save-status:has-text('Draft saved')", timeout=15000)
    replace_in_editor(colin, "Feeling sick", "Feeling sick (Colin's words)")
    colin.wait_for_selector("#save-status a:has-text('See both versions')", timeout=15000)
    colin.click("#save-status a")
    colin.wait_for_selector("h1:has-text('Someone else saved this page too')")
    diff = colin.inner_text(".desk-diff")
    assert "Edna's words" in diff and "Colin's words" in diff
    colin.click("button:has-text('Use my text')")
    colin.wait_for_selector("text=Both texts were seen before saving.")
    assert "Colin's words" in colin.input_value("#id_text")
    assert re.search(r"Draft version 2\b", colin.inner_text("main"))
    edna.context.close()
    colin.context.close()
