"""The benchmark behind `make bench`: what readers and operators feel, on loopback.

    python -m bench                  everything, then Lighthouse if Node is there
    python -m bench --quick          fewer and shorter runs, for trying the benchmark itself
    python -m bench --no-lighthouse

1. Through the front: the production stack as `make front` runs it (deploy/front.py), a topic
   page answered by nginx's cache, against the same bytes from nginx as a static file, in the
   same run: rounds interleaved, the ratio taken within each round.
2. The origin alone: gunicorn (gunicorn.conf.py) under 50 connections, a topic page and a
   search results page: requests a second, errors, p99 latency.
3. In-process timings (pytest-benchmark, bench/test_inprocess.py): content load, search index,
   a page rendered by Django, search p95 over the relevance query set.
4. Start-up: gunicorn's start to the first page through the front; worker memory.
5. Page weight through the front, and Lighthouse (bench/lighthouse.py).

Figures go to bench/results/latest.json and latest.md (one table); never into code.
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import desk, lighthouse, table, weight
from deploy.front import Front, get

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
RESULTS = REPO / "bench" / "results"
HOST = "127.0.0.1"
TOPIC_PATH = "/treatments/chemotherapy/"
SEARCH_PATH = "/search/?q=chemotherapy"
# Lighthouse measures both search pages readers see: the search page (an empty search, indexable)
# and a results page, which is noindex on purpose, so its SEO score can only miss is-crawlable.
LIGHTHOUSE_PAGES = {"home": "/", "topic": TOPIC_PATH, "search": "/search/",
                    "search results": SEARCH_PATH}  # fmt: skip
NOINDEX_BY_DESIGN = {"search results"}
PAGES = {"home": "/", "section": "/treatments/", "topic": TOPIC_PATH, "search": SEARCH_PATH,
         "contacts": "/contacts/"}  # fmt: skip
ORIGIN_CONNECTIONS = 50
# Under limit_conn per_address in deploy/nginx.conf: wrk is one address.
FRONT_CONNECTIONS = 32


class Settings:
    def __init__(self, quick: bool):
        self.rounds = 2 if quick else 9  # a round moves by +-15 % on 2 shared cores
        self.duration = 2 if quick else 3
        self.origin_duration = 3 if quick else 10
        self.startups = 1 if quick else 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def wrk(url: str, connections: int, seconds: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
         url],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99_ms": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(int(n) for n in errors.groups()) if errors else 0),
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def static_server(root: Path, port: int, access_log: Path) -> str:
    """A server block for the front's nginx: the topic page's bytes as a plain file.

    It logs each request as the front does (the same format and buffering), as a production
    file server would, so the ratio compares a cache hit with a file, not logging with none."""
    return (
        f"    server {{\n        listen {HOST}:{port};\n        root {root};\n"
        f"        access_log {access_log} portal buffer=64k flush=5s;\n"
        "        location / { default_type text/html; }\n    }\n"
    )


def through_the_front(front: Front, static_url: str, settings: Settings) -> dict:
    page = front.url + TOPIC_PATH
    get(page)  # into the cache
    samples: dict[str, list[dict]] = {"static": [], "front": []}
    for _ in range(settings.rounds):
        samples["static"].append(wrk(static_url, FRONT_CONNECTIONS, settings.duration))
        samples["front"].append(wrk(page, FRONT_CONNECTIONS, settings.duration))
    static = [r["rps"] for r in samples["static"]]
    front_rps = [r["rps"] for r in samples["front"]]
    return {
        "static_rps": median(static),
        "front_rps": median(front_rps),
        "ratio": median([a / b for a, b in zip(front_rps, static, strict=True)]),
        "ratios": [round(a / b, 3) for a, b in zip(front_rps, static, strict=True)],
        "errors": sum(r["errors"] for r in samples["front"]),
        "front_p99_ms": max(r["p99_ms"] for r in samples["front"]),
    }


def origin_alone(front: Front, settings: Settings) -> dict:
    figures = {}
    for name, path in (("topic page", TOPIC_PATH), ("search results page", SEARCH_PATH)):
        get(front.origin + path)
        figures[name] = wrk(front.origin + path, ORIGIN_CONNECTIONS, settings.origin_duration)
    return figures


def worker_memory(master: int) -> float:
    """The largest worker's PSS (shared pages split between sharers), in MB."""
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True,
                         text=True, check=False).stdout  # fmt: skip
    largest = 0.0
    for pid in out.split():
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    largest = max(largest, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return largest


def in_process(workdir: Path) -> dict:
    report = workdir / "inprocess.json"
    done = subprocess.run(
        [str(PYTHON), "-m", "pytest", "bench/test_inprocess.py", "-q", "-p", "no:cacheprovider",
         f"--benchmark-json={report}"],
        cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError("bench/test_inprocess.py failed:\n" + done.stdout[-2000:])
    benchmarks = json.loads(report.read_text())["benchmarks"]
    medians = {b["name"]: b["stats"]["median"] * 1000 for b in benchmarks}
    searches = sorted(v for k, v in medians.items() if k.startswith("test_search["))
    searches_500 = sorted(v for k, v in medians.items() if k.startswith("test_search_500["))
    return {
        "load_content_ms": medians["test_load_content"],
        "search_index_ms": medians["test_build_search_index"],
        "topic_page_ms": medians["test_render_topic_page"],
        "search_page_ms": medians["test_render_search_page"],
        "search_queries": len(searches),
        "search_p50_ms": searches[len(searches) // 2],
        "search_p95_ms": searches[min(len(searches) - 1, round(0.95 * (len(searches) - 1)))],
        "search_500_p50_ms": searches_500[len(searches_500) // 2],
        "search_500_p95_ms": searches_500[round(0.95 * (len(searches_500) - 1))],
    }


def startup(settings: Settings, log: Path) -> dict:
    times, memory = [], []
    for _ in range(settings.startups):
        front = Front(free_port(), free_port(), log_to=log)
        try:
            times.append(front.start())
            for path in (TOPIC_PATH, SEARCH_PATH, "/api/topics/"):
                get(front.url + path)
            memory.append(worker_memory(front.gunicorn.pid))
        finally:
            front.stop()
    return {"first_page_s": median(times), "worker_pss_mb": median(memory)}


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), "unknown",
    )  # fmt: skip
    versions = {}
    for tool, flag in (("nginx", "-v"), ("wrk", "-v")):
        out = subprocess.run([tool, flag], capture_output=True, text=True, check=False)
        versions[tool] = (out.stdout + out.stderr).strip().splitlines()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "load_average_start": os.getloadavg(),
        **versions,
    }


def run(settings: Settings, with_lighthouse: bool) -> dict:
    started = time.perf_counter()
    results: dict = {"machine": machine(), "settings": vars(settings)}
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        workdir = Path(temp)
        print("In-process timings (pytest-benchmark) ...", flush=True)
        results["in_process"] = in_process(workdir)
        print("Start-up ...", flush=True)
        log = workdir / "gunicorn.log"  # kept out of the table's way
        results["startup"] = startup(settings, log)
        static_root = workdir / "static"
        static_root.mkdir()
        os.chmod(workdir, 0o755)
        static_port = free_port()
        front = Front(
            free_port(),
            free_port(),
            servers=static_server(static_root, static_port, workdir / "static-access.log"),
            log_to=log,
        )
        try:
            front.start()
            status, topic = _body(front.origin + TOPIC_PATH)
            (static_root / "topic.html").write_bytes(topic)
            print("Through the front against nginx's static file ...", flush=True)
            results["front"] = through_the_front(
                front, f"http://{HOST}:{static_port}/topic.html", settings
            )
            results["front"]["page_bytes"] = len(topic)
            print(f"The origin alone, {ORIGIN_CONNECTIONS} connections ...", flush=True)
            results["origin"] = origin_alone(front, settings)
            print("Page weight through the front ...", flush=True)
            results["weight"] = {n: weight.page_weight(front.url, p) for n, p in PAGES.items()}
            results["offline"] = weight.offline_weight(front.url)
            if with_lighthouse:
                print("Lighthouse ...", flush=True)
                results["lighthouse"] = lighthouse.run(front.url, LIGHTHOUSE_PAGES, workdir)
                for name, scores in results["lighthouse"].items():
                    if isinstance(scores, dict) and name in NOINDEX_BY_DESIGN:
                        scores["noindex_by_design"] = True
        finally:
            front.stop()
    results["machine"]["load_average_end"] = os.getloadavg()
    results["elapsed_s"] = time.perf_counter() - started
    return results


def _body(url: str) -> tuple[int, bytes]:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
        return response.status, response.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter runs")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse part")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("wrk", "nginx") if shutil.which(tool) is None]
    if missing:
        print(f"The benchmark needs {' and '.join(missing)}: apt-get install {' '.join(missing)}")
        return 2
    if not (REPO / "staticfiles" / "staticfiles.json").exists():
        print("Run `make collectstatic` first (make bench does): static files are measured hashed.")
        return 2
    results = run(Settings(args.quick), with_lighthouse=not args.no_lighthouse)
    text = table.render(results)
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    results["desk"] = desk.measure(args.quick)  # the editors' desk: bench/desk.py
    text += "\n\n" + desk.table(results["desk"])
    print("\n" + desk.table(results["desk"]))
    (RESULTS / "latest.md").write_text(text)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    print("Saved in bench/results/latest.md and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
