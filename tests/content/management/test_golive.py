"""`manage.py golive_check`: the gate before launching the whole site, which `make test` never
needs to pass (no page of the fixture trees is signed off)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.content.loading import store


def sign_off_everything(tree, date=None):
    date = date or datetime.date.today().isoformat()
    for page in tree.rglob("*.md"):
        text = page.read_text()
        text = re.sub(
            r"\nsources:",
            f"\nclinical_signoff:\n  role: Clinical nurse specialist\n  date: {date}\nsources:",
            text,
            count=1,
        )
        page.write_text(text)
    store.reset()


def test_fails_naming_every_page_without_a_sign_off(clean_copy):
    with pytest.raises(CommandError) as info:
        call_command("golive_check")
    message = str(info.value)
    assert "not signed off by a clinician" in message
    assert "about/good-page" in message and "emergencies/_index" in message


def test_passes_when_every_page_is_signed_off_and_in_date(clean_copy, capsys):
    sign_off_everything(clean_copy)
    call_command("golive_check")
    assert "Ready to go live" in capsys.readouterr().out


def test_fails_when_a_page_is_past_review_even_if_signed_off(clean_copy):
    sign_off_everything(clean_copy)
    with pytest.raises(CommandError) as info:
        call_command("golive_check", today=datetime.date(2099, 1, 1))
    assert "past their review date" in str(info.value)


def test_fails_on_a_sign_off_that_claims_a_review_in_the_future(clean_copy):
    sign_off_everything(clean_copy, date="2099-01-01")
    with pytest.raises(CommandError) as info:
        call_command("golive_check")
    assert "error" in str(info.value)
