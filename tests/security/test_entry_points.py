"""The headers through the real production entry point (portal.wsgi, which gunicorn runs), not
only the test client: whatever wraps the Django application there must keep them, on first and
repeated requests."""

import importlib
import io
import secrets
import sys
from wsgiref.util import setup_testing_defaults

import pytest


@pytest.fixture(params=["portal.wsgi"])
def application(monkeypatch, request):
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "127.0.0.1,testserver")
    sys.modules.pop(request.param, None)
    module = importlib.import_module(request.param)
    yield module.application
    sys.modules.pop(request.param, None)


def call(application, path: str, method: str = "GET") -> tuple[str, dict[str, str]]:
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(headers)

    body = application(environ, start_response)
    b"".join(body)
    getattr(body, "close", lambda: None)()
    return captured["status"], captured["headers"]


@pytest.mark.parametrize("path", ["/", "/about/what-it-is/", "/no-such-page/"])
def test_security_headers_survive_the_entry_point(application, path):
    for _ in range(2):  # the second time may come from a cache in front of Django
        status, headers = call(application, path)
        assert status[:3] in ("200", "404")
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert "camera=()" in headers["Permissions-Policy"]
        for name, value in {
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Resource-Policy": "same-origin",
        }.items():
            assert headers[name] == value, name
        assert "Set-Cookie" not in headers


def test_post_is_refused_at_the_entry_point(application):
    status, headers = call(application, "/about/what-it-is/", method="POST")
    assert status.startswith("405") and headers["Allow"] == "GET, HEAD"
