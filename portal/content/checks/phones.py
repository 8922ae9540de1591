"""Phone numbers: every number a reader may need to call is a tel: link that dials it."""

import re

from portal.content.loading.models import Library
from portal.content.checks.page_source import Document, LineFinder, PageHtml, line_of
from portal.content.loading.problems import Problem

# A UK phone number written out: 0 or +44 then 9-10 more digits, in groups.
LONG_PHONE = re.compile(
    r"(?<![\w/+(])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)\d(?:[\s\-)]{0,2}\d){8,9}(?![\w/])"
)
SHORT_PHONE = re.compile(r"(?<![\w/])(?:999|111|116[\s-]?123)(?![\w/])")


def dialled_digits(text: str) -> str:
    """The digits a number dials, +44 written as the leading 0: "+44 (0)808 800 6000" -> 0808...."""
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits


def phone_problems(document: Document, clean: PageHtml, lines: LineFinder):
    for href, text in clean.links:
        if not href.startswith("tel:"):
            continue
        number = href[4:]
        line = lines.find(href)
        if not re.fullmatch(r"\+?\d{3,15}", number):
            yield Problem(
                "content.E025",
                document.path,
                f"The phone link '{href}' is not a number a phone can dial.",
                "Write only the digits after 'tel:', with no spaces, like "
                "[0808 800 6000](tel:08088006000).",
                line,
            )
        elif len(dialled_digits(text)) >= 3 and dialled_digits(text) != dialled_digits(number):
            yield Problem(
                "content.E025",
                document.path,
                f"The phone link shows '{text}' but dials '{number}'.",
                "Make the digits after 'tel:' the same as the number people see.",
                line,
            )
    # "Call 999" in a heading or card title is a label (the card's text has the link), but a
    # full number there is one people need to dial.
    found = [(match, "text") for match in LONG_PHONE.finditer("".join(clean.phone_text))]
    found += [(match, "text") for match in SHORT_PHONE.finditer("".join(clean.phone_text))]
    found += [(match, "label") for match in LONG_PHONE.finditer("".join(clean.label_text))]
    for match, where in found:
        number = match.group(0)
        digits = re.sub(r"\D", "", number)
        hint = f"Write it as [{number}](tel:{digits})."
        if where == "label":
            hint = (
                f"Also write it as a link in the text under this title: [{number}](tel:{digits})."
            )
        yield Problem(
            "content.E024",
            document.path,
            f"The phone number {number} is not a phone link, so people on a phone cannot "
            "tap it to call.",
            hint,
            lines.find(number),
        )


def contact_numbers(library: Library) -> list[Problem]:
    """A contact's shown number and the number its tel: link dials must be the same."""
    path = library.content_dir / "contacts.yml"
    problems = []
    for contact in library.contacts:
        if not contact.phone:
            continue
        line = line_of(path, f"slug: {contact.slug}")
        if not contact.tel:
            problems.append(
                Problem(
                    "content.E024",
                    path,
                    f"The contact '{contact.slug}' has a phone number but no 'tel', so people on "
                    "a phone cannot tap it to call.",
                    f"Add 'tel: \"{dialled_digits(contact.phone)}\"' under its phone line.",
                    line,
                )
            )
        elif dialled_digits(contact.phone) != dialled_digits(contact.tel):
            problems.append(
                Problem(
                    "content.E025",
                    path,
                    f"The contact '{contact.slug}' shows {contact.phone} but dials {contact.tel}.",
                    "Make 'tel' the same digits as 'phone', with no spaces.",
                    line,
                )
            )
    return problems
