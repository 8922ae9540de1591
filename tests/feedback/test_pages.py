"""The form on topic pages: on every one, small, cacheable; pages never touch the database."""

import gzip
import re

import pytest
from django.test import override_settings

from tests.feedback.conftest import TOPIC

FORM = re.compile(r'<p class="feedback-report[^\n]*</p>|<form class="feedback.*?</form>', re.S)


def test_every_topic_page_has_the_form_and_the_report_link(client):
    from portal.content.loading.store import get_library

    topics = get_library().topics.values()
    assert len(topics) >= 2
    for topic in topics:
        html = client.get(topic.url).content.decode()
        assert f'<input type="hidden" name="page" value="{topic.url}">' in html
        assert '<a href="#feedback">Report a mistake on this page</a>' in html
        assert "Do not include names, dates of birth or other personal details." in html
        assert 'maxlength="1000"' in html


def test_the_form_costs_a_few_hundred_bytes(client):
    html = client.get(TOPIC).content.decode()
    without = FORM.sub("", html)
    assert len(FORM.findall(html)) == 2
    added = len(gzip.compress(html.encode())) - len(gzip.compress(without.encode()))
    assert 0 < added < 500, added


@pytest.mark.django_db
def test_pages_never_touch_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        for path in ("/", TOPIC, "/about/", "/feedback/thanks/?page=/about/what-it-is/"):
            assert client.get(path).status_code == 200


@override_settings(
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "portal.security.middleware.RequestGuardMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.http.ConditionalGetMiddleware",
    ]
)
@pytest.mark.parametrize("path", [TOPIC, "/feedback/thanks/?page=/about/what-it-is/"])
def test_pages_with_the_form_revalidate_under_plain_django(client, path):
    first = client.get(path)
    etag = first["ETag"]
    assert client.get(path)["ETag"] == etag  # the same bytes for every reader
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
