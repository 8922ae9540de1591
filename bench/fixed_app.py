"""An app that returns fixed bytes and nothing else: the server's own ceiling, with no Django.

The benchmark serves the topic page's bytes with it under the same gunicorn settings, so the
table shows how much of the server's limit the portal reaches, apart from nginx's. ASGI for
the uvicorn workers gunicorn.conf.py runs; WSGI for gunicorn's own workers.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_FIXED_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]


RAW_HEADERS = [(name.lower().encode(), value.encode()) for name, value in HEADERS]


async def asgi_application(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": RAW_HEADERS})
    await send({"type": "http.response.body", "body": BODY})
