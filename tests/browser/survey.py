"""One pass over every page type in Chromium, measuring everything the browser tests assert.

Loading each page once per width and running axe once per page per width keeps the suite fast;
each test then asserts one thing about these measurements, so a failure names what is wrong.
"""

from dataclasses import dataclass, field

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
        response = page.goto(url)
        violations = probes.axe_violations(page)
        report_status = response.status
        overflow = probes.horizontal_overflow(page)
        overlaps = probes.overlapping_text(page)
        structure = probes.structure(page)
        font_size = probes.root_font_size(page)

        # Keyboard checks start from a fresh load, with focus at the top of the page, once the
        # scripts have shown what they add (the offline box waits for the browser's caches).
        page.goto(url)
        page.wait_for_load_state("networkidle")
        focusable = probes.focusable_elements(page)
        stops = probes.tab_through(page, limit=len(focusable) + 5)
        page.goto(url)
        skip_link = _skip_link(page)
        return WidthReport(
            status=report_status,
            violations=violations,
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


def _zoomed(
    browser, url: str, options: dict, text_size: int | None = None, media: str = "screen"
) -> ZoomReport:
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.emulate_media(media=media)
        if text_size:
            probes.set_text_size(page, text_size)
        page.goto(url)
        if options.get("bypass_csp"):
            page.add_style_tag(content=probes.TEXT_SPACING_CSS)
        return ZoomReport(
            font_size=probes.root_font_size(page),
            overflow=probes.horizontal_overflow(page),
            overlaps=probes.overlapping_text(page),
            cut_off=probes.text_outside_viewport(page),
        )
    finally:
        context.close()


def survey(browser, base_url: str) -> dict[str, PageReport]:
    reports = {}
    for page_type, path in PAGE_TYPES.items():
        url = base_url + path
        report = PageReport(path=path)
        for width in WIDTHS:
            report.widths[width] = _at_width(browser, url, expected_status(page_type), width)
        report.zoom["browser-zoom-200"] = _zoomed(browser, url, ZOOM_200)
        report.zoom["text-size-200"] = _zoomed(browser, url, DESKTOP, text_size=200)
        # WCAG 1.4.12: the reader's own spacing style sheet, at phone width. Our style sheet is
        # added by Playwright, which a strict Content-Security-Policy would refuse, hence bypass.
        report.zoom["text-spacing"] = _zoomed(
            browser, url, {"viewport": {"width": 320, "height": 900}, "bypass_csp": True}
        )
        report.zoom["print"] = _zoomed(browser, url, PRINT_PAGE, media="print")
        reports[page_type] = report
    return reports
