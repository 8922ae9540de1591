"""Flood limits: counted in the database, never per person; a refused post gets a kind 429."""

import datetime

import pytest
from django.utils import timezone

from portal.feedback.models import Feedback, PostsInMinute
from tests.feedback.conftest import JSON, OTHER_TOPIC, TOPIC

pytestmark = pytest.mark.django_db


def test_the_site_wide_limit_per_minute(post, settings):
    settings.PORTAL_FEEDBACK_PER_MINUTE = 3
    assert [post().status_code for _ in range(3)] == [303, 303, 303]
    refused = post({"page": OTHER_TOPIC, "comment": "my words"})
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "we are getting a lot of feedback at the moment" in html
    assert "my words" in html  # given back, not lost
    assert Feedback.objects.count() == 3
    # A refused post is not counted, and the count is one row for this minute.
    assert list(PostsInMinute.objects.values_list("count", flat=True)) == [3]


def test_the_limit_per_page_per_day_leaves_other_pages_open(post, settings):
    settings.PORTAL_FEEDBACK_PER_PAGE_PER_DAY = 2
    assert [post().status_code for _ in range(3)] == [303, 303, 429]
    assert post({"page": OTHER_TOPIC}).status_code == 303
    assert Feedback.objects.filter(page=TOPIC).count() == 2


def test_yesterdays_entries_do_not_count_today(post, settings):
    settings.PORTAL_FEEDBACK_PER_PAGE_PER_DAY = 1
    Feedback.objects.create(
        page=TOPIC, useful=True, day=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert post().status_code == 303


def test_a_new_minute_starts_a_new_count_and_the_old_one_is_forgotten(post, settings):
    settings.PORTAL_FEEDBACK_PER_MINUTE = 1
    earlier = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(minutes=1)
    PostsInMinute.objects.create(minute=earlier, count=50)
    assert post().status_code == 303
    # Only the current minute's count is kept, so minutes cannot be matched to entries.
    assert (
        PostsInMinute.objects.filter(minute__lt=earlier + datetime.timedelta(minutes=1)).count()
        == 0
    )
    assert PostsInMinute.objects.count() == 1


def test_the_script_gets_the_same_kind_message(post, settings):
    settings.PORTAL_FEEDBACK_PER_MINUTE = 0
    response = post(headers=JSON)
    assert response.status_code == 429
    assert "try again later today" in response.json()["message"]
