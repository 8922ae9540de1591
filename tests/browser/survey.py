"""Every page type measured in Chromium once, for everything the browser tests assert.

Loading each page twice per width (the keyboard needs a fresh page each time) and once more for
zoom, text size, paper and spacing, and running axe once per theme on each, keeps the suite fast;
each test then asserts one thing about these measurements, so a failure names what is wrong.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.test import override_settings

from portal.content.loading import store
from tests.browser import probes
from tests.browser.page_types import EXPECTED_STATUS, PAGE_TYPES, WIDTHS

# Browser zoom at 200 % on a 1280 px window lays the page out in 640 CSS pixels.
ZOOM_200 = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# Print media on an A4 sheet: 210 mm less 15 mm margins each side is 680 CSS pixels.
PRINT_PAGE = {"viewport": {"width": 680, "height": 1000}}


@dataclass
class WidthReport:
    status: int
    violations: list[dict]
    dark_background: str  # the body's background once the device asks for dark
    dark_violations: list[dict]
    overflow: int
    overlaps: list[str]
    structure: probes.Structure
    traffic: probes.Traffic
    tab_stops: list[probes.TabStop]
    focusable: list[str]
    skip_link: dict
    font_size: float


@dataclass
class ZoomReport:
    font_size: float
    overflow: int
    overlaps: list[str]
    cut_off: list[str]


@dataclass
class PageReport:
    path: str
    widths: dict[int, WidthReport] = field(default_factory=dict)
    zoom: dict[str, ZoomReport] = field(default_factory=dict)


def expected_status(page_type: str) -> int:
    return EXPECTED_STATUS.get(page_type, 200)


def _skip_link(page) -> dict:
    """Tab once from the top, then follow the first stop with Enter."""
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return {text: el.textContent.trim(), href: el.getAttribute('href'),
                  visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0
                    && r.bottom <= innerHeight && r.right <= innerWidth
                    && document.elementFromPoint(
                      r.left + r.width / 2, r.top + r.height / 2) === el};
        }"""
    )
    page.keyboard.press("Enter")
    first["focus_after"] = page.evaluate(
        "document.activeElement === document.querySelector('main') ? 'main'"
        " : document.activeElement.tagName.toLowerCase()"
    )
    # The focused main content keeps its own colours (no focus fill behind a whole region).
    first["main_colours"] = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('main'));"
        " return [s.color, s.backgroundColor]; })()"
    )
    first["body_colours"] = page.evaluate(
        "(() => { const s = getComputedStyle(document.body);"
        " return [s.color, s.backgroundColor]; })()"
    )
    page.keyboard.press("Tab")
    first["next_stop_in_main"] = page.evaluate(
        "document.querySelector('main').contains(document.activeElement)"
    )
    return first


def _at_width(browser, url: str, status: int, width: int) -> WidthReport:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        traffic = probes.record_traffic(page, status)
        # The keyboard walk first, from a fresh load with focus at the top of the page, once the
        # scripts have shown what they add (the offline box waits for the browser's caches).
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        focusable = probes.focusable_elements(page)
        stops = probes.tab_through(page, limit=len(focusable) + 5)
        # A second fresh load: the skip link is the first Tab stop; then everything that needs
        # no keyboard is measured on the same page, in the light theme and then the dark one
        # (the theme follows the device until a reader chooses, so emulating dark applies it).
        page.goto(url)
        skip_link = _skip_link(page)
        violations = probes.axe_violations(page)
        overflow = probes.horizontal_overflow(page)
        overlaps = probes.overlapping_text(page)
        structure = probes.structure(page)
        font_size = probes.root_font_size(page)
        page.emulate_media(color_scheme="dark")
        dark_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        dark_violations = probes.axe_violations(page, probes.COLOUR_OPTIONS)
        return WidthReport(
            status=response.status,
            violations=violations,
            dark_background=dark_background,
            dark_violations=dark_violations,
            overflow=overflow,
            overlaps=overlaps,
            structure=structure,
            traffic=traffic,
            tab_stops=stops,
            focusable=focusable,
            skip_link=skip_link,
            font_size=font_size,
        )
    finally:
        context.close()


def _measure(page) -> ZoomReport:
    return ZoomReport(
        font_size=probes.root_font_size(page),
        overflow=probes.horizontal_overflow(page),
        overlaps=probes.overlapping_text(page),
        cut_off=probes.text_outside_viewport(page),
    )


def _zoomed(browser, url: str) -> dict[str, ZoomReport]:
    """The page at 200 % browser zoom, at 200 % text size, on paper and with the reader's own
    text spacing: one load, re-laid out for each (a new viewport, media or style sheet lays the
    page out again as a fresh load would)."""
    # Our spacing style sheet is added by Playwright, which a strict Content-Security-Policy
    # would refuse, hence bypass_csp; the site has no inline style or script for it to let in.
    context = browser.new_context(**ZOOM_200, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        reports = {"browser-zoom-200": _measure(page)}
        page.set_viewport_size(DESKTOP["viewport"])
        probes.set_text_size(page, 200)
        reports["text-size-200"] = _measure(page)
        probes.set_text_size(page, 100)
        page.set_viewport_size(PRINT_PAGE["viewport"])
        page.emulate_media(media="print")
        reports["print"] = _measure(page)
        page.emulate_media(media="screen")
        # WCAG 1.4.12: the reader's own spacing style sheet, at phone width.
        page.set_viewport_size({"width": 320, "height": 900})
        page.add_style_tag(content=probes.TEXT_SPACING_CSS)
        reports["text-spacing"] = _measure(page)
        return reports
    finally:
        context.close()


def measure(browser, base_url: str, page_type: str) -> PageReport:
    url = base_url + PAGE_TYPES[page_type]
    report = PageReport(path=PAGE_TYPES[page_type])
    for width in WIDTHS:
        report.widths[width] = _at_width(browser, url, expected_status(page_type), width)
    report.zoom = _zoomed(browser, url)
    return report


class Survey(Mapping):
    """Page type -> PageReport, each page type measured the first time a test asks for it, so
    a run of a few browser tests measures only the page types they look at."""

    def __init__(self, browser, base_url: str, content_dir):
        self._browser, self._base_url, self._content_dir = browser, base_url, content_dir
        self._reports: dict[str, PageReport] = {}

    def __getitem__(self, page_type: str) -> PageReport:
        if page_type not in self._reports:
            with override_settings(PORTAL_CONTENT_DIR=self._content_dir):
                store.reset()
                try:
                    self._reports[page_type] = measure(self._browser, self._base_url, page_type)
                finally:
                    store.reset()
        return self._reports[page_type]

    def __iter__(self):
        return iter(PAGE_TYPES)

    def __len__(self) -> int:
        return len(PAGE_TYPES)
