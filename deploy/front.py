"""The production stack on loopback: gunicorn (gunicorn.conf.py) behind nginx running
deploy/nginx.conf with only its ports and folders changed.

    python -m deploy.front        what `make front` runs: both in the foreground, Ctrl-C stops both

`Front` is also what `make soak` and `make bench` start. nginx runs as the invoking user (as
root, its workers too), with its pid file, cache, temporary files and logs in a temporary
folder that is removed afterwards. The environment is passed through to gunicorn as `make serve`
passes it (PORTAL_CONTENT_DIR and the DJANGO_* variables).
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "deploy" / "nginx.conf"
HOST = "127.0.0.1"
NEEDS_NGINX = (
    "The production front needs Debian's nginx, which is not installed.\n"
    "Install it with: apt-get install nginx   (use sudo if not root)"
)


def loopback_config(root: Path, gunicorn_port: int, nginx_port: int, servers: str = "") -> str:
    """deploy/nginx.conf with ports and folders moved into `root`, plus extra server blocks."""
    text = CONFIG.read_text()
    user = "user root;\n" if os.geteuid() == 0 else ""
    replacements = [
        ("user www-data;\n", user),
        ("/var/log/nginx/", f"{root}/log/"),
        ("/var/cache/nginx/", f"{root}/cache/"),
        ("server 127.0.0.1:8000;", f"server {HOST}:{gunicorn_port};"),
        ("listen 80;", f"listen {HOST}:{nginx_port};"),
        ("http {\n", "http {\n" + _temp_paths(root)),
    ]
    for old, new in replacements:
        if old not in text:
            raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}; update {__file__}")
        text = text.replace(old, new)
    head, _, tail = text.rpartition("}")
    return f"pid {root}/nginx.pid;\n" + head + servers + "}" + tail


def _temp_paths(root: Path) -> str:
    return "".join(
        f"    {kind}_temp_path {root}/tmp/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )


def serve_environment(extra: dict | None = None) -> dict:
    """The environment as `make serve` sets it: DEBUG off, a secret and hosts if none given."""
    import secrets

    env = dict(os.environ)
    env["DJANGO_DEBUG"] = "0"
    env.setdefault("DJANGO_SECRET_KEY", "local-front-" + secrets.token_urlsafe(32))
    env.setdefault("DJANGO_ALLOWED_HOSTS", f"{HOST},localhost")
    env["PYTHONUNBUFFERED"] = "1"
    return env | (extra or {})


def get(url: str, timeout: float = 10) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310  loopback
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Front:
    """gunicorn and nginx on loopback; start() waits until the home page answers through both."""

    def __init__(
        self,
        gunicorn_port: int = 8000,
        nginx_port: int = 8080,
        env: dict | None = None,
        servers: str = "",
        log_to: Path | None = None,
    ):
        if shutil.which("nginx") is None:
            raise SystemExit(NEEDS_NGINX)
        self.gunicorn_port, self.nginx_port = gunicorn_port, nginx_port
        self.env = serve_environment(env)
        self.root = Path(tempfile.mkdtemp(prefix="portal-front-"))
        for folder in ("log", "cache", "tmp"):
            (self.root / folder).mkdir()
        self.config = self.root / "nginx.conf"
        self.config.write_text(loopback_config(self.root, gunicorn_port, nginx_port, servers))
        self.gunicorn_log = log_to
        self.gunicorn: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.nginx_port}"

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.gunicorn_port}"

    @property
    def access_log(self) -> Path:
        return self.root / "log" / "access.log"

    def start(self, timeout: float = 120) -> float:
        """Start both; seconds from gunicorn's start to the first 200 through nginx."""
        started = time.perf_counter()
        log = self.gunicorn_log.open("ab") if self.gunicorn_log else None
        self.gunicorn = subprocess.Popen(
            [str(REPO / ".venv" / "bin" / "gunicorn"), "--bind", f"{HOST}:{self.gunicorn_port}"],
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT if log else None,
            start_new_session=True,
        )
        deadline = started + timeout
        self._wait_for(self.origin, deadline)  # nginx would answer 502 until gunicorn is up
        nginx = ["nginx", "-c", str(self.config), "-p", str(self.root), "-e", "stderr"]
        subprocess.run([*nginx, "-t", "-q"], check=True)
        self.nginx = subprocess.Popen([*nginx, "-g", "daemon off;"], start_new_session=True)
        self._wait_for(self.url, deadline)
        return time.perf_counter() - started

    def _wait_for(self, base: str, deadline: float) -> None:
        while time.perf_counter() < deadline:
            for name, process in (("gunicorn", self.gunicorn), ("nginx", self.nginx)):
                if process is not None and process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"{name} stopped (exit code {process.returncode})")
            try:
                if get(base + "/") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{base} did not answer in time")

    def stop(self) -> None:
        for process, sig in ((self.nginx, signal.SIGQUIT), (self.gunicorn, signal.SIGTERM)):
            if process is None or process.poll() is not None:
                continue
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "Front":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> int:
    gunicorn_port = int(os.environ.get("PORT") or 8000)
    nginx_port = int(os.environ.get("FRONT_PORT") or 8080)
    front = Front(gunicorn_port, nginx_port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        front.start()
        print(
            f"\nThe production stack is up: {front.url}/ (nginx, deploy/nginx.conf) in front "
            f"of {front.origin}/ (gunicorn). nginx's access log: {front.access_log}\n"
            "Ctrl-C stops both.",
            flush=True,
        )
        while front.gunicorn.poll() is None and front.nginx.poll() is None:
            time.sleep(0.5)
        print("gunicorn or nginx stopped; stopping the other.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        front.stop()


if __name__ == "__main__":
    sys.exit(main())
