"""JSON responses for the API, with <, > and & written as Unicode escapes.

The JSON means exactly the same to any parser, but text a reader typed (a search query) can
never appear as markup, even to a client that sniffs or embeds the response carelessly.
"""

import json

from django.http import HttpResponse

_HTML_SIGNIFICANT = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_response(data, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SIGNIFICANT)
    return HttpResponse(body, status=status, content_type="application/json")
