"""Refuse posts sent from other websites, without a cookie or a token.

The public site keeps no session, so there is nothing for a forged post to ride on; what is left
to stop is another site making its visitors' browsers post to us (spam sent in their name). The
browser says where a post comes from: `Sec-Fetch-Site` (every current browser) and `Origin`.
This follows Go's net/http CrossOriginProtection: trust Sec-Fetch-Site when it is sent, and fall
back to comparing Origin with our own address when it is not. Django 6.1's CSRF protection needs
a cookie and a token, which this site will not set.

Our pages send `Referrer-Policy: no-referrer`, so browsers send `Origin: null` with a form posted
from our own page; Sec-Fetch-Site is what tells such a post apart from one from elsewhere.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host

ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


def _own_origin(request, origin: str) -> bool:
    parts = urlsplit(origin)
    if not parts.scheme or not parts.netloc:
        return False
    if parts.scheme == request.scheme and parts.netloc == request.get_host():
        return True
    # Another of our own host names (say www. and the bare domain), over https only; a wildcard
    # in ALLOWED_HOSTS would let anyone in, so wildcards are not honoured here.
    hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    return parts.scheme == "https" and validate_host(parts.netloc, hosts)


def refusal_reason(request) -> str | None:
    """Why this post looks cross-site, or None when it came from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if fetch_site is not None:
        if fetch_site.lower() not in ALLOWED_FETCH_SITES:
            return "Sec-Fetch-Site of another site"
        if origin not in (None, "null") and not _own_origin(request, origin):
            return "Origin of another site"
        return None
    if origin is None or origin == "null":
        return "no Sec-Fetch-Site and no usable Origin"
    if not _own_origin(request, origin):
        return "Origin of another site"
    return None
