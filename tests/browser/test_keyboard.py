"""Keyboard: skip link first, every control reachable by Tab with a visible ring, search works."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import probes
from tests.browser.page_types import WIDTHS
from tests.browser.params import EACH_PAGE_AND_WIDTH

pytestmark = pytest.mark.browser


@EACH_PAGE_AND_WIDTH
def test_skip_link_is_first_visible_and_moves_focus_to_main(page_reports, page_type, width):
    skip = page_reports[page_type].widths[width].skip_link
    assert skip["text"] == "Skip to main content"
    assert skip["href"] == "#main"
    assert skip["visible"], "the skip link must show on screen when it has focus"
    assert skip["focus_after"] == "main"
    main_text, main_background = skip["main_colours"]
    assert main_text == skip["body_colours"][0], "the focused main content changed its text colour"
    assert main_background in ("rgba(0, 0, 0, 0)", skip["body_colours"][1])
    assert skip["next_stop_in_main"], "after skipping, Tab should continue inside the main content"


@EACH_PAGE_AND_WIDTH
def test_tab_reaches_every_link_and_control_in_order(page_reports, page_type, width):
    report = page_reports[page_type].widths[width]
    assert len(report.focusable) > 5
    assert [stop.element for stop in report.tab_stops] == report.focusable


@EACH_PAGE_AND_WIDTH
def test_focus_ring_is_visible_on_every_stop(page_reports, page_type, width):
    stops = page_reports[page_type].widths[width].tab_stops
    assert [stop.element for stop in stops if not stop.ring_visible] == []
    assert [stop.element for stop in stops if not stop.in_view] == []


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def test_search_from_the_keyboard_alone(make_page, site_url, width):
    page = make_page(width=width)
    page.goto(site_url + "/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('header input[name=q]')"):
            break
    else:
        pytest.fail("Tab never reached the header search box")
    page.keyboard.type("high calcium")
    # Search lands in another branch; until then /search/ answers 404, so only the URL is ours.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    address = urlsplit(page.url)
    assert address.path == "/search/"
    assert parse_qs(address.query) == {"q": ["high calcium"]}


def test_focus_probe_notices_a_hidden_focus_ring(page):
    page.set_content(
        "<style>a:focus { outline: none; }"
        " button:focus { outline: none; box-shadow: 0 0 0 4px black; }</style>"
        "<a href='#one'>One</a> <a href='#two' style='outline: 3px solid black'>Two</a>"
        "<button>Three</button>"
    )
    stops = probes.tab_through(page, limit=5)
    assert [stop.ring_visible for stop in stops] == [False, False, True]


def test_focus_probe_counts_a_radio_group_as_one_stop(page):
    page.set_content(
        "<form><a href='#a'>a</a>"
        "<input type=radio name=r value=1><input type=radio name=r value=2>"
        "<input type=radio name=s value=1><input type=radio name=s value=2 checked>"
        "<button>b</button></form>"
    )
    # The first button of group r (none chosen), the chosen one of group s.
    expected = ['a "a"', 'input "1"', 'input "2"', 'button "b"']
    assert [name.split(":", 1)[1] for name in probes.focusable_elements(page)] == expected
    assert [stop.element for stop in probes.tab_through(page, 10)] == probes.focusable_elements(
        page
    )
