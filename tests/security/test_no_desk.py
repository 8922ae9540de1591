"""The public site (PORTAL_DESK unset) has no desk, no sign-in and no cookies."""

import pytest
from django.conf import settings
from django.test import Client


def test_the_public_settings_load_nothing_of_the_desk():
    assert not settings.PORTAL_DESK
    for app in ("portal.desk", "django.contrib.sessions", "django.contrib.auth", "axes"):
        assert app not in settings.INSTALLED_APPS
    assert not any(
        word in name for name in settings.MIDDLEWARE for word in ("Session", "Auth", "Csrf")
    )


@pytest.mark.parametrize(
    "path", ["/desk/", "/desk/login/", "/desk/pages/about/second/", "/desk/preview/"]
)
def test_desk_addresses_are_not_found_and_set_no_cookie(path):
    response = Client().get(path)
    assert response.status_code == 404
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_a_post_to_the_desk_sign_in_is_refused_without_a_cookie():
    response = Client().post("/desk/login/", {"username": "a", "password": "b"})
    assert response.status_code == 405
    assert not response.cookies
