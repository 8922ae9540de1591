"""The desk as a real server process (manage.py runserver, PORTAL_DESK=1) on a free loopback
port, with its own SQLite database, a git repository of content, and users made by
`manage.py desk_user`. For tests that kill the process or drive it from a browser while the
public site runs in the test's own process."""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
PASSWORD = "correct horse battery staple 42"  # noqa: S105 (test users only)
USERS = {
    # Edna writes and publishes, and is a reviewer too: the two-person rule still applies.
    "edna": [
        "--role",
        "editor",
        "--role",
        "publisher",
        "--role",
        "reviewer",
        "--reviewer-role",
        "Clinical nurse specialist",
        "--name",
        "Edna Editor",
    ],
    "rita": [
        "--role",
        "reviewer",
        "--reviewer-role",
        "Clinical nurse specialist",
        "--name",
        "Rita Reviewer",
    ],
    "colin": ["--role", "editor", "--name", "Colin Colleague"],
}


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, text=True
    ).stdout


def content_repository(target: Path, source: Path = FIXTURE_CONTENT, ignore=None) -> Path:
    """A copy of a content tree (the fixture tree unless told) as a git repository with one
    commit, as the desk publishes into. `ignore` is shutil.copytree's."""
    shutil.copytree(source, target, ignore=ignore)
    git(target, "init", "--quiet", "--initial-branch=main")
    git(target, "add", "-A")
    git(
        target,
        "-c",
        "user.name=Fixture",
        "-c",
        "user.email=fixture@example.invalid",
        "commit",
        "--quiet",
        "-m",
        "Fixture content",
    )
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def desk_environment(content_dir: Path, database: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PORTAL_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(
        PORTAL_DESK="1",
        PORTAL_DESK_INSECURE_COOKIES="1",  # plain http on loopback
        PORTAL_CONTENT_DIR=str(content_dir),
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


_prepared: dict[str, bytes] = {}


def prepare(env: dict[str, str]) -> None:
    """A migrated database with the test users, made the documented way (once per test run,
    then copied: the database does not depend on the content)."""
    database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    if "sqlite" not in _prepared:
        manage(env, "migrate", "--noinput", "--skip-checks")
        for username, options in USERS.items():
            manage(env, "desk_user", username, *options, "--password-stdin", stdin=PASSWORD + "\n")
        _prepared["sqlite"] = database.read_bytes()
    else:
        database.write_bytes(_prepared["sqlite"])


@contextlib.contextmanager
def desk_server(env: dict[str, str], log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    with open(log, "ab") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "runserver",
                "--noreload",
                "--skip-checks",
                f"127.0.0.1:{port}",
            ],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/desk/login/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"The desk did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


class DeskClient:
    """A person at the desk over plain HTTP: cookies kept, CSRF token taken from the pages."""

    def __init__(self, url: str):
        self.url = url
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, path, data=None, headers=None):
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def token(self, path: str) -> str:
        _, body = self.request(path)
        return body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    def sign_in(self, username: str) -> None:
        from urllib.parse import urlencode

        token = self.token("/desk/login/")
        status, _ = self.request(
            "/desk/login/",
            urlencode(
                {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
            ).encode(),
        )
        assert status == 302, f"sign-in as {username} answered {status}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
