"""Production start-up and `check --deploy` with the documented production environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# The production environment exactly as the README documents it.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "information.example.org",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_BEHIND_TLS_PROXY": "1",
    "PORTAL_SECURITY_CONTACT": "mailto:security@your-organisation.example",
    "PORTAL_PUBLISHER": "Your Organisation",
}
MANAGED = ("DJANGO_", "PORTAL_")
# The warning tests run only the security checks: the content checks (the slow part of
# `check`) are the first test's business.
SECURITY_ONLY = ["manage.py", "check", "--deploy", "--tag", "security"]


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(MANAGED)}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    # One check is silenced on purpose: security.W003 (no CsrfViewMiddleware on the public site,
    # which keeps no session or cookie to forge; feedback checks Origin and Sec-Fetch-Site).
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_check_deploy_warns_without_a_security_contact():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "PORTAL_SECURITY_CONTACT"}
    result = run([*SECURITY_ONLY, "--fail-level", "WARNING"], **env)
    assert result.returncode != 0
    assert "portal_security.W001" in result.stderr
    assert "PORTAL_SECURITY_CONTACT" in result.stderr


def test_check_deploy_warns_about_an_unusable_contact():
    env = {**PRODUCTION_ENV, "PORTAL_SECURITY_CONTACT": "ring the office"}
    result = run(SECURITY_ONLY, **env)
    assert "portal_security.W002" in result.stderr and "ring the office" in result.stderr


def test_check_deploy_warns_without_ssl_redirect():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECURE_SSL_REDIRECT"}
    result = run(SECURITY_ONLY, **env)
    assert "security.W008" in result.stderr


ENTRY_POINTS = ["portal.wsgi"]


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_production_refuses_to_start_without_secret_and_hosts(entry_point):
    result = run(["-c", f"import {entry_point}"])
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "DJANGO_ALLOWED_HOSTS" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_production_refuses_the_development_placeholder_key(entry_point):
    from portal.settings import INSECURE_DEV_SECRET_KEY

    result = run(
        ["-c", f"import {entry_point}"],
        DJANGO_SECRET_KEY=INSECURE_DEV_SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="information.example.org",
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_production_environment_starts(entry_point):
    result = run(["-c", f"import {entry_point}"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


def test_gunicorn_refuses_to_start_without_secret_and_hosts():
    result = run(["-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", "127.0.0.1:0"])
    assert result.returncode != 0
    assert "Production needs these environment variables" in result.stderr
