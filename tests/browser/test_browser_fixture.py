"""Without Chromium the browser tests fail in CI and are skipped, with a fix, on a laptop."""

import pytest

from tests.browser import conftest


def test_missing_chromium_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        conftest.missing_chromium()


def test_missing_chromium_skips_on_a_laptop(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        conftest.missing_chromium()


def test_chromium_is_found_only_where_it_is(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "CHROMIUM", str(tmp_path / "no-chromium-here"))
    assert not conftest.chromium_available()
