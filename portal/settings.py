"""One settings module for every environment, driven by environment variables.

DJANGO_DEBUG          "1" for development (make run); off by default.
DJANGO_SECRET_KEY     required in production (wsgi.py refuses to start without it).
DJANGO_ALLOWED_HOSTS  comma-separated host names; required in production.
PORTAL_CONTENT_DIR    folder of markdown content; defaults to ./content.
DATABASE_URL          any database URL (sqlite://, postgres:// with the "postgres" extra);
                      default the SQLite file PORTAL_DB_PATH (./db.sqlite3). It holds only what
                      people write through the site: reader feedback, and the desk's drafts.
PORTAL_DESK           "1" to run the editors' desk (sign-in, sessions, CSRF cookies) at /desk/.
                      The desk's own settings are at the end of this file.
"""

import importlib.util
import os
import warnings
from pathlib import Path

import dj_database_url

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
    "portal.content",
    "portal.search",
    "portal.pages",
    "portal.security",
    "portal.feedback",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside whitenoise, so static files and refused requests get the same headers as pages.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.security.middleware.ResponseHeadersMiddleware",
    "portal.security.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages only (whitenoise answers static files above): an ETag of the bytes and 304 for a
    # matching If-None-Match, after the Cache-Control the next one adds.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.pages.cache_headers.PublicCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
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

# Content lives in files and is held in memory (see portal/content); pages never touch the
# database. It holds only what people write through the site (reader feedback, the desk's drafts
# and audit log), so if it is down, pages still serve.
PORTAL_DB_PATH = Path(os.environ.get("PORTAL_DB_PATH") or BASE_DIR / "db.sqlite3")
DATABASES = {
    "default": dj_database_url.config(
        # A connection per request and none kept open: writes are rare, and no open connection
        # can go stale under whichever server runs us.
        env="DATABASE_URL",
        default=f"sqlite:///{PORTAL_DB_PATH}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Several server processes may write at once: take the write lock when a transaction
        # starts (no upgrade deadlocks), wait a few seconds for it, then give up with an error the
        # reader is told about. WAL lets the report read while a reader's feedback is written.
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
# No cookie is ever set: no sessions, and no CSRF middleware on the public site (its guard
# refuses every POST but reader feedback, which checks Origin and Sec-Fetch-Site itself:
# portal/feedback/origin.py). Sessions and CSRF cookies exist only on the editors' desk (below).
CSRF_COOKIE_SECURE = True
# `check --deploy` warns when CsrfViewMiddleware is missing; the public site has no session
# or signed-in user whose request another site could forge, and no cookie to carry a token.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
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

# Reader feedback (portal/feedback): flood limits, counting stored entries and never people.
# A page takes at most this many entries a day, and the whole site this many a minute; above
# that a post is refused (429) with a kind message.
PORTAL_FEEDBACK_PER_PAGE_PER_DAY = int(os.environ.get("PORTAL_FEEDBACK_PER_PAGE_PER_DAY", 200))
PORTAL_FEEDBACK_PER_MINUTE = int(os.environ.get("PORTAL_FEEDBACK_PER_MINUTE", 30))

# --- The editors' desk (issue 18), only where PORTAL_DESK=1, on its own host or port.
# The public site never has any of this: no sessions, no auth, no cookies, no /desk/ URLs.
# PORTAL_DESK_INSECURE_COOKIES "1" lets the desk's cookies travel over plain http (make desk on
#                              127.0.0.1 only); never in production.
# PORTAL_DESK_LOGIN_LIMIT      failed sign-ins before a one-hour lockout (django-axes); 5.
# PORTAL_RELEASE_COMMAND       run after each publish, without a shell (for example a release
#                              script); unset = send HUP to the gunicorn master whose pid is in
#                              PORTAL_GUNICORN_PIDFILE.
# PORTAL_GUNICORN_PIDFILE      the public site's gunicorn pid file, for the default release.
PORTAL_DESK = env_flag("PORTAL_DESK")
PORTAL_RELEASE_COMMAND = os.environ.get("PORTAL_RELEASE_COMMAND", "").strip()
PORTAL_GUNICORN_PIDFILE = os.environ.get("PORTAL_GUNICORN_PIDFILE", "").strip()
if PORTAL_DESK:
    INSTALLED_APPS += [
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django_otp",
        "django_otp.plugins.otp_totp",
        "axes",
        "portal.desk",
    ]
    _guard = MIDDLEWARE.index("portal.security.middleware.RequestGuardMiddleware")
    # The desk posts forms and keeps a session, so its guard lets those through (same limits).
    MIDDLEWARE[_guard] = "portal.desk.middleware.DeskRequestGuardMiddleware"
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
        "django.contrib.sessions.middleware.SessionMiddleware",
    )
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,
        "django.middleware.csrf.CsrfViewMiddleware",
    )
    SILENCED_SYSTEM_CHECKS = []
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware") + 1,
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    )
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "django_otp.middleware.OTPMiddleware",
    )
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
        "django.contrib.messages.middleware.MessageMiddleware",
    )
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    MIDDLEWARE.append("axes.middleware.AxesMiddleware")
    TEMPLATES[0]["OPTIONS"]["context_processors"] += [
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "portal.desk.context.roles",
    ]
    AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    LOGIN_URL = "/desk/login/"
    LOGIN_REDIRECT_URL = "/desk/"
    _secure_cookies = not env_flag("PORTAL_DESK_INSECURE_COOKIES")
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _secure_cookies
    SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Strict"
    # Chromium sends "Origin: null" on form posts from a no-referrer page, which Django's CSRF
    # check rightly refuses; the desk's links go nowhere but the desk and the public site.
    SECURE_REFERRER_POLICY = "same-origin"
    SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day; sign in again tomorrow
    SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 12},
        },
        {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
        {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    ]
    AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_DESK_LOGIN_LIMIT") or 5)
    AXES_COOLOFF_TIME = 1  # hours
    # Locked by name and by address alike: guessing one person's password from many
    # addresses, or many people's from one address, both stop at the limit.
    AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
    AXES_RESET_ON_SUCCESS = True
    AXES_LOCKOUT_TEMPLATE = "desk/locked_out.html"
    AXES_VERBOSE = False  # its log lines carry client addresses; our audit log has what we need
    OTP_TOTP_ISSUER = "Portal editors' desk"
