"""Request limits and the response headers Django's own middleware cannot reach.

The site only ever reads, but for the feedback form: every method other than GET and HEAD is
refused with 405 before routing, except POST to /feedback/ (portal/feedback), so even a path that
does not exist answers 405 to a POST rather than leaking which paths exist. Oversized
query strings and headers get a clear 4xx before any view runs. Our limits sit below
gunicorn's (gunicorn.conf.py), so Django answers them with the helpful page and every security
header, rather than gunicorn with a bare one.
"""

from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.template import loader

SAFE_METHODS = frozenset({"GET", "HEAD"})
# The one address that takes a POST: the feedback form (portal/feedback/urls.py).
POST_PATHS = frozenset({"/feedback/"})
# A search query is at most 200 characters (the form's maxlength); percent-encoded UTF-8 takes
# up to 9 bytes a character, so 4 KiB leaves room for every honest query and nothing more.
MAX_QUERY_STRING_BYTES = 4096
MAX_PATH_BYTES = 2048
# Browsers send well under 8 KiB of headers without cookies, and we never set cookies.
MAX_HEADER_VALUE_BYTES = 4096
MAX_HEADERS_TOTAL_BYTES = 16384


def _refusal(template: str, status: int, reason: str = "") -> HttpResponse:
    # No request context: these pages must render even when the request itself is the problem.
    html = loader.get_template(template).render({"reason": reason, "status": status})
    return HttpResponse(html, status=status)


def _headers_size(meta) -> tuple[int, int]:
    largest = total = 0
    for key, value in meta.items():
        if key.startswith("HTTP_") and isinstance(value, str):
            size = len(key) + len(value)
            largest = max(largest, len(value))
            total += size
    return largest, total


class RequestGuardMiddleware:
    """Refuse, before routing, what no page of a read-only site should ever be asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # We use no cookies, so we read none: a cookie sent anyway (a malformed csrftoken, say)
        # can then never make Django answer with a Set-Cookie of its own.
        request.META.pop("HTTP_COOKIE", None)
        refusal = self.refuse(request)
        return refusal if refusal is not None else self.get_response(request)

    @staticmethod
    def refuse(request) -> HttpResponse | None:
        takes_post = request.path_info in POST_PATHS
        if request.method not in SAFE_METHODS and not (takes_post and request.method == "POST"):
            response = _refusal("405.html", 405)
            response["Allow"] = "POST" if takes_post else "GET, HEAD"
            return response
        # WSGI gives these as bytes decoded as latin-1, so a character is a byte.
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING_BYTES:
            return _refusal("400.html", 414, "The web address is too long. Try a shorter search.")
        if len(request.META.get("PATH_INFO", "")) > MAX_PATH_BYTES:
            return _refusal("400.html", 414, "The web address is too long.")
        largest, total = _headers_size(request.META)
        if largest > MAX_HEADER_VALUE_BYTES or total > MAX_HEADERS_TOTAL_BYTES:
            return _refusal(
                "400.html",
                431,
                "Your browser sent more information than we accept. "
                "Clearing this site's data in your browser settings may help.",
            )
        return None


class ResponseHeadersMiddleware(XFrameOptionsMiddleware):
    """X-Frame-Options and Cross-Origin-Resource-Policy on every response.

    Listed outside whitenoise and Django's CommonMiddleware, so static files and the 400 for an
    unknown host get the same headers as pages. X-Frame-Options reuses Django's own middleware
    (it leaves a header already set alone); Django has no setting for CORP, hence the one line.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
