"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA, plus best practice) on every page type and width."""

import pytest

from tests.browser import probes
from tests.browser.params import EACH_PAGE_AND_WIDTH

pytestmark = pytest.mark.browser


@EACH_PAGE_AND_WIDTH
def test_axe_finds_no_violations(page_reports, page_type, width):
    violations = page_reports[page_type].widths[width].violations
    assert violations == [], probes.describe_violations(violations)


def test_axe_finds_violations_on_a_broken_page(page):
    """The harness really runs the rules we ask for, WCAG 2.2 and best practice included."""
    page.set_content(
        "<html><body><img src='data:,'>"
        "<p style='color:#bbb;background:#fff'>faint text</p>"
        "<a href='#a' style='display:inline-block;width:8px;height:8px'></a>"
        "<a href='#b' style='display:inline-block;width:8px;height:8px'>b</a>"
        "</body></html>"
    )
    found = {violation["id"] for violation in probes.axe_violations(page)}
    assert {"html-has-lang", "image-alt", "color-contrast", "link-name", "region"} <= found
    assert "target-size" in found, "the WCAG 2.2 rules are not running"


def test_the_colour_rules_alone_find_faint_text_and_nothing_else(page):
    """The second theme's run (survey.py) asks only for the rules that read colours."""
    page.set_content(
        "<html><body><img src='data:,'>"
        "<p style='color:#bbb;background:#fff'>faint text</p></body></html>"
    )
    found = {violation["id"] for violation in probes.axe_violations(page, probes.COLOUR_OPTIONS)}
    assert found == {"color-contrast"}
