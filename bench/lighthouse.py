"""Lighthouse 12 scores for a few pages: a separate part of the benchmark, skipped without Node.

Lighthouse is installed with npm into bench/.lighthouse/ (ignored by git) the first time, and
drives Debian's Chromium headless with its network extras switched off. Lighthouse 13 needs
Node 22, so the version is pinned to 12.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / ".lighthouse"
BINARY = FOLDER / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def unavailable() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "Node.js and npm are not installed (apt-get install nodejs npm)"
    if not Path(CHROMIUM).exists():
        return f"Chromium is not at {CHROMIUM} (apt-get install chromium)"
    if not BINARY.exists():
        FOLDER.mkdir(exist_ok=True)
        install = subprocess.run(
            ["npm", "install", "--prefix", str(FOLDER), "--no-audit", "--no-fund", "lighthouse@12"],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        if install.returncode != 0 or not BINARY.exists():
            return "npm could not install lighthouse@12: " + install.stderr.strip()[-300:]
    return None


def run(base: str, pages: dict[str, str], workdir: Path) -> dict:
    reason = unavailable()
    if reason:
        print(f"  Lighthouse skipped: {reason}")
        return {"skipped": reason}
    scores = {}
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for name, path in pages.items():
        report = workdir / f"lighthouse-{name}.json"
        command = [
            str(BINARY), base + path, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ]  # fmt: skip
        # Lighthouse now and then fails to record its trace ("Something went wrong with
        # recording the trace"): a second attempt says whether the page or the tool failed.
        for _attempt in (1, 2):
            report.unlink(missing_ok=True)
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
            if done.returncode == 0 and report.exists():
                break
        else:
            scores[name] = {"error": f"twice: {done.stderr.strip()[-300:]}"}
            continue
        data = json.loads(report.read_text())
        scores[name] = {
            category: round((data["categories"][category]["score"] or 0) * 100)
            for category in CATEGORIES
        }
        scores[name]["path"] = path
        # The SEO audits that did not pass, in full (a noindex page must fail only one).
        scores[name]["seo_failing"] = sorted(
            ref["id"]
            for ref in data["categories"]["seo"]["auditRefs"]
            if ref.get("weight")
            and data["audits"][ref["id"]].get("score") is not None
            and data["audits"][ref["id"]]["score"] < 1
        )
        scores[name]["failing"] = sorted(
            audit_id
            for audit_id, audit in data["audits"].items()
            if audit.get("score") is not None
            and audit["score"] < 0.9
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        )[:8]
    return scores
