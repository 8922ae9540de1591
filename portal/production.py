"""Start-up guard for production: fail fast, saying exactly what to set."""

import os

from django.core.exceptions import ImproperlyConfigured


def require_production_environment() -> None:
    """Refuse to serve with DEBUG off unless a real secret key and host list are set."""
    from django.conf import settings

    if settings.DEBUG:
        return
    missing = [
        name for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS") if not os.environ.get(name)
    ]
    if os.environ.get("DJANGO_SECRET_KEY") == settings.INSECURE_DEV_SECRET_KEY:
        # Copying the development placeholder into production is the same as setting nothing.
        missing.insert(0, "DJANGO_SECRET_KEY (not the development placeholder)")
    if missing:
        raise ImproperlyConfigured(
            "Production needs these environment variables: "
            + ", ".join(missing)
            + ". Set DJANGO_SECRET_KEY to a long random string (for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`) and "
            "DJANGO_ALLOWED_HOSTS to the site's host names separated by commas. "
            "For local development use DJANGO_DEBUG=1 (make run)."
        )
