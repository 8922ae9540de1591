"""What the browser tests measure on a page, each measured in Chromium itself.

Small functions over a Playwright page: run axe-core, record every request and console message,
find horizontal scrolling and overlapping text, read the heading outline and landmarks, and walk
the page with the Tab key. The tests and `make screenshots` share them.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices.
AXE_TAGS = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# A theme changes colours and nothing else (static/css/site.css sets only colour properties
# under it), so in a second theme only the rules that read colours need running again.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": COLOUR_RULES},
    "resultTypes": ["violations"],
}

# axe-core comes inside the axe-playwright-python wheel and is injected from disk: no CDN. It is
# injected once per document (a second run on the same page reuses it: parsing it is about a
# fifth of a run), and only the violations come back.
_AXE_SCRIPT = Axe().axe_script


def axe_violations(page, options: dict = AXE_OPTIONS) -> list[dict]:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_AXE_SCRIPT)
    return page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", options
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@dataclass
class Traffic:
    """Everything a page asked the network for, and everything that went wrong on the way."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def hosts(self) -> set[str]:
        return {urlsplit(url).netloc for url in self.requests}


def record_traffic(page, expected_document_status: int = 200) -> Traffic:
    """Listen to a page from now on. The page's own expected status (404) is not an error."""
    traffic = Traffic()

    def on_response(response):
        expected = response.request.is_navigation_request() and (
            response.status == expected_document_status
        )
        if response.status >= 400 and not expected:
            traffic.error_responses.append(f"{response.status} {response.url}")

    def on_console(message):
        if message.type != "error":
            return
        # Chromium reports a document's own 404 as a console error; that one is the page's job.
        if expected_document_status >= 400 and "status of 404" in message.text:
            return
        traffic.console_errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("request", lambda request: traffic.requests.append(request.url))
    page.on(
        "requestfailed", lambda request: traffic.failed.append(f"{request.url}: {request.failure}")
    )
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: traffic.console_errors.append(f"uncaught: {error}"))
    return traffic


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page can be scrolled sideways (0 when it fits)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


# Every line box of visible text on the page, then every pair of boxes from different text
# nodes that cover each other by more than a hair. Text that is hidden on purpose (display:none,
# visibility:hidden, the visually-hidden clip) or moved off screen (the skip link) is left out.
_OVERLAPPING_TEXT_JS = """
(tolerance) => {
  const hiddenCache = new Map();
  const hidden = (el) => {
    if (!el) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const s = getComputedStyle(el);
    // checkVisibility: also the closed part of a <details> (content-visibility: hidden).
    const result = !el.checkVisibility()
      || s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0'
      || (s.clipPath && s.clipPath !== 'none') || (s.clip && s.clip !== 'auto')
      || hidden(el.parentElement);
    hiddenCache.set(el, result);
    return result;
  };
  const label = (el) => {
    const text = el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${text}"`;
  };
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, index = 0;
  while ((node = walker.nextNode())) {
    index += 1;
    if (!node.textContent.trim() || hidden(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const top = r.top + scrollY, left = r.left + scrollX;
      if (r.width < 1 || r.height < 1 || top + r.height <= 0 || left + r.width <= 0) continue;
      boxes.push({node: index, el: node.parentElement, left, top,
                  right: left + r.width, bottom: top + r.height});
    }
  }
  boxes.sort((a, b) => a.top - b.top);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom - tolerance; j++) {
      const b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > tolerance && h > tolerance) {
        overlaps.push(`${label(a.el)} overlaps ${label(b.el)}`);
      }
    }
  }
  return [...new Set(overlaps)];
}
"""


def overlapping_text(page, tolerance: float = 2) -> list[str]:
    return page.evaluate(_OVERLAPPING_TEXT_JS, tolerance)


_TEXT_OUTSIDE_VIEWPORT_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width >= 1 && r.right > width + 1 && r.bottom > 0 && !scrolls(node.parentElement)) {
        out.push(node.textContent.trim().slice(0, 40));
      }
    }
  }
  return out;
}
"""


def text_outside_viewport(page) -> list[str]:
    """Text cut off at the right-hand edge (a table scrolling in its own box is allowed)."""
    return page.evaluate(_TEXT_OUTSIDE_VIEWPORT_JS)


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def set_text_size(page, percent: int) -> None:
    """The browser's own text-size setting (Chrome: Settings > Appearance > Font size)."""
    session = page.context.new_cdp_session(page)
    size = round(16 * percent / 100)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": size, "fixed": round(size * 0.8)}})


# WCAG 1.4.12's test style sheet: a reader who needs more space between lines, paragraphs,
# letters and words must lose no content.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


@dataclass
class Structure:
    lang: str
    title: str
    h1_count: int
    headings: list[tuple[int, str]]
    landmarks: dict[str, int]


_HEADINGS_JS = """
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter((h) => h.getClientRects().length > 0 || h.closest('.visually-hidden'))
  .map((h) => [Number(h.tagName[1]), h.textContent.trim()])
"""


def structure(page) -> Structure:
    landmarks = {
        role: page.get_by_role(role).count()
        for role in ("banner", "navigation", "main", "contentinfo")
    }
    return Structure(
        lang=page.evaluate("document.documentElement.lang"),
        title=page.title(),
        h1_count=page.locator("h1").count(),
        headings=[tuple(item) for item in page.evaluate(_HEADINGS_JS)],
        landmarks=landmarks,
    )


def skipped_heading_levels(headings: list[tuple[int, str]]) -> list[str]:
    """Headings that jump more than one level deeper than the one before (h2 then h4)."""
    problems = []
    previous = 0
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"h{level} '{text}' follows h{previous or '(none)'}")
        previous = level
    return problems


# A stable name for an element: its tag, text or label, and its position in the document.
_DESCRIBE = """
  const describe = (el) => {
    if (!el || el === document.body || el === document.documentElement) return null;
    const all = document.getElementsByTagName('*');
    const position = Array.prototype.indexOf.call(all, el);
    const name = (el.getAttribute('aria-label') || el.textContent || el.value || el.name || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 50);
    return `${position}:${el.tagName.toLowerCase()} "${name}"`;
  };
"""

_FOCUSABLE_JS = (
    "() => {"
    + _DESCRIBE
    + """
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe,'
    + ' [tabindex], [contenteditable=""], [contenteditable="true"]';
  // A group of radio buttons is one Tab stop (arrow keys move within it): the checked one,
  // or the first when none is.
  const radioStop = (el) => {
    const group = [...document.querySelectorAll('input[type="radio"]')]
      .filter((other) => other.name === el.name && other.form === el.form);
    const checked = group.find((other) => other.checked);
    return checked ? checked === el : group[0] === el;
  };
  return [...document.querySelectorAll(selector)].filter((el) => {
    if (el.disabled || el.type === 'hidden' || el.tabIndex < 0) return false;
    if (el.getClientRects().length === 0 || !el.checkVisibility()) return false;
    if (el.type === 'radio' && el.name && !radioStop(el)) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  }).map(describe);
}
"""
)

# The look of the focused element, to compare with the same element before it had focus.
_FOCUS_LOOK_JS = """
(el) => {
  const s = getComputedStyle(el);
  return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          outlineColor: s.outlineColor, boxShadow: s.boxShadow,
          backgroundColor: s.backgroundColor};
}
"""

# The focused element after a Tab press: its name, its look, and whether a sighted user can
# see it (inside the viewport and not covered by something else).
_FOCUSED_JS = (
    "() => {"
    + _DESCRIBE
    + "const look = "
    + _FOCUS_LOOK_JS
    + """;
  const el = document.activeElement;
  const name = describe(el);
  if (name === null) return null;
  // A link that wraps onto two lines has a bounding box whose centre can be another
  // element on the same lines: test the centre of its first line box instead.
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const inView = r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < innerHeight
    && r.right > 0 && r.left < innerWidth
    && (top === el || el.contains(top) || (top !== null && top.contains(el)));
  return {name, inView, look: look(el)};
}
"""
)


def focusable_elements(page) -> list[str]:
    return page.evaluate(_FOCUSABLE_JS)


def active_element(page) -> str | None:
    focused = page.evaluate(_FOCUSED_JS)
    return focused and focused["name"]


def focus_ring_visible(before: dict, after: dict) -> bool:
    """An outline of 2 px or more, or a box-shadow that was not there before focus."""
    outline = after["outlineStyle"] != "none" and after["outlineWidth"] >= 2
    outline_changed = outline and (
        before["outlineStyle"] == "none"
        or before["outlineWidth"] < 2
        or before["outlineColor"] != after["outlineColor"]
    )
    shadow = after["boxShadow"] != "none" and after["boxShadow"] != before["boxShadow"]
    return outline_changed or shadow


@dataclass
class TabStop:
    element: str
    ring_visible: bool
    in_view: bool


def tab_through(page, limit: int) -> list[TabStop]:
    """Press Tab from the top of the page until focus leaves the page or comes round again."""
    looks = page.evaluate(
        "() => {"
        + _DESCRIBE
        + " const look = "
        + _FOCUS_LOOK_JS
        + """;
        const out = {};
        for (const el of document.querySelectorAll('a, button, input, select, textarea, summary,'
                                                    + ' [tabindex]')) {
          out[describe(el)] = look(el);
        }
        return out;
      }"""
    )
    stops: list[TabStop] = []
    seen = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED_JS)
        if focused is None or focused["name"] in seen:
            break
        seen.add(focused["name"])
        before = looks.get(focused["name"], focused["look"])
        stops.append(
            TabStop(
                element=focused["name"],
                ring_visible=focus_ring_visible(before, focused["look"]),
                in_view=focused["inView"],
            )
        )
    return stops
