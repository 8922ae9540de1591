"""Whether a content release may go live (portal/content/loading/release.py)."""

import threading
import time

import pytest

from portal.content.loading.release import LoadTimedOut, load_in_time, refusal


def test_a_first_release_needs_a_folder_with_topics():
    assert refusal(None, 33, folder_exists=True) is None
    assert "does not exist" in refusal(None, 0, folder_exists=False)
    assert "no topics" in refusal(None, 0, folder_exists=True)


def test_a_release_may_not_drop_more_than_half_of_the_topics_served():
    assert refusal(33, 17, folder_exists=True) is None
    assert refusal(33, 40, folder_exists=True) is None
    reason = refusal(33, 16, folder_exists=True)
    assert "16 topics where 33 are served" in reason and "restart" in reason
    assert "no topics" in refusal(33, 0, folder_exists=True)


def test_load_in_time_returns_what_the_load_returns_or_raises_what_it_raises():
    assert load_in_time(lambda: 42, timeout=5) == 42

    def broken():
        raise ValueError("bad file")

    with pytest.raises(ValueError, match="bad file"):
        load_in_time(broken, timeout=5)


def test_a_load_that_hangs_is_given_up_at_the_limit_while_other_work_goes_on():
    release = threading.Event()
    turns = []
    started = time.monotonic()
    with pytest.raises(LoadTimedOut, match="more than 1.5 s"):
        load_in_time(release.wait, timeout=1.5, meanwhile=lambda: turns.append(1))
    took = time.monotonic() - started
    release.set()
    assert 1.5 <= took < 3
    assert len(turns) >= 2  # the caller's own work ran while the load hung
