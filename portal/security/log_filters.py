"""A logging filter that keeps query strings, and so search terms, out of every log line.

Django's request logger writes the path only, but messages from elsewhere (an exception text, a
library) could still carry a full address. The address of a page here already says what a
reader is ill with; their search words must never be written down as well.
"""

import logging
import re

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
