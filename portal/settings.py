"""One settings module for every environment, driven by environment variables.

DJANGO_DEBUG          "1" for development (make run); off by default.
DJANGO_SECRET_KEY     required in production (wsgi.py refuses to start without it).
DJANGO_ALLOWED_HOSTS  comma-separated host names; required in production.
PORTAL_CONTENT_DIR    folder of markdown content; defaults to ./content.
"""

import os
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

# Development and tests run without a secret; production entry points (wsgi.py) refuse this
# placeholder, so it can never sign anything real. Nothing here is signed anyway: no sessions.
INSECURE_DEV_SECRET_KEY = "insecure-development-only-key-not-for-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or INSECURE_DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

PORTAL_CONTENT_DIR = Path(os.environ.get("PORTAL_CONTENT_DIR") or BASE_DIR / "content").resolve()
PORTAL_SITE_NAME = "Secondary Breast Cancer Information"

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "portal.library",
    "portal.search",
    "portal.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "portal.pages.context.site",
            ],
        },
    },
]

# No database: content lives in files and is held in memory (see portal/library).
DATABASES = {}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Hashed, compressed, immutable files once `collectstatic` has run (make serve does);
# before that (development, tests) plain files straight from static/.
# `make collectstatic` sets PORTAL_COLLECTING_STATIC so the very first run writes hashed files too.
_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists() or env_flag("PORTAL_COLLECTING_STATIC")
STORAGES = {
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if _COLLECTED and not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
WHITENOISE_USE_FINDERS = not _COLLECTED or DEBUG
# Before collectstatic there is no STATIC_ROOT yet; the finders serve static/ instead.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)

# Security headers that Django provides itself; no cookies are ever set.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "portal": {"handlers": ["console"], "level": "INFO"},
    },
}
