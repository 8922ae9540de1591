"""Every security header on every kind of response: pages, errors, refusals and static files."""

import pytest

PERMISSIONS_OFF = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")

# One of each kind of response the site gives, including the ones Django gives for us.
RESPONSES = [
    ("get", "/", {}, 200),
    ("get", "/about/", {}, 200),
    ("get", "/about/what-it-is/", {}, 200),
    ("get", "/contacts/", {}, 200),
    ("get", "/api/topics/", {}, 200),
    ("get", "/no-such-page/", {}, 404),
    ("get", "/About/What-It-Is/", {}, 302),
    ("post", "/about/what-it-is/", {}, 405),
    ("delete", "/no-such-page/", {}, 405),
    ("get", "/", {"HTTP_HOST": "attacker.example"}, 400),
    ("get", "/?q=" + "a" * 5000, {}, 414),
    ("get", "/static/css/site.css", {}, 200),
    ("get", "/static/favicon.svg", {}, 200),
    ("head", "/about/", {}, 200),
]


@pytest.fixture(params=RESPONSES, ids=[f"{m} {p[:30]} {s}" for m, p, _, s in RESPONSES])
def response(request, client):
    method, path, extra, status = request.param
    result = getattr(client, method)(path, **extra)
    assert result.status_code == status
    return result


def test_strict_content_security_policy(response):
    csp = response["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (d.strip() for d in csp.split(";")) if part
    )
    assert directives["default-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    # data: for images only: the inlined site icon (no request); it reaches no other host.
    assert directives["img-src"] == "'self' data:"
    for name, value in directives.items():
        allowed = {"'self'", "'none'"} | ({"data:"} if name == "img-src" else set())
        assert set(value.split()) <= allowed, f"{name} allows {value}"
    assert "unsafe" not in csp


def test_browser_isolation_and_privacy_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_permissions_policy_turns_powerful_features_off(response):
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in PERMISSIONS_OFF:
        assert policy[feature] == "()", feature


def test_no_cookie_on_any_response(response):
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_hsts_for_a_year_on_https_only(client):
    secure = client.get("/about/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    # Plain http (make serve on 127.0.0.1) must not be told to upgrade: browsers ignore it
    # there anyway, and Django leaves it out.
    assert "Strict-Transport-Security" not in client.get("/about/").headers


def test_ssl_redirect_and_tls_proxy_header_when_configured(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    redirect = client.get("/about/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/about/"
    behind_proxy = client.get("/about/", HTTP_X_FORWARDED_PROTO="https")
    assert behind_proxy.status_code == 200
    assert "Strict-Transport-Security" in behind_proxy.headers
