"""No cookie, ever: not on the page with the form, not on any answer to a post."""

from unittest import mock

import pytest
from django.db import OperationalError

from tests.feedback.conftest import SAME_ORIGIN, TOPIC

pytestmark = pytest.mark.django_db

# A cookie some other site, or an old visit, left in the browser: it must not be read, nor
# make Django answer with a Set-Cookie of its own (a malformed csrftoken would).
STALE_COOKIE = {"Cookie": "csrftoken=bad; sessionid=abc"}


def assert_no_cookie(response):
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    ("data", "headers", "status"),
    [
        ({}, SAME_ORIGIN, 303),
        ({}, {**SAME_ORIGIN, "Accept": "application/json"}, 201),
        ({"page": "/nope/nope/"}, SAME_ORIGIN, 400),
        ({"useful": "", "comment": ""}, SAME_ORIGIN, 400),
        ({}, {"Sec-Fetch-Site": "cross-site"}, 403),
    ],
    ids=["stored", "stored-json", "unknown-page", "empty", "cross-site"],
)
def test_no_answer_to_a_post_sets_a_cookie(client, data, headers, status):
    fields = {"page": TOPIC, "useful": "yes", "comment": "", **data}
    response = client.post("/feedback/", fields, headers={**headers, **STALE_COOKIE})
    assert response.status_code == status
    assert_no_cookie(response)


def test_no_cookie_when_limited_or_the_database_is_down(client, settings):
    settings.PORTAL_FEEDBACK_PER_MINUTE = 0
    limited = client.post("/feedback/", {"page": TOPIC, "useful": "yes"}, headers=SAME_ORIGIN)
    assert limited.status_code == 429
    assert_no_cookie(limited)
    with mock.patch("portal.feedback.services.record", side_effect=OperationalError("down")):
        down = client.post("/feedback/", {"page": TOPIC, "useful": "yes"}, headers=SAME_ORIGIN)
    assert down.status_code == 503
    assert_no_cookie(down)


@pytest.mark.parametrize(
    "path", [TOPIC, "/feedback/thanks/?page=/about/what-it-is/", "/feedback/", "/"]
)
def test_no_page_sets_a_cookie(client, path):
    response = client.get(path, headers=STALE_COOKIE)
    assert response.status_code in (200, 405)
    assert_no_cookie(response)


def test_the_form_holds_no_token_and_the_page_is_the_same_for_everyone(client):
    first = client.get(TOPIC).content
    second = client.get(TOPIC, headers={"Accept-Language": "fr", **STALE_COOKIE}).content
    assert first == second
    html = first.decode()
    start = html.index('<form class="feedback')
    form = html[start : html.index("</form>", start)]
    assert "csrfmiddlewaretoken" not in form
    assert 'name="page" value="/about/what-it-is/"' in form
