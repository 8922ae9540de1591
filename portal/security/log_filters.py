"""A logging filter that keeps query strings, and so search terms, out of every log line.

Django's request logger writes the path only, but messages from elsewhere (an exception text, a
library) could still carry a full address. The address of a page here already says what a
reader is ill with; their search words must never be written down as well.
"""

import functools
import logging
import re
import time

# Anything from a "?" up to the next space or quote: a URL's query string inside a message.
_QUERY = re.compile(r"\?[^\s\"'<>]+")
REDACTED = "?[query removed]"
_formatter = logging.Formatter()


def strip_query_strings(text: str) -> str:
    return _QUERY.sub(REDACTED, text)


class StripQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = strip_query_strings(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set, so the traceback is cleaned too.
            record.exc_text = strip_query_strings(_formatter.formatException(record.exc_info))
        return True


class DropTraceback(logging.Filter):
    """For records whose message already says everything (an unknown Host header)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = record.exc_text = None
        return True


@functools.lru_cache(maxsize=2)
def _timestamp(second: int) -> str:
    return time.strftime("[%d/%b/%Y:%H:%M:%S %z]", time.localtime(second))


def access_line(when: float, method: str, path: str, version: str, status: int) -> str:
    """The portal's access line: time, method, path without its query, status."""
    return f'{_timestamp(int(when))} "{method} {path.split("?", 1)[0]} HTTP/{version}" {status}'


class UvicornAccessLine(logging.Filter):
    """uvicorn's access line, rewritten to the portal's (access_line).

    uvicorn writes `client - "GET /path?query HTTP/1.1" 200`; the client's address and the
    query string are dropped here, as gunicorn.conf.py's access_log_format does for gunicorn.
    """

    UVICORN_FORMAT = '%s - "%s %s HTTP/%s" %d'

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == self.UVICORN_FORMAT and len(record.args) == 5:
            record.msg, record.args = "%s", (access_line(record.created, *record.args[1:]),)
        return True
