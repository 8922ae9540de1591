"""Sign-in: Django's auth with django-axes limits, optional TOTP, CSRF, cookie flags, audit."""

import time

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.desk.models import AuditEvent
from tests.desk.conftest import PASSWORD


def sign_in(client, username, password, **extra):
    return client.post("/desk/login/", {"username": username, "password": password, **extra})


def test_the_desk_asks_for_sign_in_first(content_repo):
    response = Client().get("/desk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/?next=/desk/")


def test_the_sign_in_form_has_the_standard_fields(content_repo):
    body = Client().get("/desk/login/").content.decode()
    assert 'name="username"' in body and 'name="password"' in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_a_good_password_signs_in_and_is_audited(content_repo, editor):
    client = Client()
    response = sign_in(client, "edna", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.SIGN_IN, user=editor).exists()


def test_a_wrong_password_is_refused_and_audited(content_repo, editor):
    response = sign_in(Client(), "edna", "not the password")
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action=AuditEvent.SIGN_IN_FAILED, username="edna").exists()


def test_repeated_wrong_passwords_lock_the_account(content_repo, editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "edna", "wrong password")
    # Now even the right password is refused, and the lockout page says why.
    response = sign_in(client, "edna", PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong sign-ins" in response.content.decode()
    assert client.get("/desk/").status_code == 302  # not signed in
    assert AuditEvent.objects.filter(action=AuditEvent.LOCKED_OUT).exists()


def test_the_lockout_also_stops_guessing_other_names_from_one_address(
    content_repo, editor, reviewer, settings
):
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"nobody{attempt}", "wrong password")
    assert sign_in(client, "rita", PASSWORD).status_code == 429


def test_sign_out_is_a_post(content_repo, editor):
    client = Client()
    sign_in(client, "edna", PASSWORD)
    assert client.get("/desk/logout/").status_code == 405
    assert client.post("/desk/logout/").status_code == 302
    assert client.get("/desk/").status_code == 302


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def code(device):
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(
        device.digits
    )


def test_two_factor_users_need_the_code(content_repo, device):
    client = Client()
    response = sign_in(client, "edna", PASSWORD)
    assert response.status_code == 400
    assert "6-digit code" in response.content.decode()
    assert client.get("/desk/").status_code == 302
    assert sign_in(client, "edna", PASSWORD, otp_token="000000").status_code == 400
    time.sleep(1.1)  # django-otp makes the device wait a second after a wrong code
    assert sign_in(client, "edna", PASSWORD, otp_token=code(device)).status_code == 302
    assert client.get("/desk/").status_code == 200


def test_wrong_codes_count_towards_the_lockout(content_repo, device, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "edna", PASSWORD, otp_token="000000")
    assert sign_in(client, "edna", PASSWORD, otp_token=code(device)).status_code == 429


def test_setting_up_two_factor(content_repo, editor, client_for):
    client = client_for(editor)
    page = client.get("/desk/account/two-factor/")
    assert page.status_code == 200 and "data:image/svg+xml" in page.content.decode()
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post("/desk/account/two-factor/", {"token": "000000"}).status_code == 200
    time.sleep(1.1)  # the wait after a wrong code
    assert client.post("/desk/account/two-factor/", {"token": code(pending)}).status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert AuditEvent.objects.filter(action=AuditEvent.TWO_FACTOR).exists()


def test_a_session_without_the_code_is_not_enough_once_two_factor_is_on(
    content_repo, editor, client_for
):
    client = client_for(editor)  # signed in with the password alone
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert client.get("/desk/").status_code == 302


def test_posts_without_a_csrf_token_are_refused(content_repo, editor):
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, "edna", PASSWORD).status_code == 403
    client.force_login(editor)
    response = client.post(
        "/desk/pages/about/second/autosave/",
        '{"text": "x", "version": 0}',
        content_type="application/json",
    )
    assert response.status_code == 403
    response = client.post(
        "/desk/preview/", '{"page": "about/second", "text": "x"}', content_type="application/json"
    )
    assert response.status_code == 403


def test_posts_with_the_token_from_the_page_are_accepted(content_repo, editor):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/desk/login/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = sign_in(client, "edna", PASSWORD, csrfmiddlewaretoken=token)
    assert response.status_code == 302


def test_cookies_are_secure_httponly_and_strict(content_repo, editor):
    client = Client()
    csrf = client.get("/desk/login/").cookies["csrftoken"]
    response = sign_in(client, "edna", PASSWORD)
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Strict"


def test_weak_passwords_are_refused_by_the_rules(content_repo):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "12345678901234", "short1!"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password(PASSWORD)
