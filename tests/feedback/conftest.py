"""Helpers for the feedback tests: posts as a browser sends them from one of our own pages."""

import pytest

TOPIC = "/about/what-it-is/"
OTHER_TOPIC = "/emergencies/high-calcium/"
# What Chromium sends with a form posted from our own page: the site's no-referrer policy makes
# the Origin "null", and Sec-Fetch-Site says the post came from this site.
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "null"}
JSON = {**SAME_ORIGIN, "Accept": "application/json"}


@pytest.fixture
def post(client):
    def send(data=None, headers=SAME_ORIGIN, **extra):
        fields = {"page": TOPIC, "useful": "yes", "comment": ""}
        fields.update(data or {})
        return client.post(
            "/feedback/",
            {k: v for k, v in fields.items() if v is not None},
            headers=headers,
            **extra,
        )

    return send
