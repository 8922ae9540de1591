"""The feedback form in Chromium: without JavaScript (a page comes back), with it (in place, the
message announced and focused), by keyboard alone, and axe-clean at 1280 and 320 px.

The thank-you page is also in page_types.py, so every page check runs on it. These tests post
to the live server, which writes to the test database (transactional_db: the server's thread
sees what is committed)."""

from urllib.parse import urlsplit

import pytest

from portal.feedback.models import Feedback
from tests.browser import probes
from tests.browser.page_types import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

TOPIC = "/treatments/chemotherapy/"
EACH_WIDTH = pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])


def form_of(page):
    return page.locator("form#feedback")


@EACH_WIDTH
def test_without_javascript_the_form_posts_and_a_thank_you_page_comes_back(
    make_page, site_url, width
):
    page = make_page(width=width, javascript=False)
    page.goto(site_url + TOPIC)
    form = form_of(page)
    form.get_by_label("No").check()
    form.get_by_label("What was missing or wrong? (optional)").fill(
        "Say more about <b>tiredness</b>."
    )
    with page.expect_navigation():
        form.get_by_role("button", name="Send feedback").click()
    assert urlsplit(page.url).path == "/feedback/thanks/"
    assert page.locator("h1").inner_text() == "Thank you for your feedback"
    assert Feedback.objects.get().comment == "Say more about <b>tiredness</b>."
    assert page.context.cookies() == []
    # (axe needs JavaScript; the thank-you page is in page_types.py, so axe checks it there.)
    page.get_by_role("link", name="Back to “Chemotherapy”").click()
    assert urlsplit(page.url).path == TOPIC


@EACH_WIDTH
def test_with_javascript_the_thank_you_is_shown_in_place_and_focused(make_page, site_url, width):
    page = make_page(width=width)
    page.goto(site_url + TOPIC)
    form = form_of(page)
    form.get_by_label("Yes").check()
    form.get_by_role("button", name="Send feedback").click()
    status = page.get_by_role("status")
    status.filter(has_text="Thank you.").wait_for()
    assert urlsplit(page.url).path == TOPIC  # no page load
    assert form.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    assert page.context.cookies() == []
    assert Feedback.objects.get().useful is True
    violations = probes.axe_violations(page)
    assert violations == [], probes.describe_violations(violations)


def test_with_javascript_a_problem_is_shown_in_place_and_the_words_stay(make_page, site_url):
    page = make_page(width=320)
    page.goto(site_url + TOPIC)
    form = form_of(page)
    form.get_by_role("button", name="Send feedback").click()  # no answer, no words
    status = page.get_by_role("status")
    status.filter(has_text="Choose Yes or No").wait_for()
    assert form.is_visible()
    assert Feedback.objects.count() == 0
    violations = probes.axe_violations(page)
    assert violations == [], probes.describe_violations(violations)


@EACH_WIDTH
def test_the_page_for_a_problem_is_accessible(make_page, site_url, width):
    page = make_page(width=width)  # axe needs JavaScript
    page.goto(site_url + TOPIC)
    form_of(page).get_by_label("What was missing or wrong? (optional)").fill("   ")
    # form.submit() posts as a browser without JavaScript would: feedback.js never sees it.
    with page.expect_navigation():
        form_of(page).evaluate("form => form.submit()")
    assert page.locator("h1").inner_text() == "Please check your feedback"
    assert "Choose Yes or No" in page.get_by_role("alert").inner_text()
    assert probes.horizontal_overflow(page) == 0
    violations = probes.axe_violations(page)
    assert violations == [], probes.describe_violations(violations)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_report_a_mistake_leads_to_the_comment_box(make_page, site_url, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto(site_url + TOPIC)
    page.get_by_role("link", name="Report a mistake on this page").click()
    # The question, the warning and the comment box are all on screen.
    height = page.viewport_size["height"]
    for part in (
        page.get_by_text("Was this page useful?"),
        page.get_by_text("Do not include names"),
        page.get_by_label("What was missing or wrong? (optional)"),
    ):
        box = part.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, box
    if javascript:
        assert page.evaluate("document.activeElement.id") == "feedback-comment"
    else:
        # Tab goes on from the form: to the first answer.
        page.keyboard.press("Tab")
        assert page.locator("input[value=yes]:focus").count() == 1


def test_the_form_by_keyboard_alone(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + TOPIC)
    page.get_by_role("link", name="Report a mistake on this page").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "feedback-comment"
    page.keyboard.type("The dose table is out of date.")
    # Back to the answer: Shift+Tab enters the radio group at its last button (none is chosen
    # yet), Space chooses, arrow keys change the choice.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.value") == "no"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowLeft")
    assert page.locator("input[name=useful]:checked").get_attribute("value") == "yes"
    page.keyboard.press("ArrowRight")
    assert page.locator("input[name=useful]:checked").get_attribute("value") == "no"
    page.keyboard.press("Tab")  # the comment box
    page.keyboard.press("Tab")  # the button
    assert page.evaluate("document.activeElement.textContent") == "Send feedback"
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Thank you.").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    entry = Feedback.objects.get()
    assert (entry.useful, entry.comment) == (False, "The dose table is out of date.")
