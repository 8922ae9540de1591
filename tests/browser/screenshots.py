"""`make screenshots`: every page type at 1280 px, at 320 px and as printed, for reviewers.

Serves the real content on a loopback port, drives Debian's Chromium, and writes full-page PNGs
to screenshots/ (ignored by git): <page type>-1280.png, <page type>-320.png and
<page type>-print.png (print media on an A4-wide page, as a reviewer would see on paper).

    python -m tests.browser.screenshots [--out DIR] [--page-type NAME ...]
"""

import argparse
import os
import sys
from pathlib import Path

from tests.browser.page_types import PAGE_TYPES, WIDTHS

# A4 is 210 mm wide; at the CSS 96 px per inch that is 794 px, less the print margins of 15 mm.
PRINT_WIDTH = 680  # the same sheet as survey.PRINT_PAGE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument(
        "--page-type", action="append", help="only this page type (repeatable); default all"
    )
    args = parser.parse_args(argv)
    unknown = set(args.page_type or ()) - set(PAGE_TYPES)
    if unknown:
        parser.error(f"unknown page type {sorted(unknown)}; known: {', '.join(PAGE_TYPES)}")
    chosen = {
        name: path for name, path in PAGE_TYPES.items() if name in (args.page_type or PAGE_TYPES)
    }

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, INSTALL_HINT, chromium_available, launch_chromium
    from tests.browser.live_server import serve_portal

    if not chromium_available():
        print(f"Chromium not found at {CHROMIUM}: {INSTALL_HINT}.", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_portal() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        shots = [(str(width), {"width": width, "height": 900}, "screen") for width in WIDTHS]
        shots.append(("print", {"width": PRINT_WIDTH, "height": 1123}, "print"))
        for label, viewport, media in shots:
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.emulate_media(media=media)
            for name, path in chosen.items():
                page.goto(base_url + path)
                target = args.out / f"{name}-{label}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
            context.close()
        browser.close()
    for target in written:
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
