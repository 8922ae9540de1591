"""`make screenshots` keeps working: one page type shot at both widths and in print."""

import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_screenshots_of_a_page_type(browser, tmp_path):
    # Its own process: Playwright's sync API runs one instance per thread, and ours is in use.
    result = subprocess.run(
        [sys.executable, "-m", "tests.browser.screenshots", "--out", str(tmp_path)]
        + ["--page-type", "contacts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    widths = {path.name: png_size(path)[0] for path in tmp_path.glob("*.png")}
    assert widths == {"contacts-1280.png": 1280, "contacts-320.png": 320, "contacts-print.png": 680}
    assert all(png_size(tmp_path / name)[1] > 600 for name in widths), "a full page, not a strip"


def test_screenshots_refuses_an_unknown_page_type(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tests.browser.screenshots", "--out", str(tmp_path)]
        + ["--page-type", "nonsense"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "unknown page type" in result.stderr and "contacts" in result.stderr
