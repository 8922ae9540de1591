"""The desk's request guard: the public site's limits, but forms may post and cookies are read.

The public guard (portal/security/middleware.py) refuses every POST and drops every cookie,
because the public site has no forms and no sessions. The desk has both, so only the size
limits are kept.
"""

from portal.security.middleware import SAFE_METHODS, RequestGuardMiddleware

DESK_METHODS = SAFE_METHODS | {"POST"}


class DeskRequestGuardMiddleware(RequestGuardMiddleware):
    def __call__(self, request):
        method = request.method
        if method == "POST" and request.path.startswith("/desk/"):
            # Checked as a GET for the size limits; POST itself is what the desk is for.
            request.method = "GET"
            try:
                refusal = self.refuse(request)
            finally:
                request.method = method
        else:
            refusal = self.refuse(request)
        return refusal if refusal is not None else self.get_response(request)
