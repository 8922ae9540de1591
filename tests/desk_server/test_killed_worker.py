"""Autosaved drafts survive the desk's process being killed (kill -9) and started again."""

import json
import os
import signal

from tests.desk_server.server import (
    DeskClient,
    content_repository,
    desk_environment,
    desk_server,
    prepare,
)


def test_autosaved_drafts_survive_a_killed_worker(tmp_path):
    content = content_repository(tmp_path / "content")
    env = desk_environment(content, tmp_path / "desk.sqlite3")
    prepare(env)
    text = (content / "about" / "second.md").read_text()
    with desk_server(env, tmp_path / "desk.log") as (url, process):
        client = DeskClient(url)
        client.sign_in("edna")
        token = client.token("/desk/pages/about/second/")
        version = 0
        for word in ("first", "second", "third autosave, the last before the crash"):
            status, body = client.request(
                "/desk/pages/about/second/autosave/",
                json.dumps({"text": text + f"\n{word}\n", "version": version}).encode(),
                {"Content-Type": "application/json", "X-CSRFToken": token},
            )
            assert status == 200, body
            version = json.loads(body)["version"]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL
    with desk_server(env, tmp_path / "desk.log") as (url, _):
        client = DeskClient(url)
        client.sign_in("edna")
        status, body = client.request("/desk/pages/about/second/")
        assert status == 200
        assert "third autosave, the last before the crash" in body
        assert f'name="version" value="{version}"' in body
