"""Cache-Control for pages: every page is the same for every reader, so any cache may keep it.

The HTTP cache in front (deploy/nginx.conf, or a CDN) and the reader's browser keep a page for
a few minutes, then use it for a while longer while they check for a new copy in the
background; the check is a cheap 304, because Django's ConditionalGetMiddleware gives every
page an ETag of its bytes. If the portal is down, a day-old page is better than none for
someone looking up an emergency sign.

Only successful answers to GET and HEAD that said nothing about caching themselves are
marked: errors, redirects, posts (the feedback form), static files (whitenoise marks its own),
anything that sets a cookie, and anything that varies by cookie (a signed-in page of the
editors' desk) are left alone.
"""

from django.utils.cache import has_vary_header, patch_cache_control

MAX_AGE = 300
STALE_WHILE_REVALIDATE = 600
STALE_IF_ERROR = 86400


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not response.cookies
            and not response.has_header("Set-Cookie")
            and not has_vary_header(response, "Cookie")
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=MAX_AGE,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
                stale_if_error=STALE_IF_ERROR,
            )
        return response
