"""The benchmark's results as one Markdown table, each goal marked met or not."""


def _mark(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**NOT met**")


def _kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def render(results: dict) -> str:
    m, s = results["machine"], results["settings"]
    start = ", ".join(f"{x:.1f}" for x in m["load_average_start"])
    end = ", ".join(f"{x:.1f}" for x in m["load_average_end"])
    front, origin, inp = results["front"], results["origin"], results["in_process"]
    up, w = results["startup"], results["weight"]["topic"]
    rounds = ", ".join(f"{r:.2f}" for r in front["ratios"])
    rows = [
        (
            "topic page through the front (nginx cache), against the same "
            f"{front['page_bytes'] / 1024:.1f} KB from nginx as a static file",
            f"{front['front_rps']:,.0f} against {front['static_rps']:,.0f} req/s: "
            f"**{front['ratio']:.2f} x** (rounds: {rounds}); "
            f"errors {front['errors']}, p99 {front['front_p99_ms']:.1f} ms",
            ">= 0.8 x",
            _mark(front["ratio"] >= 0.8 and front["errors"] == 0),
        ),
    ]
    for name, row in origin.items():
        rows.append(
            (
                f"{name} from the origin alone (gunicorn, 50 connections, no cache)",
                f"{row['rps']:,.0f} req/s, p99 {row['p99_ms']:.0f} ms, errors {row['errors']}",
                "0 errors",
                _mark(row["errors"] == 0),
            )
        )
    rows += [
        (
            f"search, in process ({inp['search_queries']} queries of the relevance set)",
            f"p50 {inp['search_p50_ms']:.2f} ms, **p95 {inp['search_p95_ms']:.2f} ms**",
            "p95 <= 5 ms",
            _mark(inp["search_p95_ms"] <= 5),
        ),
        (
            "search, in process, 500 topics (the real pages plus generated ones, bench/corpus.py)",
            f"p50 {inp['search_500_p50_ms']:.2f} ms, **p95 {inp['search_500_p95_ms']:.2f} ms**",
            "p95 <= 15 ms",
            _mark(inp["search_500_p95_ms"] <= 15),
        ),
        (
            "Django's own work for one page, in process",
            f"topic page {inp['topic_page_ms']:.1f} ms, search results page "
            f"{inp['search_page_ms']:.1f} ms",
            "",
            "",
        ),
        (
            "content load / search index build, in process (a start or a release)",
            f"{inp['load_content_ms']:,.0f} ms / {inp['search_index_ms']:,.0f} ms",
            "",
            "",
        ),
        (
            "start-up: gunicorn started to the first page through the front",
            f"{up['first_page_s']:.1f} s; largest worker {up['worker_pss_mb']:.0f} MB (PSS)",
            "<= 5 s",
            _mark(up["first_page_s"] <= 5),
        ),
        (
            "page weight, topic page (brotli/gzip as a browser asks)",
            f"{_kb(w['total'])} in {w['requests']} requests (HTML {_kb(w['html'])}, "
            f"CSS {_kb(w['css'])}, JS {_kb(w['js'])})",
            "<= 30 KB, <= 7 requests, JS <= 15 KB",
            _mark(w["total"] <= 30 * 1024 and w["requests"] <= 7 and w["js"] <= 15 * 1024),
        ),
    ]
    rows += lighthouse_rows(results.get("lighthouse"))
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores (shared with other work: load average "
        f"{start} at the start, {end} at the end), Linux {m['kernel']}, Python {m['python']}, "
        f"{m['nginx']}, {m['wrk'].split(' Copyright')[0]}. wrk: 2 threads, {s['duration']} s "
        f"runs, {s['rounds']} interleaved rounds (front and static), {s['origin_duration']} s "
        "for the origin.",
        "",
        "| what | measured | goal | |",
        "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
    ]
    lines += ["", f"Whole benchmark: {results['elapsed_s']:.0f} s."]
    return "\n".join(lines) + "\n"


def lighthouse_rows(scores: dict | None) -> list[tuple[str, str, str, str]]:
    """Lighthouse 12's four scores per page, as rows of the one table."""
    name = "Lighthouse 12"
    if scores is None:
        return [(name, "not run (--no-lighthouse)", "100 in each category", "n/a")]
    if "skipped" in scores:
        return [(name, f"skipped: {scores['skipped']}", "100 in each category", "n/a")]
    rows = []
    for page, s in scores.items():
        if "error" in s:
            rows.append((f"{name}, {page}", f"error: {s['error'][:120]}", "", "**NOT met**"))
            continue
        values = [s[c] for c in ("performance", "accessibility", "best-practices", "seo")]
        goal = "100 in each category"
        if s.get("noindex_by_design"):
            # noindex on purpose: every SEO audit but is-crawlable must pass, and 100 elsewhere.
            met = all(v == 100 for v in values[:3]) and s.get("seo_failing") == ["is-crawlable"]
            goal = "100, SEO missing only is-crawlable (noindex by design)"
        else:
            met = all(v == 100 for v in values)
        failing = ", ".join(s["failing"]) or "none below 0.9"
        rows.append(
            (
                f"{name}, {page} (`{s.get('path', '')}`)",
                "performance / accessibility / best practices / SEO: "
                + " / ".join(str(v) for v in values)
                + f"; {failing}",
                goal,
                _mark(met),
            )
        )
    return rows
