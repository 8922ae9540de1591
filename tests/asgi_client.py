"""Calling an ASGI application the way uvicorn does, for tests: one request, whole answer."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def asgi_call(app, path, method, query, headers):
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver")]
        + [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    messages = []

    async def run():
        finished = asyncio.Event()
        requested = []

        async def receive():
            if not requested:
                requested.append(True)
                return {"type": "http.request", "body": b"", "more_body": False}
            await finished.wait()  # the client stays connected until the answer is complete
            return {"type": "http.disconnect"}

        async def send(message):
            messages.append(message)

        await app(scope, receive, send)
        finished.set()

    # In a thread of its own: a browser test's Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, run()).result()
    start, *body = messages
    return {
        "status": start["status"],
        "headers": {name.decode().lower(): value.decode() for name, value in start["headers"]},
        "body": b"".join(message.get("body", b"") for message in body),
    }
