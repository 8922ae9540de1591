"""Hostile text: markup, NUL bytes, terminal escapes, direction overrides, very long. Stored as
harmless text and shown escaped, in pages and in the report."""

import io

import pytest
from django.core.management import call_command

from portal.feedback.models import Feedback
from portal.feedback.text import terminal_safe

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'
RIGHT_TO_LEFT = "bad \u202egnp.exe\u202c end"


def stored_after(post, comment):
    response = post({"comment": comment})
    assert response.status_code == 303, response.content[:300]
    return Feedback.objects.get().comment


def test_markup_is_stored_as_text(post):
    assert stored_after(post, MARKUP) == MARKUP


def test_nul_and_other_control_characters_are_removed(post):
    # PostgreSQL cannot store NUL; escape sequences could rewrite a terminal.
    assert stored_after(post, "a\x00b\x1b[2Jc\x07d\te") == "ab[2Jcd\te"


def test_right_to_left_overrides_are_kept_as_written(post):
    assert stored_after(post, RIGHT_TO_LEFT) == RIGHT_TO_LEFT


def test_other_scripts_and_emoji_are_kept(post):
    text = "مرحبا — שלום — 你好 — 👩🏽‍⚕️"
    assert stored_after(post, text) == text


def test_a_comment_of_only_nul_bytes_is_an_empty_comment(post):
    response = post({"useful": None, "comment": "\x00\x00"})
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_hostile_text_given_back_on_a_problem_page_is_escaped(post, settings):
    settings.PORTAL_FEEDBACK_PER_MINUTE = 0
    response = post({"comment": MARKUP})
    html = response.content.decode()
    assert response.status_code == 429
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_report_prints_comments_harmlessly():
    Feedback.objects.create(
        page="/about/what-it-is/",
        useful=False,
        comment=f"{MARKUP}\nline two {RIGHT_TO_LEFT}\x1b[31m",
        day="2026-11-02",
    )
    out = io.StringIO()
    call_command("feedback_report", stdout=out)
    text = out.getvalue()
    assert "\u202e" not in text and "\x1b" not in text
    assert "<U+202E>gnp.exe<U+202C>" in text
    assert "<U+001B>[31m" in text
    assert MARKUP in text  # a terminal shows markup as the characters the reader typed
    assert "                   line two" in text  # the second line stays inside the entry


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        ("a\u202eb", "a<U+202E>b"),
        ("a\u2066b\u2069", "a<U+2066>b<U+2069>"),
        ("a\u200fb", "a<U+200F>b"),
        ("a\x9bb", "a<U+009B>b"),  # the one-byte CSI of 8-bit terminals
        ("a\u2028b", "a<U+2028>b"),
        ("one\ntwo", "one\ntwo"),
        ("é ß 你好", "é ß 你好"),
    ],
)
def test_terminal_safe(raw, shown):
    assert terminal_safe(raw) == shown
