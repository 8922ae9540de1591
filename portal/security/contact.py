"""The security contact for /.well-known/security.txt (RFC 9116), read from settings.

We never make a contact up: it comes from PORTAL_SECURITY_CONTACT, set by whoever runs the site.
"""

import re

from django.conf import settings

URI_SCHEMES = ("mailto:", "https:", "tel:")
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")


def parse_contacts(value: str) -> tuple[list[str], list[str]]:
    """Split a comma-separated setting into (contact URIs, entries that are not usable).

    A bare e-mail address becomes a mailto: URI, because RFC 9116 requires a URI.
    """
    contacts, invalid = [], []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        if item.lower().startswith(URI_SCHEMES) and not re.search(r"\s", item):
            contacts.append(item)
        elif _EMAIL.match(item):
            contacts.append(f"mailto:{item}")
        else:
            invalid.append(item)
    return contacts, invalid


def configured_contacts() -> tuple[list[str], list[str]]:
    return parse_contacts(getattr(settings, "PORTAL_SECURITY_CONTACT", "") or "")
