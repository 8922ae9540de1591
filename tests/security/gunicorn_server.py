"""gunicorn started as production starts it (gunicorn.conf.py), for tests that need the real
server: its parser, its worker class and its logs."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class Server:
    url: str
    port: int
    master: subprocess.Popen


@contextlib.contextmanager
def running_gunicorn(log_path: Path, **environment: str):
    """Yields the Server once a worker is ready; stops gunicorn (TERM) afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "PYTHONUNBUFFERED": "1",
        **environment,
    }
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while "ready:" not in log_path.read_text() and time.monotonic() < deadline:
            assert server.poll() is None, log_path.read_text()
            time.sleep(0.1)
        assert "ready:" in log_path.read_text(), log_path.read_text()
        yield Server(f"http://127.0.0.1:{port}", port, server)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
