"""Measured inside one fresh Python process for one content folder; prints one JSON object.

    python -m bench.inprocess CONTENT_DIR [--search-passes N]

Library load time, search index build time, memory after loading, and the in-process search
latency over the relevance query set (tests/search/relevance_queries.py). Search is another
engineer's module: when `portal.search.search` or the query set is missing, says so instead.
"""

import json
import os
import sys
import time
from pathlib import Path


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main(content_dir: str, passes: int) -> dict:
    started = time.perf_counter()
    os.environ["PORTAL_CONTENT_DIR"] = content_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from portal.content.loading.store import get_library

    imported = time.perf_counter()
    library = get_library()
    loaded = time.perf_counter()
    result = {
        "topics": len(library.topics),
        "problems": len(library.problems),
        "django_s": imported - started,
        "library_s": loaded - imported,
    }
    try:
        from portal.search import search
        from tests.search.relevance_queries import QUERIES
    except ImportError as error:
        result["search"] = f"search not available yet ({error.name or error})"
        result["rss_mb"] = rss_mb()
        return result
    queries = [query for query, *_ in QUERIES]
    # The first query builds whatever index search keeps; that is start-up, not a query.
    before = time.perf_counter()
    search(queries[0])
    result["index_s"] = time.perf_counter() - before
    result["rss_mb"] = rss_mb()
    timings = []
    for _ in range(passes):
        for query in queries:
            begin = time.perf_counter_ns()
            search(query)
            timings.append((time.perf_counter_ns() - begin) / 1e6)
    result["search"] = {
        "queries": len(queries),
        "p50_ms": percentile(timings, 0.50),
        "p95_ms": percentile(timings, 0.95),
        "p99_ms": percentile(timings, 0.99),
    }
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    passes = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--search-passes" else 5
    print(json.dumps(main(sys.argv[1], passes)))
