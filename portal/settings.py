"""One settings module for every environment, driven by environment variables.

DJANGO_DEBUG          "1" for development (make run); off by default.
DJANGO_SECRET_KEY     required in production (wsgi.py refuses to start without it).
DJANGO_ALLOWED_HOSTS  comma-separated host names; required in production.
PORTAL_CONTENT_DIR    folder of markdown content; defaults to ./content.
"""

import importlib.util
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
    "django.contrib.sitemaps",
    "portal.library",
    "portal.search",
    "portal.pages",
    "portal.security",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside whitenoise, so static files and refused requests get the same headers as pages.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.security.middleware.ResponseHeadersMiddleware",
    "portal.security.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Live preview for editors (make run): saving a content file reloads the open page, and a
# broken file's page explains the mistake instead of a bare 404. Development only.
if DEBUG and importlib.util.find_spec("django_browser_reload") is not None:
    INSTALLED_APPS += ["django_browser_reload", "portal.preview"]
    MIDDLEWARE += [
        "django_browser_reload.middleware.BrowserReloadMiddleware",
        "portal.preview.middleware.ContentErrorMiddleware",
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

# --- Production hardening (issue 7). Environment variables read here:
# DJANGO_SECURE_SSL_REDIRECT  "1" in production: redirect http to https (off for make serve).
# DJANGO_BEHIND_TLS_PROXY     "1" when a TLS proxy or CDN sets X-Forwarded-Proto (and strips a
#                             client's own); without it Django cannot tell the request was https.
# DJANGO_HSTS_PRELOAD         "0" to leave "preload" out of the HSTS header (on by default).
# PORTAL_SECURITY_CONTACT     security.txt Contact: e-mail or URIs, comma-separated; unset = 404.
# PORTAL_PUBLISHER            the publishing organisation's name, for "About our information".
from django.utils.csp import CSP  # noqa: E402  (kept with the block that uses it)

SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT")
if env_flag("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Sent only on https responses (Django skips it on plain http, so make serve is unaffected).
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preload protects a reader's very first visit, the one most likely on café or hospital wi-fi.
# The token alone changes nothing until the domain's owner submits it (see README).
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
# Nothing to load from anywhere but ourselves, and only the kinds of thing we use: one
# stylesheet, images, our own scripts (progressive enhancement), our own search form, and the
# search suggestions' requests to /api/search/ (connect-src), and the offline service worker.
# img-src allows data: for the site icon, which is inlined so that it costs no request
# (portal/pages/templatetags/favicon.py). That reaches no other host and runs nothing: an image
# from a data: URI cannot load anything or run script (SVG as an image is static), so scripts,
# styles and connections stay 'self' only, where data: would matter.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    # Our own service worker (/sw.js) for offline reading; without this, default-src 'none'
    # would refuse it.
    "worker-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# Switch off every powerful browser feature: the site needs none of them. Only names Chromium
# recognises (others print a console error on every page).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# No cookie is ever set (no sessions, no forms that post). CsrfViewMiddleware stays in
# MIDDLEWARE so a form that posts one day is protected from its first line; it sets a cookie
# only when a template asks for a token, and then https only.
CSRF_COOKIE_SECURE = True
PORTAL_SECURITY_CONTACT = os.environ.get("PORTAL_SECURITY_CONTACT", "")
# The organisation that publishes the site, named on "About our information". Never made up:
# unset, the page names nobody and `check --deploy` warns.
PORTAL_PUBLISHER = os.environ.get("PORTAL_PUBLISHER", "").strip()
# whitenoise would let any other site read our static files through CORS; nothing needs to.
WHITENOISE_ALLOW_ALL_ORIGINS = False

# Errors and 404s are logged (Django otherwise drops them when DEBUG is off), never with a
# query string: a search term must not be written down anywhere.
# Not propagated: Django's own "django" handlers do not strip query strings.
LOGGING["filters"] = {
    "no_query_strings": {"()": "portal.security.log_filters.StripQueryStrings"},
    "no_traceback": {"()": "portal.security.log_filters.DropTraceback"},
}
LOGGING["handlers"]["console"]["filters"] = ["no_query_strings"]
for _name in ("django.request", "django.security"):
    LOGGING["loggers"][_name] = {"handlers": ["console"], "level": "WARNING", "propagate": False}
# Robots probe with made-up Host headers all day; one line each is enough, not a traceback.
LOGGING["loggers"]["django.security.DisallowedHost"] = {
    "handlers": ["console"],
    "level": "WARNING",
    "filters": ["no_traceback"],
    "propagate": False,
}
