"""POST /feedback/: stored without a cookie, refused from other sites, bad input answered kindly."""

import datetime

import pytest
from django.utils import timezone

from portal.feedback.models import Feedback
from tests.feedback.conftest import JSON, OTHER_TOPIC, SAME_ORIGIN, TOPIC

pytestmark = pytest.mark.django_db


def test_a_post_without_a_cookie_is_stored_and_thanked(client, post):
    response = post({"useful": "no", "comment": "Nothing about driving."})
    assert response.status_code == 303
    assert response["Location"] == "/feedback/thanks/?page=%2Fabout%2Fwhat-it-is%2F"
    assert list(Feedback.objects.values("page", "useful", "comment", "day")) == [
        {
            "page": TOPIC,
            "useful": False,
            "comment": "Nothing about driving.",
            "day": timezone.localdate(),
        }
    ]
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert "Thank you for your feedback" in html
    assert f'<a href="{TOPIC}">Back to “What it is”</a>' in html


def test_only_page_answer_text_and_day_are_kept():
    # No address, browser, referrer or time of day: the table has no column that could hold one.
    fields = {field.name for field in Feedback._meta.get_fields()}
    assert fields == {"id", "page", "useful", "comment", "day"}
    assert Feedback._meta.get_field("day").get_internal_type() == "DateField"


def test_a_report_without_an_answer_is_stored(post):
    assert post({"useful": None, "comment": "The phone number is wrong."}).status_code == 303
    assert Feedback.objects.get().useful is None


def test_a_post_from_an_old_browser_with_our_origin_is_stored(post):
    # No Sec-Fetch-Site (older browsers), but an Origin that is ours.
    response = post(headers={"Origin": "http://testserver"})
    assert response.status_code == 303
    assert Feedback.objects.count() == 1


def test_in_place_posts_get_json(post):
    response = post({"useful": "yes"}, headers=JSON)
    assert response.status_code == 201
    assert response.json()["message"].startswith("Thank you.")
    assert Feedback.objects.get().useful is True


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://spam.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://sub.testserver"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://spam.example"},
        {"Origin": "https://spam.example"},
        {"Origin": "http://testserver.spam.example"},
        {"Origin": "null"},
        {},
    ],
    ids=[
        "sec-fetch-cross-site",
        "sec-fetch-same-site",
        "sec-fetch-cross-site-no-origin",
        "same-origin-but-foreign-origin",
        "foreign-origin",
        "lookalike-origin",
        "null-origin-alone",
        "no-headers",
    ],
)
def test_a_cross_site_post_is_refused(post, headers):
    response = post({"comment": "spam"}, headers=headers)
    assert response.status_code == 403
    assert "was not sent from a page of this website" in response.content.decode()
    assert Feedback.objects.count() == 0


def test_another_of_our_host_names_is_trusted_over_https_only(post, settings):
    settings.ALLOWED_HOSTS = ["testserver", "www.example.org"]
    assert post(headers={"Origin": "https://www.example.org"}).status_code == 303
    assert post(headers={"Origin": "http://www.example.org"}).status_code == 403


def test_a_wildcard_allowed_host_does_not_let_every_origin_in(post, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert post(headers={"Origin": "https://spam.example"}).status_code == 403


@pytest.mark.parametrize(
    "page",
    [
        "/about/no-such-topic/",
        "/about/",
        "/",
        "",
        "https://spam.example/about/what-it-is/",
        "/about/what-it-is/../../etc/passwd",
        "/about/what-it-is",
        "/ABOUT/what-it-is/",
        "/about/what-it-is/" + "x" * 300,
    ],
)
def test_an_unknown_page_gets_a_helpful_400_and_nothing_is_stored(post, page):
    response = post({"page": page, "comment": "hello"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "We could not tell which page this feedback was about" in html
    assert '<a href="/">Go to the home page</a>' in html
    assert Feedback.objects.count() == 0


def test_an_unknown_page_gets_json_for_the_script(post):
    response = post({"page": "/about/nope/"}, headers=JSON)
    assert response.status_code == 400
    assert "could not tell which page" in response.json()["message"]


def test_an_empty_form_asks_for_an_answer(post):
    response = post({"useful": None, "comment": "   "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose Yes or No, or tell us what was missing or wrong." in html
    assert 'action="/feedback/"' in html  # the form is there to try again
    assert Feedback.objects.count() == 0


def test_a_too_long_comment_is_given_back_not_lost(post):
    words = "<b>mine</b> " * 100  # 1,200 characters
    response = post({"useful": "no", "comment": words})
    html = response.content.decode()
    assert response.status_code == 400
    assert "shorten your message to 1,000 characters or fewer (it has 1199)" in html
    assert "&lt;b&gt;mine&lt;/b&gt; &lt;b&gt;mine" in html  # in the box, escaped
    assert '<input type="radio" name="useful" value="no" checked>' in html
    assert "<b>mine</b>" not in html
    assert Feedback.objects.count() == 0


def test_new_lines_count_once_as_the_browser_counts_them(post):
    # 500 lines sent as CRLF are 1,000 characters in the box, and fit.
    comment = "\r\n".join(["x"] * 500) + "\r\n"
    assert post({"comment": comment}).status_code == 303
    assert Feedback.objects.get().comment == "\n".join(["x"] * 500)


def test_get_on_the_form_address_explains(client):
    response = client.get("/feedback/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "use the form at the end of any page" in response.content.decode()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_on_the_form_address_are_refused(client, method):
    response = client.generic(method.upper(), "/feedback/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize("path", ["/feedback/thanks/", "/feedback", "/about/what-it-is/"])
def test_post_is_still_refused_everywhere_else(client, path):
    response = client.post(path, {"page": TOPIC, "useful": "yes"}, headers=SAME_ORIGIN)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert Feedback.objects.count() == 0


def test_the_thanks_page_links_home_for_a_page_it_does_not_know(client):
    response = client.get("/feedback/thanks/", {"page": '"><script>alert(1)</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/">Go to the home page</a>' in html
    assert "<script>alert" not in html and "alert(1)" not in html


def test_the_day_is_the_day_in_london(post, monkeypatch):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert post().status_code == 303
    assert Feedback.objects.get().day == datetime.date(2026, 7, 1)


def test_answers_to_posts_are_never_cached(post):
    for response in (post(), post({"page": "/x/y/"}), post(headers={})):
        assert "no-store" in response["Cache-Control"]


def test_the_other_topic_also_takes_feedback(post):
    assert post({"page": OTHER_TOPIC}).status_code == 303
    assert Feedback.objects.get().page == OTHER_TOPIC
