"""/.well-known/security.txt (RFC 9116): the configured contact, or a 404 when there is none."""

from datetime import UTC, datetime, timedelta

import pytest

from portal.security.contact import parse_contacts

URL = "/.well-known/security.txt"


def test_without_a_contact_it_is_a_helpful_404(client, settings):
    settings.PORTAL_SECURITY_CONTACT = ""
    response = client.get(URL)
    assert response.status_code == 404
    assert "Sorry, we cannot find that page" in response.content.decode()


def test_with_a_contact_it_follows_rfc_9116(client, settings):
    settings.PORTAL_SECURITY_CONTACT = "security@your-organisation.example, https://x.example/r"
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = [line.split(": ", 1) for line in response.content.decode().splitlines()]
    contacts = [value for name, value in fields if name == "Contact"]
    assert contacts == ["mailto:security@your-organisation.example", "https://x.example/r"]
    expires = datetime.strptime(dict(fields)["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now < expires < now + timedelta(days=365)
    assert dict(fields)["Canonical"] == "https://testserver/.well-known/security.txt"
    assert not response.cookies


@pytest.mark.parametrize(
    ("value", "contacts", "invalid"),
    [
        ("", [], []),
        ("a@b.example", ["mailto:a@b.example"], []),
        ("mailto:a@b.example,tel:+441234", ["mailto:a@b.example", "tel:+441234"], []),
        ("call us", [], ["call us"]),
        ("http://insecure.example", [], ["http://insecure.example"]),
    ],
)
def test_contact_parsing(value, contacts, invalid):
    assert parse_contacts(value) == (contacts, invalid)
