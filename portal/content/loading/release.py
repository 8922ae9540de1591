"""Whether a freshly loaded content release may replace the one being served.

A release must never take the site down. A load that finds no content folder, no topics, or
far fewer topics than are served now (a release script that moved the folder, a half-copied
checkout, a network mount that went away) is refused, and the old content keeps serving.
Reading content can hang (a FIFO, a hung network mount), so it runs in a thread of its own
with a time limit; while it runs the caller can go on with other work (gunicorn's master keeps
supervising its workers).

To remove more than half of the pages on purpose, restart the server instead: a fresh start
has nothing to keep, and refuses only a missing or empty folder.
"""

import threading
import time
from collections.abc import Callable

# A release that would serve fewer than this share of the topics served now is refused.
MIN_SHARE_KEPT = 0.5


class LoadTimedOut(Exception):
    """Reading the content did not finish within the time limit."""


def refusal(served: int | None, found: int, folder_exists: bool) -> str | None:
    """Why a release of `found` topics may not replace `served` topics (None: no release is
    served yet), or None when it may go live."""
    if not folder_exists:
        return "the content folder does not exist"
    if found == 0:
        return "the content folder has no topics"
    if served and found < served * MIN_SHARE_KEPT:
        return (
            f"it has {found} topics where {served} are served now "
            f"(fewer than {MIN_SHARE_KEPT:.0%}); restart the server if that is meant"
        )
    return None


def load_in_time[T](
    load: Callable[[], T], timeout: float, meanwhile: Callable[[], None] = lambda: None
) -> T:
    """load() in a thread of its own, calling meanwhile() every half second while it runs.

    Raises LoadTimedOut after `timeout` seconds; the thread is then left behind (a thread
    blocked in the kernel cannot be stopped) and ends if the read ever returns. Whatever
    load() raises is raised here.
    """
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = load()
        except BaseException as error:  # handed to the caller, not lost in the thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name="content-load", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while thread.is_alive():
        left = deadline - time.monotonic()
        if left <= 0:
            raise LoadTimedOut(f"reading the content took more than {timeout:g} s")
        thread.join(min(0.5, left))
        if thread.is_alive():
            meanwhile()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
