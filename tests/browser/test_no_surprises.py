"""No surprises: no console errors, no failed or blocked requests, no other host ever asked."""

from urllib.parse import urlsplit

import pytest

from tests.browser import probes
from tests.browser.params import EACH_PAGE_AND_WIDTH

pytestmark = pytest.mark.browser


@EACH_PAGE_AND_WIDTH
def test_page_loads_cleanly_from_the_portal_alone(page_reports, portal_server, page_type, width):
    traffic = page_reports[page_type].widths[width].traffic
    assert traffic.requests, "the recorder saw no request at all"
    assert traffic.hosts() == {urlsplit(portal_server).netloc}
    assert traffic.console_errors == []
    assert traffic.failed == []
    assert traffic.error_responses == []


def test_recorder_sees_outside_requests_failures_and_errors(page):
    # The outside request is stopped inside Chromium, so nothing leaves the machine.
    page.route("http://third-party.test/**", lambda route: route.abort())
    traffic = probes.record_traffic(page)
    page.goto("data:text/html,<title>t</title>")
    page.set_content(
        "<img alt='' src='http://third-party.test/pixel.png'>"
        "<script>console.error('broken')</script>"
    )
    page.wait_for_load_state("load")
    assert "third-party.test" in traffic.hosts()
    assert any("third-party.test" in failure for failure in traffic.failed)
    assert any("broken" in message for message in traffic.console_errors)
