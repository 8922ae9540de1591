"""Soak test of the production stack under load, faults and hostile clients (`make soak`).

Starts the front as `make front` does (deploy/front.py: nginx with deploy/nginx.conf in front
of gunicorn with gunicorn.conf.py) on free loopback ports, DEBUG off, with a temporary copy of
content/, then reports:

1. steady load through the front: wrk, 50 connections, every page: errors, p50/p99;
2. `kill -9` of one gunicorn worker during load: requests lost;
3. `kill -HUP` of the master during load: requests lost;
4. a content file made invalid, then HUP: every other page still 200, the bad file logged;
5. releases refused: the content folder moved away, then a FIFO in it, each with a HUP: every
   page still 200 from gunicorn itself, the log says why;
6. slow clients while wrk keeps loading the front from another address: heads sent a byte a
   second, bodies trickled a byte a second, idle connections. None of them reaches gunicorn
   (its connections are counted), one address's bodies are capped by limit_conn, heads and
   idle connections are closed by nginx's timeout, and the normal load keeps its pace;
7. oversized and numerous headers: a 4xx from nginx, never a 500;
8. privacy: a search term sent in query strings never reaches nginx's or gunicorn's log.

Exits 0 only when every figure meets its target; writes bench/results/soak.md.
Bounded: about three minutes, and every child process is stopped on the way out.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from deploy.front import Front

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"
CONNECTIONS = 50
STEADY_SECONDS = 20
FAULT_SECONDS = 15
FAULT_AFTER = 5  # seconds into a fault run before the signal is sent
SLOW_SECONDS = 25
SECRET_TERM = "soaksecretterm"
LOAD_TIMEOUT = 5  # PORTAL_CONTENT_LOAD_TIMEOUT for this run, so the FIFO case is quick
# Slow clients come from other loopback addresses than the normal load (127.0.0.1), as a
# hostile client and readers would on the internet.
SLOW_HEADS = ("127.0.0.2", 200)
SLOW_BODIES = ("127.0.0.3", 100)
IDLE = ("127.0.0.4", 500)
PER_ADDRESS_LIMIT = 64  # limit_conn per_address in deploy/nginx.conf

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
            f"latency p50 {self.p50ms:.1f} ms, p99 {self.p99ms:.1f} ms"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def raw_status(port: int, request: bytes) -> int:
    """The status nginx answers to a hand-made request (0 if it only closed)."""
    with socket.create_connection((HOST, port), timeout=10) as raw:
        try:
            raw.sendall(request)
        except OSError:
            pass
        try:
            first = raw.recv(64)
        except OSError:
            return 0
    match = re.match(rb"HTTP/1\.[01] (\d{3})", first)
    return int(match.group(1)) if match else 0


def run_wrk(url: str, script: Path, seconds: int) -> subprocess.Popen:
    return subprocess.Popen(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s",
         str(script), url + "/"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


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


class Stack:
    """The front, and what the soak needs to see of gunicorn behind it."""

    def __init__(self, content_dir: Path, workdir: Path):
        self.log_path = workdir / "gunicorn.log"
        self.front = Front(
            free_port(),
            free_port(),
            env={
                "PORTAL_CONTENT_DIR": str(content_dir),
                "PORTAL_CONTENT_LOAD_TIMEOUT": str(LOAD_TIMEOUT),
                "DJANGO_ALLOWED_HOSTS": HOST,
            },
            log_to=self.log_path,
        )

    @property
    def master(self) -> int:
        return self.front.gunicorn.pid

    def workers(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.master)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]

    def origin_connections(self) -> int:
        """Established TCP connections to gunicorn's port (each counted once, server side)."""
        listing = subprocess.run(
            ["ss", "-tnH", "state", "established", f"( sport = :{self.front.gunicorn_port} )"],
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        return len(listing.splitlines())

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_new_generation(self, old: set[int], timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.workers()
            log = self.log()
            ready = all(f"worker {pid} ready" in log for pid in current)
            if current and not old & set(current) and len(current) >= len(old) and ready:
                return
            time.sleep(0.2)
        raise SystemExit("old workers were not replaced in time")

    def wait_for_log(self, text: str, since: int, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log()[since:]:
                return self.log()[since:]
            time.sleep(0.2)
        raise SystemExit(f"{text!r} did not appear in gunicorn's log")


def topic_paths(base: str) -> list[str]:
    status, body = get(base + "/api/topics/")
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


# --- slow clients ----------------------------------------------------------------------------


class SlowClients:
    """Many sockets from one address, each fed `chunks` one piece a second until nginx closes
    it or the time is up. Records when each was closed and what nginx answered."""

    def __init__(self, address: str, count: int, port: int, head: bytes, chunks: list[bytes]):
        self.address, self.count, self.port = address, count, port
        self.head, self.chunks = head, chunks
        self.sockets: list[socket.socket] = []
        self.closed_after: list[float] = []
        self.statuses: dict[int, int] = {}
        self.refused = 0

    def open(self) -> None:
        for _ in range(self.count):
            sock = socket.socket()
            sock.bind((self.address, 0))
            sock.setblocking(True)
            sock.settimeout(5)
            try:
                sock.connect((HOST, self.port))
                if self.head:
                    sock.sendall(self.head)
                sock.setblocking(False)
                self.sockets.append(sock)
            except OSError:
                self.refused += 1
                sock.close()

    def run(self, seconds: float) -> None:
        started = time.monotonic()
        live = {sock: 0 for sock in self.sockets}
        while live and time.monotonic() - started < seconds:
            for sock in list(live):
                try:
                    answer = sock.recv(256)
                except BlockingIOError:
                    answer = None
                except OSError:
                    answer = b""
                if answer is not None:  # nginx answered or closed: this client is done
                    match = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
                    status = int(match.group(1)) if match else 0
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                    self.closed_after.append(time.monotonic() - started)
                    sock.close()
                    del live[sock]
                    continue
                index = live[sock]
                if index < len(self.chunks):
                    try:
                        sock.send(self.chunks[index])
                        live[sock] = index + 1
                    except OSError:
                        pass
            time.sleep(1)
        self.still_open = len(live)
        for sock in live:
            sock.close()

    def summary(self) -> str:
        statuses = ", ".join(
            f"{count} x {status or 'closed without answer'}"
            for status, count in sorted(self.statuses.items())
        )
        closed = (
            f"closed by nginx after {min(self.closed_after):.0f} to {max(self.closed_after):.0f} s"
            if self.closed_after
            else "none closed"
        )
        return (
            f"{self.count} from {self.address}: {closed} ({statuses or 'no answers'}); "
            f"still open at the end {self.still_open}"
        )


def slow_clients(stack: Stack, script: Path) -> list[tuple[str, bool, str]]:
    port = stack.front.nginx_port
    heads = SlowClients(
        SLOW_HEADS[0], SLOW_HEADS[1], port, b"G",
        [bytes([c]) for c in b"ET /slow-head/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "]
        + [b"a"] * 100,
    )  # fmt: skip
    # Not to /feedback/, whose limit_req would refuse most of them first: this shows limit_conn.
    body_head = (
        b"POST /slow-body/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    )
    bodies = SlowClients(SLOW_BODIES[0], SLOW_BODIES[1], port, body_head, [b"a"] * 1000)
    idle = SlowClients(IDLE[0], IDLE[1], port, b"", [])
    groups = (heads, bodies, idle)
    for group in groups:
        group.open()
    threads = [threading.Thread(target=g.run, args=(SLOW_SECONDS,)) for g in groups]
    for thread in threads:
        thread.start()
    peak = [0]

    def watch() -> None:
        while any(thread.is_alive() for thread in threads):
            peak[0] = max(peak[0], stack.origin_connections())
            time.sleep(0.5)

    watcher = threading.Thread(target=watch)
    watcher.start()
    time.sleep(1)
    loaded = wrk_result(run_wrk(stack.front.url, script, SLOW_SECONDS - 5), SLOW_SECONDS - 5)
    for thread in (*threads, watcher):
        thread.join()
    reached = sum(stack.log().count(path) for path in ("/slow-head/", "/slow-body/"))
    accepted_bodies = bodies.count - bodies.statuses.get(429, 0) - bodies.refused
    return [
        (
            "slow heads (a byte a second)",
            heads.still_open == 0 and max(heads.closed_after, default=99) <= 13,
            heads.summary(),
        ),
        (
            "bodies trickled a byte a second, one address",
            accepted_bodies <= PER_ADDRESS_LIMIT and bodies.statuses.get(429, 0) > 0,
            f"{bodies.summary()}; held by nginx at once: {accepted_bodies} "
            f"(limit {PER_ADDRESS_LIMIT})",
        ),
        ("idle connections", idle.still_open == 0, idle.summary()),
        (
            "no slow client reaches gunicorn",
            reached == 0 and peak[0] <= 16 + CONNECTIONS,
            f"their requests in gunicorn's log: {reached}; connections to gunicorn at most "
            f"{peak[0]} (nginx's keep-alive pool and the normal load's misses)",
        ),
        (
            "normal load from another address meanwhile",
            loaded.socket_errors == 0 and loaded.non2xx == 0,
            loaded.line(),
        ),
    ]


# --- the run ---------------------------------------------------------------------------------


def main() -> int:
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            print(f"make soak needs {tool}: apt-get install {tool}", file=sys.stderr)
            return 2
    results: list[tuple[str, bool, str]] = []
    workdir = Path(tempfile.mkdtemp(prefix="portal-soak-"))
    content_dir = workdir / "content"
    shutil.copytree(ROOT / "content", content_dir)
    stack = Stack(content_dir, workdir)
    front = stack.front
    wrk = None
    try:
        front.start()
        paths = topic_paths(front.url)
        script = workdir / "rotate.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
        workers = stack.workers()
        print(f"front on {front.url}, gunicorn on {front.origin}: {len(workers)} workers, "
              f"{len(paths)} pages in rotation", flush=True)  # fmt: skip

        # 1. Steady load.
        steady = wrk_result(run_wrk(front.url, script, STEADY_SECONDS), STEADY_SECONDS)
        ok = steady.socket_errors == 0 and steady.non2xx == 0
        results.append((f"steady load, {CONNECTIONS} connections, {STEADY_SECONDS} s", ok,
                        steady.line()))  # fmt: skip

        # 2. kill -9 one worker during load.
        wrk = run_wrk(front.url, script, FAULT_SECONDS)
        time.sleep(FAULT_AFTER)
        os.kill(stack.workers()[0], signal.SIGKILL)
        killed = wrk_result(wrk, FAULT_SECONDS)
        time.sleep(2)
        lost = killed.socket_errors + killed.non2xx
        count = len(stack.workers())
        ok = lost == 0 and count == len(workers)
        results.append(("kill -9 of one worker during load", ok,
                        f"{killed.line()}; lost {lost}; {count} workers afterwards"))  # fmt: skip

        # 3. kill -HUP of the master during load.
        wrk = run_wrk(front.url, script, FAULT_SECONDS)
        time.sleep(FAULT_AFTER)
        before = set(stack.workers())
        os.kill(stack.master, signal.SIGHUP)
        stack.wait_for_new_generation(before)
        hup = wrk_result(wrk, FAULT_SECONDS)
        ok = hup.socket_errors == 0 and hup.non2xx == 0
        results.append(("kill -HUP of the master during load", ok, hup.line()))

        # 4. An invalid content file, then HUP: the rest keeps serving, the file is logged.
        since = len(stack.log())
        victim_file, victim_path = break_a_file(content_dir)
        before = set(stack.workers())
        os.kill(stack.master, signal.SIGHUP)
        stack.wait_for_new_generation(before)
        statuses = {path: get(front.origin + path)[0] for path in paths}
        failing = {p: s for p, s in statuses.items() if s != 200 and p != victim_path}
        gone = get(front.origin + victim_path)[0]
        named = str(victim_file.relative_to(content_dir)) in stack.log()[since:]
        ok = not failing and gone == 404 and named
        results.append((
            "invalid content file, then HUP", ok,
            f"{len(statuses) - 1} other pages: {len(statuses) - 1 - len(failing)} answer 200"
            f"{' ' + str(failing) if failing else ''}; {victim_path} answers {gone}; "
            f"log names {victim_file.relative_to(content_dir)}: {'yes' if named else 'no'}",
        ))  # fmt: skip
        served = [p for p in paths if p != victim_path]

        # 5. Releases refused: the folder moved away; a FIFO in it.
        for name, spoil, mend in (
            ("content folder moved away, then HUP",
             lambda: content_dir.rename(workdir / "moved"),
             lambda: (workdir / "moved").rename(content_dir)),
            ("a FIFO in the content folder, then HUP",
             lambda: os.mkfifo(content_dir / "treatments" / "stuck.md"),
             lambda: (content_dir / "treatments" / "stuck.md").unlink()),
        ):  # fmt: skip
            since = len(stack.log())
            spoil()
            hup_at = time.monotonic()
            os.kill(stack.master, signal.SIGHUP)
            answered = [get(front.origin + "/")[0] for _ in range(5)]  # while the master waits
            log = stack.wait_for_log("ready:", since, timeout=LOAD_TIMEOUT + 60)
            took = time.monotonic() - hup_at
            reason = re.search(r"content release refused: (.*)", log)
            skipped = "stuck.md" in log and reason is None
            statuses = {path: get(front.origin + path)[0] for path in served}
            good = sum(1 for s in statuses.values() if s == 200)
            ok = (
                good == len(statuses) and (reason is not None or skipped) and set(answered) == {200}
            )
            results.append((
                name, ok,
                f"{good} of {len(statuses)} pages answer 200 from gunicorn afterwards, "
                f"{answered.count(200)} of 5 during the reload; new workers after {took:.1f} s; "
                + (f"log: refused: {reason.group(1)}" if reason else "log names stuck.md"),
            ))  # fmt: skip
            mend()

        # 6. Slow clients, with normal load from another address.
        results += slow_clients(stack, script)

        # 7. Oversized and numerous headers.
        port = front.nginx_port
        cases = {
            "a 9 KB header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
            + b"a" * 9000 + b"\r\n\r\n",
            "a 40 KB head of 5 KB headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + b"".join(b"X-%d: " % n + b"a" * 5000 + b"\r\n" for n in range(8)) + b"\r\n",
            "a 9 KB request line": b"GET /?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            "a 20 KB body": b"POST /feedback/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Length: 20000\r\n\r\n" + b"a" * 20000,
            "300 small headers (dropped by nginx, not passed on)": b"GET /about/ HTTP/1.1\r\n"
            b"Host: 127.0.0.1\r\n" + b"".join(b"X-%d: 1\r\n" % n for n in range(300)) + b"\r\n",
        }  # fmt: skip
        since = len(stack.log())
        answers = {name: raw_status(port, request) for name, request in cases.items()}
        errors_5xx = re.findall(r'" 5\d\d ', stack.log()[since:])
        ok = (
            all(400 <= status < 500 for name, status in answers.items() if "300" not in name)
            and answers[next(n for n in cases if "300" in n)] == 200
            and not errors_5xx
        )
        results.append(("oversized and numerous headers", ok,
                        "; ".join(f"{n}: {s}" for n, s in answers.items())
                        + f"; 5xx in gunicorn's log: {len(errors_5xx)}"))  # fmt: skip

        # 8. Privacy: a search term must not reach any log.
        for path in ("/search/", "/", "/no-such-page/", paths[-1]):
            get(f"{front.url}{path}?q={SECRET_TERM}&page=2")
        time.sleep(6)  # nginx writes its access log in blocks, at least every 5 s
        access = front.access_log.read_text()
        logged = "/no-such-page/" in access and "/no-such-page/" in stack.log()
        leaked = SECRET_TERM in stack.log() + access
        addresses = re.search(r"127\.0\.0\.\d", access) is not None
        results.append((
            "search terms and addresses kept out of the logs",
            logged and not leaked and not addresses,
            f"'{SECRET_TERM}' in nginx's or gunicorn's log: {'YES' if leaked else 'no'}; "
            f"client addresses in nginx's access log: {'YES' if addresses else 'no'}",
        ))  # fmt: skip
    finally:
        if wrk is not None and wrk.poll() is None:
            wrk.kill()
        front.stop()

    lines = [f"{'PASS' if ok else 'FAIL'}  {name}: {detail}" for name, ok, detail in results]
    print("\n" + "\n".join(lines))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "soak.md").write_text(
        f"`make soak`, {time.strftime('%Y-%m-%d %H:%M')}, load average at the end {load}\n\n"
        "| check | result | figures |\n| --- | --- | --- |\n"
        + "".join(f"| {name} | {'pass' if ok else '**FAIL**'} | {detail} |\n"
                  for name, ok, detail in results)
    )  # fmt: skip
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
