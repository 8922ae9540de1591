"""What a page may honestly say about its checking, in one sentence, for screen and print.

A page shows "Checked by a <role> on <date>" only when a clinical sign-off covers the text as
it is now. Otherwise it says, kindly and plainly, that no clinician has checked it yet (or not
since it last changed), so a reader never takes a summary for a reviewed page.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.content.loading.models import covers

register = template.Library()

NOT_YET_CHECKED = mark_safe(  # noqa: S308 (a constant with nothing from outside in it)
    '<p class="review-status">This page has not yet been checked by a clinician. We wrote it '
    "carefully from the sources listed. Always ask your own team about your care.</p>"
)


def with_article(role: str) -> str:
    """'clinical nurse specialist' -> 'a clinical nurse specialist'; 'oncologist' -> 'an ...'."""
    role = role.strip()
    lowered = role[:1].lower() + role[1:]
    return ("an " if lowered[:1] in "aeiou" else "a ") + lowered


@register.simple_tag
def review_status(page) -> str:
    signoff = getattr(page, "clinical_signoff", None)
    updated = getattr(page, "updated", None)
    if updated is None:
        return ""
    if covers(signoff, updated):
        return format_html(
            '<p class="review-status review-status--checked">Checked by {} on '
            '<time datetime="{}">{}</time>.</p>',
            with_article(signoff.role),
            signoff.date.isoformat(),
            f"{signoff.date:%-d %B %Y}",
        )
    if signoff is not None:
        return format_html(
            '<p class="review-status">Last checked by {} on <time datetime="{}">{}</time>. '
            "The page has changed since then and has not yet been checked again.</p>",
            with_article(signoff.role),
            signoff.date.isoformat(),
            f"{signoff.date:%-d %B %Y}",
        )
    return NOT_YET_CHECKED
