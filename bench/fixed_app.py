"""A WSGI app that returns fixed bytes and nothing else: gunicorn's own ceiling, with no Django.

The benchmark serves the topic page's bytes with it under the same gunicorn options, so the
table shows how much of gunicorn's limit the portal reaches, apart from nginx's.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_FIXED_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
