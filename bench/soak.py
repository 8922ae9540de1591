"""Soak test of the production server under load and faults (`make soak`; never part of tests).

Starts gunicorn through gunicorn.conf.py on a free loopback port, DEBUG off, with a generated
secret and a temporary copy of content/ (PORTAL_CONTENT_DIR), then reports:

1. steady load: wrk, 50 connections for 30 s, over every page: errors and non-2xx;
2. `kill -9` of one worker during load: requests lost, against connections that worker held;
3. `kill -HUP` of the master during load: requests lost;
4. a content file made invalid, then HUP: every other page still 200, the bad file logged;
5. privacy: a search term sent in query strings never reaches the logs.

Exits 0 only when every figure meets its target. Bounded: about two minutes, and every child
process is stopped on the way out, whatever happens.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CONNECTIONS = 50
STEADY_SECONDS = 30
FAULT_SECONDS = 20
FAULT_AFTER = 6  # seconds into a fault run before the signal is sent
SECRET_TERM = "soaksecretterm"
THREADS = int(os.environ.get("GUNICORN_THREADS") or 1)  # requests a worker serves at once

WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
local counter = 0
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("SOAK requests=%%d non2xx=%%d connect=%%d read=%%d write=%%d "
    .. "status=%%d timeout=%%d p50ms=%%.1f p99ms=%%.1f\\n", summary.requests, total,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


@dataclass
class WrkResult:
    requests: int
    non2xx: int
    socket_errors: int
    p50ms: float
    p99ms: float
    seconds: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def line(self) -> str:
        return (
            f"{self.requests} requests in {self.seconds} s ({self.rate:.0f}/s), "
            f"socket errors {self.socket_errors}, non-2xx {self.non2xx}, "
            f"latency p50 {self.p50ms:.0f} ms, p99 {self.p99ms:.0f} ms"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as production runs it, with its log captured to a file we can read."""

    def __init__(self, content_dir: Path, workdir: Path):
        self.port = free_port()
        self.log_path = workdir / "gunicorn.log"
        self.env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "PORTAL_CONTENT_DIR": str(content_dir),
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "PYTHONUNBUFFERED": "1",
        }
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready()

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited early; see {self.log_path}")
            workers, log = self.workers(), self.log()
            ready = all(f"worker {pid} ready" in log for pid in workers)
            if workers and ready and get(self.url + "/")[0] == 200:
                return
            time.sleep(0.2)
        raise SystemExit("gunicorn did not become ready in time")

    def workers(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]

    def connections_of(self, pid: int) -> int:
        listing = subprocess.run(
            ["ss", "-tnpH", "state", "established", f"( sport = :{self.port} )"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return sum(1 for line in listing.splitlines() if f"pid={pid}," in line)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def signal_master(self, sig: int) -> None:
        os.kill(self.process.pid, sig)

    def wait_for_new_generation(self, old: set[int], timeout: float = 90) -> list[int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.workers()
            if current and not old & set(current) and len(current) >= len(old):
                return current
            time.sleep(0.2)
        raise SystemExit("old workers were not replaced in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=35)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def run_wrk(server: Server, script: Path, seconds: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            "wrk",
            f"-t{min(4, os.cpu_count() or 2)}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            server.url + "/",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wrk_result(process: subprocess.Popen, seconds: int) -> WrkResult:
    output, _ = process.communicate(timeout=seconds + 30)
    match = re.search(
        r"SOAK requests=(\d+) non2xx=(\d+) connect=(\d+) read=(\d+) write=(\d+) "
        r"status=(\d+) timeout=(\d+) p50ms=([\d.]+) p99ms=([\d.]+)",
        output,
    )
    if not match:
        raise SystemExit("could not read wrk's output:\n" + output)
    numbers = [float(value) for value in match.groups()]
    return WrkResult(
        requests=int(numbers[0]),
        non2xx=int(numbers[1]),
        socket_errors=int(sum(numbers[2:5]) + numbers[6]),
        p50ms=numbers[7],
        p99ms=numbers[8],
        seconds=seconds,
    )


def topic_paths(server: Server) -> list[str]:
    status, body = get(server.url + "/api/topics/")
    if status != 200:
        raise SystemExit(f"/api/topics/ answered {status}")
    topics = [item["url"] for item in json.loads(body)["results"]]
    sections = sorted({"/" + url.strip("/").split("/")[0] + "/" for url in topics})
    return ["/", "/contacts/", *sections, *topics]


def break_a_file(content_dir: Path) -> tuple[Path, str]:
    """Make one topic's front matter invalid YAML; return the file and its page's path."""
    victim = sorted(content_dir.glob("treatments/[!_]*.md"))[0]
    lines = victim.read_text().splitlines(keepends=True)
    lines.insert(1, "summary: [this list is never closed\n")
    victim.write_text("".join(lines))
    return victim, f"/{victim.parent.name}/{victim.stem}/"


def main() -> int:
    if shutil.which("wrk") is None:
        print("make soak needs wrk, the HTTP load generator: apt-get install wrk", file=sys.stderr)
        return 2
    results: list[tuple[str, bool, str]] = []
    workdir = Path(tempfile.mkdtemp(prefix="portal-soak-"))
    content_dir = workdir / "content"
    shutil.copytree(ROOT / "content", content_dir)
    server = Server(content_dir, workdir)
    wrk = None
    try:
        server.start()
        paths = topic_paths(server)
        script = workdir / "rotate.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
        workers = server.workers()
        print(f"gunicorn on {server.url}: {len(workers)} workers, {len(paths)} pages in rotation")

        # 1. Steady load.
        steady = wrk_result(run_wrk(server, script, STEADY_SECONDS), STEADY_SECONDS)
        ok = steady.socket_errors == 0 and steady.non2xx == 0
        results.append(("steady load, 50 connections, 30 s", ok, steady.line()))

        # 2. kill -9 one worker during load.
        wrk = run_wrk(server, script, FAULT_SECONDS)
        time.sleep(FAULT_AFTER)
        # The busiest worker, so the figure shows what a crash costs at its worst. A sync
        # worker serves one request at a time, so it always may have one in flight.
        held, victim = max((server.connections_of(pid), pid) for pid in server.workers())
        held = max(held, server.connections_of(victim), THREADS)
        os.kill(victim, signal.SIGKILL)
        killed = wrk_result(wrk, FAULT_SECONDS)
        after = get(server.url + "/")[0]
        lost = killed.socket_errors + killed.non2xx
        ok = lost <= held and after == 200 and len(server.workers()) == len(workers)
        results.append(
            (
                "kill -9 of one worker during load",
                ok,
                f"{killed.line()}; lost {lost}, at most {held} in flight on that worker "
                f"(its connections, or its {THREADS} thread(s)); afterwards / answers {after} "
                f"with {len(server.workers())} workers",
            )
        )

        # 3. kill -HUP of the master during load.
        wrk = run_wrk(server, script, FAULT_SECONDS)
        time.sleep(FAULT_AFTER)
        before = set(server.workers())
        server.signal_master(signal.SIGHUP)
        server.wait_for_new_generation(before)
        hup = wrk_result(wrk, FAULT_SECONDS)
        ok = hup.socket_errors == 0 and hup.non2xx == 0
        results.append(("kill -HUP of the master during load", ok, hup.line()))

        # 4. An invalid content file, then HUP: the rest keeps serving, the file is logged.
        log_before = len(server.log())
        victim_file, victim_path = break_a_file(content_dir)
        before = set(server.workers())
        server.signal_master(signal.SIGHUP)
        server.wait_for_new_generation(before)
        server.wait_ready()
        statuses = {path: get(server.url + path)[0] for path in paths}
        failing = {p: s for p, s in statuses.items() if s != 200 and p != victim_path}
        gone = get(server.url + victim_path)[0]
        new_log = server.log()[log_before:]
        named = str(victim_file.relative_to(content_dir)) in new_log
        ok = not failing and gone == 404 and named
        results.append(
            (
                "invalid content file, then HUP",
                ok,
                f"{len(statuses) - 1} other pages: {len(statuses) - 1 - len(failing)} answer 200"
                f"{' ' + str(failing) if failing else ''}; {victim_path} answers {gone}; "
                f"log names {victim_file.relative_to(content_dir)}: {'yes' if named else 'no'}",
            )
        )

        # 5. Privacy: a search term must not reach any log.
        for path in ("/search/", "/", "/no-such-page/", paths[-1]):
            get(f"{server.url}{path}?q={SECRET_TERM}&page=2")
        time.sleep(1)
        leaked = SECRET_TERM in server.log()
        results.append(
            (
                "search term kept out of the logs",
                not leaked,
                f"'{SECRET_TERM}' in access/error log: {'YES' if leaked else 'no'}",
            )
        )
    finally:
        if wrk is not None and wrk.poll() is None:
            wrk.kill()
        server.stop()

    print()
    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
    bad_lines = [line for line in server.log().splitlines() if "content" in line and "E0" in line]
    if bad_lines:
        print("\nlogged content problem:", bad_lines[0].strip())
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
