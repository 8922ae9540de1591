"""The benchmark behind `make bench`: the portal measured against nginx serving the same bytes.

Loopback only, bounded in time, never part of the test suite. Every figure is the median of
several runs; HTTP rows are interleaved (one run of every row, then the next round) so a busy
moment on a shared machine hurts every row alike and the ratios stay honest.

    python -m bench                  the whole benchmark, then Lighthouse if Node is there
    python -m bench --sweep          gunicorn worker settings compared (topic page and 304)
    python -m bench --quick          fewer and shorter runs, for trying the benchmark itself
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request
from email.message import Message
from pathlib import Path

from bench import corpus, lighthouse, table, weight

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
GUNICORN = REPO / ".venv" / "bin" / "gunicorn"
RESULTS = REPO / "bench" / "results"
HOST = "127.0.0.1"
# Loopback ports; BENCH_PORT_BASE moves them all when these are taken (two benchmarks at once).
_BASE = int(os.environ.get("BENCH_PORT_BASE") or 8106)
PORT_GUNICORN, PORT_STATIC, PORT_CACHE, PORT_SWEEP = _BASE, _BASE + 10, _BASE + 20, _BASE + 30

# The portal is measured as `make serve` runs it: gunicorn.conf.py's settings (uvicorn workers,
# one per core, running portal.asgi), with only the address given here. The settings were
# chosen with `python -m bench --sweep`, which compares these (README "Performance"):
WSGI, ASGI = "portal.wsgi:application", "portal.asgi:application"
GUNICORN_OPTIONS: list[str] = []
UVICORN = ["--worker-class", "portal.worker.PortalWorker"]
GTHREAD = ["--worker-class", "gthread", "--threads", "4", "--keep-alive", "5"]
SWEEP = {
    "sync, 3 workers": (WSGI, ["--worker-class", "sync", "--workers", "3"]),
    "gthread, 2 x 4 threads, keep-alive 5": (WSGI, [*GTHREAD, "--workers", "2"]),
    "gthread, 3 x 4 threads, keep-alive 5": (WSGI, [*GTHREAD, "--workers", "3"]),
    "uvicorn, 1 worker": (ASGI, [*UVICORN, "--workers", "1"]),
    "uvicorn, 2 workers": (ASGI, [*UVICORN, "--workers", "2"]),
    "uvicorn, 3 workers": (ASGI, [*UVICORN, "--workers", "3"]),
}
TOPIC_PATH = "/treatments/chemotherapy/"
SEARCH_PATH = "/search/?q=chemotherapy"
SEARCH_LANDING = "/search/"
# Lighthouse measures both search pages readers see: the search page (an empty search, indexable)
# and a results page, which is noindex on purpose (README "Performance"), so its SEO score can
# only miss is-crawlable; table.py holds it to every other SEO audit and to 100 elsewhere.
LIGHTHOUSE_PAGES = {
    "home": "/",
    "topic": TOPIC_PATH,
    "search": SEARCH_LANDING,
    "search results": SEARCH_PATH,
}
NOINDEX_BY_DESIGN = {"search results"}
PAGES = {
    "home": "/",
    "section": "/treatments/",
    "topic": TOPIC_PATH,
    "search": SEARCH_PATH,
    "contacts": "/contacts/",
}
SIZES = (500, 5000)
INSTALL_HINT = "Install them with: apt-get install wrk nginx   (Debian; use sudo if not root)"


class Settings:
    def __init__(self, quick: bool):
        self.runs = 2 if quick else 5
        self.duration = 2 if quick else 3
        self.connections = 32
        self.threads = 2
        self.search_passes = 2 if quick else 5


# --- processes -----------------------------------------------------------------------------


def portal_env(content_dir: Path, render_cache: Path | None = None) -> dict:
    env = dict(os.environ)
    env.pop("PORTAL_RENDER_CACHE_DIR", None)
    if render_cache is not None:
        env["PORTAL_RENDER_CACHE_DIR"] = str(render_cache)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + secrets.token_urlsafe(32),
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        PORTAL_CONTENT_DIR=str(content_dir),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def get(url: str, headers: dict | None = None, timeout: float = 10) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # loopback only
            return response.status, response.headers, response.read()  # any case, as HTTP says
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Gunicorn:
    """gunicorn as `make serve` runs it, with the worker options under test."""

    def __init__(
        self,
        content_dir: Path,
        options: list[str],
        port: int,
        render_cache: Path | None = None,
        app: str | None = None,
        extra_env: dict | None = None,
    ):
        self.url = f"http://{HOST}:{port}"
        # Without an app, gunicorn.conf.py's own (portal.asgi, or portal.wsgi for WSGI workers).
        command = [str(GUNICORN), *([app] if app else []), "--bind", f"{HOST}:{port}", *options]
        env = portal_env(content_dir, render_cache) | (extra_env or {})
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 180) -> float:
        """Seconds from process start to the first 200 for the home page (any page for apps
        that are not the portal)."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped:\n" + Path(self.log.name).read_text())
            try:
                if get(self.url + "/", timeout=timeout)[0] == 200:
                    return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s")

    def worker_memory(self) -> list[dict]:
        """RSS and PSS (shared pages split between sharers) of each worker, in MB."""
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        memory = []
        for pid in out.split():
            values = {"rss": 0.0, "pss": 0.0}
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    name, _, rest = line.partition(":")
                    if name in ("Rss", "Pss"):
                        values[name.lower()] = int(rest.split()[0]) / 1024
            except OSError:
                continue
            memory.append(values)
        return memory

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class Nginx:
    """deploy/nginx.conf on loopback in front of the bench's gunicorn, plus a static server."""

    def __init__(self, workdir: Path, static_bytes: bytes, page_headers: list | None = None):
        self.root = workdir / "nginx"
        (self.root / "html").mkdir(parents=True, exist_ok=True)
        (self.root / "html" / "topic.html").write_bytes(static_bytes)
        (self.root / "tmp").mkdir(exist_ok=True)
        os.chmod(self.root, 0o777)  # nginx workers run as an unprivileged user
        config = self.root / "nginx.conf"
        config.write_text(loopback_config(self.root, page_headers or []))
        self.config = config
        subprocess.run(["nginx", "-t", "-q", "-c", str(config), "-p", str(self.root)], check=True)
        subprocess.run(["nginx", "-c", str(config), "-p", str(self.root)], check=True)

    def stop(self) -> None:
        pid_file = self.root / "nginx.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text())
            os.kill(pid, signal.SIGQUIT)
            for _ in range(100):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.05)


# The portal's own headers, which the static file with headers repeats; the rest nginx adds.
REPEATED_HEADERS = {
    "content-security-policy", "permissions-policy", "x-frame-options",
    "x-content-type-options", "referrer-policy", "cross-origin-opener-policy",
    "cross-origin-resource-policy", "etag", "cache-control",
}  # fmt: skip


def nginx_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def loopback_config(root: Path, page_headers: list) -> str:
    """deploy/nginx.conf with only ports, folders and logging changed, plus the static server."""
    text = (REPO / "deploy" / "nginx.conf").read_text()
    replacements = [
        ("server 127.0.0.1:8000;", f"server {HOST}:{PORT_GUNICORN};"),
        ("listen 80;", f"listen {HOST}:{PORT_CACHE};"),
        ("/var/cache/nginx/portal", str(root / "cache")),
        ("access_log /var/log/nginx/access.log portal;", "access_log off;"),
    ]
    for old, new in replacements:
        if old not in text:
            raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}; update bench/run.py")
        text = text.replace(old, new)
    temp = root / "tmp"
    prelude = f"pid {root}/nginx.pid;\nerror_log {root}/error.log;\n" + (
        "user root;\n" if os.geteuid() == 0 else ""
    )
    static_server = (
        f"    client_body_temp_path {temp}/body;\n    proxy_temp_path {temp}/proxy;\n"
        f"    fastcgi_temp_path {temp}/fastcgi;\n    uwsgi_temp_path {temp}/uwsgi;\n"
        f"    scgi_temp_path {temp}/scgi;\n\n"
        "    # The physical limit: the topic page's bytes as a plain file. The second address\n"
        "    # sends the same file with the portal's headers, to show what they cost.\n"
        f"    server {{\n        listen {HOST}:{PORT_STATIC};\n        root {root}/html;\n"
        "        location / { default_type text/html; }\n"
        "        location = /with-headers.html {\n            default_type text/html;\n"
        "            try_files /topic.html =404;\n"
        + "".join(
            f"            add_header {name} {nginx_string(value)};\n"
            for name, value in page_headers
            if name.lower() in REPEATED_HEADERS
        )
        + "        }\n    }\n"
    )
    head, _, tail = text.rpartition("}")
    return prelude + head + static_server + "}" + tail


# --- measurements --------------------------------------------------------------------------


def wrk(url: str, headers: dict | None = None, script: str = "", *, settings: Settings) -> dict:
    command = [
        "wrk",
        f"-t{settings.threads}",
        f"-c{settings.connections}",
        f"-d{settings.duration}s",
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(REPO / "bench" / script)]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "non_2xx_3xx": int(bad.group(1)) if bad else 0,
        "errors": errors and errors.group(1),
    }


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def inprocess(content_dir: Path, settings: Settings, runs: int, render_cache: Path) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [str(PYTHON), "-m", "bench.inprocess", str(content_dir), "--search-passes",
             str(settings.search_passes)],
            cwd=REPO, env=portal_env(content_dir, render_cache), capture_output=True,
            text=True, check=True, timeout=300,
        ).stdout  # fmt: skip
        results.append(json.loads(out.strip().splitlines()[-1]))
    summary = {key: results[0][key] for key in ("topics", "problems")}
    for key in ("django_s", "library_s", "index_s", "rss_mb"):
        summary[key] = median([r[key] for r in results if key in r])
    searches = [r["search"] for r in results]
    if isinstance(searches[0], str):
        summary["search"] = searches[0]
    else:
        summary["search"] = {
            key: median([s[key] for s in searches]) for key in ("p50_ms", "p95_ms", "p99_ms")
        }
        summary["search"]["queries"] = searches[0]["queries"]
    summary["runs"] = runs
    return summary


def startup(content_dir: Path, runs: int, render_cache: Path) -> dict:
    times, rss, pss = [], [], []
    for _ in range(runs):
        server = Gunicorn(content_dir, GUNICORN_OPTIONS, PORT_GUNICORN, render_cache)
        try:
            times.append(server.wait_ready())
            for path in (TOPIC_PATH, SEARCH_PATH, "/api/topics/"):
                get(server.url + path)
            memory = server.worker_memory()
            rss.append(max(m["rss"] for m in memory))
            pss.append(max(m["pss"] for m in memory))
        finally:
            server.stop()
    return {"first_200_s": median(times), "rss_mb": median(rss), "pss_mb": median(pss)}


def http_rows(server_url: str, settings: Settings) -> tuple[dict, dict]:
    """wrk figures for every row, interleaved over the runs; and facts about the pages."""
    status, headers, topic = get(server_url + TOPIC_PATH)
    etag = headers.get("ETag")
    css = re.search(rb'href="(/static/css/[^"]+\.css)"', topic).group(1).decode()
    search_status = get(server_url + SEARCH_PATH)[0]
    rows = {
        "nginx static file (same bytes)": (f"http://{HOST}:{PORT_STATIC}/topic.html", None),
        "nginx static file with the portal's headers (for reference)": (
            f"http://{HOST}:{PORT_STATIC}/with-headers.html",
            None,
        ),
        "server ceiling: same bytes from a 3-line app, same gunicorn settings": (
            f"http://{HOST}:{PORT_SWEEP}{TOPIC_PATH}",
            None,
        ),
        "topic page": (server_url + TOPIC_PATH, None),
        "topic page, page cache missed (a new URL each time)": (
            server_url + TOPIC_PATH,
            None,
            "unique.lua",
        ),
        "304 revalidation (If-None-Match)": (
            (server_url + TOPIC_PATH, {"If-None-Match": etag}) if etag else None
        ),
        "search results page": (server_url + SEARCH_PATH, None) if search_status == 200 else None,
        "search results page, page cache missed": (
            (server_url + SEARCH_PATH, None, "unique.lua") if search_status == 200 else None
        ),
        "stylesheet (whitenoise)": (server_url + css, None),
        "topic page behind nginx proxy_cache": (f"http://{HOST}:{PORT_CACHE}{TOPIC_PATH}", None),
    }
    for url_headers in filter(None, rows.values()):  # warm every cache once
        get(url_headers[0], url_headers[1])
    samples: dict[str, list] = {name: [] for name in rows}
    for _ in range(settings.runs):
        for name, target in rows.items():
            if target is not None:
                samples[name].append(wrk(*target, settings=settings))
    figures = {}
    static = [r["rps"] for r in samples["nginx static file (same bytes)"]]
    topic = [r["rps"] for r in samples["topic page"]]
    for name, runs in samples.items():
        if not runs:
            figures[name] = None
            continue
        rps = [r["rps"] for r in runs]
        figures[name] = {
            "rps": median(rps),
            "runs": [round(value) for value in rps],
            "non_2xx_3xx": sum(r["non_2xx_3xx"] for r in runs),
            # Ratios within each round, then their median: nginx and the portal met the same
            # moment of a shared machine, which a ratio of two medians would not guarantee.
            "to_static": median([a / b for a, b in zip(rps, static, strict=True)]),
            "to_topic": median([a / b for a, b in zip(rps, topic, strict=True)]),
        }
    facts = {"etag": etag, "stylesheet": css, "search_status": search_status}
    return figures, facts


def gunicorn_conf() -> dict:
    """What gunicorn.conf.py chooses on this machine and in this environment."""
    out = subprocess.run(
        [str(PYTHON), "-c", "import json, runpy; c = runpy.run_path('gunicorn.conf.py'); "
         "print(json.dumps({k: c[k] for k in ('worker_class', 'workers', 'wsgi_app', "
         "'keepalive')}))"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out)


def gunicorn_settings(conf: dict) -> str:
    """The table header's line about the server."""
    return (
        f"gunicorn.conf.py as `make serve` runs it: {conf['workers']} x {conf['worker_class']} "
        f"running {conf['wsgi_app']}, keep-alive {conf['keepalive']} s"
    )


def ceiling_app(conf: dict) -> str:
    """The fixed-bytes app in the protocol the configured workers speak."""
    return f"bench.fixed_app:{'asgi_' if conf['wsgi_app'] == ASGI else ''}application"


def machine() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().split()[1]
    versions = {}
    for tool, flag in (("nginx", "-v"), ("wrk", "-v")):
        out = subprocess.run([tool, flag], capture_output=True, text=True, check=False)
        versions[tool] = (out.stdout + out.stderr).strip().splitlines()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
        **versions,
    }


# --- the whole run -------------------------------------------------------------------------


def missing_tools() -> list[str]:
    return [tool for tool in ("wrk", "nginx") if shutil.which(tool) is None]


def run(settings: Settings, with_lighthouse: bool) -> dict:
    started = time.perf_counter()
    conf = gunicorn_conf()
    results: dict = {"settings": vars(settings), "gunicorn": gunicorn_settings(conf)}
    results["machine"] = machine()
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        workdir = Path(temp)
        corpora = {"real content": REPO / "content"}
        for size in SIZES:
            print(f"Generating a corpus of {size} topics ...", flush=True)
            corpora[f"{size} topics"] = corpus.generate(workdir / f"corpus-{size}", size)
        results["corpora"] = {}
        for name, folder in corpora.items():
            print(f"Start-up and search: {name} ...", flush=True)
            # The first load renders every page (cold); later ones find them in the render
            # cache, as every start after the first does in production (make serve sets it).
            render_cache = workdir / "render-cache" / name.replace(" ", "-")
            cold = inprocess(folder, settings, 1, render_cache)
            # A slow corpus gets fewer runs so the whole benchmark stays within its bound.
            runs = settings.runs if cold["library_s"] < 30 else 1
            figures = inprocess(folder, settings, runs, render_cache)
            figures["library_cold_s"] = cold["library_s"]
            figures.update(startup(folder, runs, render_cache))
            results["corpora"][name] = figures
        print("HTTP with wrk (real content) ...", flush=True)
        server = Gunicorn(
            corpora["real content"], GUNICORN_OPTIONS, PORT_GUNICORN, workdir / "render-cache"
        )
        nginx = None
        try:
            server.wait_ready()
            _, headers, topic = get(server.url + TOPIC_PATH)
            nginx = Nginx(workdir, topic, list(headers.items()))
            (workdir / "topic.html").write_bytes(topic)
            ceiling = Gunicorn(
                workdir, GUNICORN_OPTIONS, PORT_SWEEP, app=ceiling_app(conf),
                extra_env={"BENCH_FIXED_BODY": str(workdir / "topic.html")},
            )  # fmt: skip
            try:
                ceiling.wait_ready()
                results["http"], facts = http_rows(server.url, settings)
            finally:
                ceiling.stop()
            print("Page weight through the nginx front ...", flush=True)
            front = f"http://{HOST}:{PORT_CACHE}"
            results["weight"] = {
                name: weight.page_weight(front, path) for name, path in PAGES.items()
            }
            results["offline"] = weight.offline_weight(front)
            results["search_page"] = facts["search_status"]
            if with_lighthouse:
                print("Lighthouse (separate part) ...", flush=True)
                pages = dict(LIGHTHOUSE_PAGES)
                if facts["search_status"] != 200:
                    pages = {k: v for k, v in pages.items() if not k.startswith("search")}
                results["lighthouse"] = lighthouse.run(front, pages, workdir)
                for name, scores in results["lighthouse"].items():
                    if isinstance(scores, dict) and name in NOINDEX_BY_DESIGN:
                        scores["noindex_by_design"] = True
        finally:
            if nginx:
                nginx.stop()
            server.stop()
    results["elapsed_s"] = time.perf_counter() - started
    return results


def sweep(settings: Settings) -> dict:
    """Each gunicorn option set against nginx static, on the real content."""
    figures = {}
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        server = Gunicorn(REPO / "content", GUNICORN_OPTIONS, PORT_GUNICORN)
        try:
            server.wait_ready()
            topic = get(server.url + TOPIC_PATH)
        finally:
            server.stop()
        etag = topic[1]["ETag"]
        nginx = Nginx(Path(temp), topic[2])  # nothing may fail between here and the try
        static_url = f"http://{HOST}:{PORT_STATIC}/topic.html"
        try:
            for name, (app, options) in SWEEP.items():
                print(f"  {name} ...", flush=True)
                candidate = Gunicorn(REPO / "content", options, PORT_SWEEP, app=app)
                try:
                    candidate.wait_ready()
                    url = candidate.url + TOPIC_PATH
                    get(url)
                    samples = {"static": [], "topic": [], "304": []}
                    for _ in range(settings.runs):
                        samples["static"].append(wrk(static_url, settings=settings)["rps"])
                        samples["topic"].append(wrk(url, settings=settings)["rps"])
                        samples["304"].append(
                            wrk(url, {"If-None-Match": etag}, settings=settings)["rps"]
                        )
                    memory = candidate.worker_memory()
                    figures[name] = {key: median(values) for key, values in samples.items()}
                    figures[name]["pss_mb_all_workers"] = sum(m["pss"] for m in memory)
                finally:
                    candidate.stop()
        finally:
            nginx.stop()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter runs")
    parser.add_argument("--sweep", action="store_true", help="compare gunicorn worker settings")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse part")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"The benchmark needs {' and '.join(missing)}, which are not installed.")
        print(INSTALL_HINT)
        return 2
    if not (REPO / "staticfiles" / "staticfiles.json").exists():
        print(
            "Run `make collectstatic` first (make bench does): the stylesheet is measured hashed."
        )
        return 2
    settings = Settings(args.quick)
    RESULTS.mkdir(exist_ok=True)
    if args.sweep:
        results = {"machine": machine(), "settings": vars(settings), "sweep": sweep(settings)}
        text = table.sweep_table(results)
        name = "sweep"
    else:
        results = run(settings, with_lighthouse=not args.no_lighthouse)
        text = table.render(results)
        name = "latest"
    print()
    print(text)
    (RESULTS / f"{name}.md").write_text(text)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"\nSaved in bench/results/{name}.md and {name}.json")
    return 0
