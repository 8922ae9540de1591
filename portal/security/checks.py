"""Deploy checks for what Django cannot know: whether security.txt has a real contact."""

from django.core import checks

from portal.security.contact import configured_contacts


@checks.register(checks.Tags.security, deploy=True)
def security_contact_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    contacts, invalid = configured_contacts()
    messages = []
    if invalid:
        messages.append(
            checks.Warning(
                "PORTAL_SECURITY_CONTACT has entries that are not a mailto:, https: or tel: "
                "address: " + ", ".join(repr(item) for item in invalid) + ".",
                hint="Use e-mail addresses or full URIs separated by commas, for example "
                "mailto:security@your-organisation.example.",
                id="portal_security.W002",
            )
        )
    if not contacts:
        messages.append(
            checks.Warning(
                "PORTAL_SECURITY_CONTACT is not set, so /.well-known/security.txt answers 404 "
                "and nobody who finds a vulnerability knows whom to tell.",
                hint="Set PORTAL_SECURITY_CONTACT to your organisation's security e-mail "
                "address or reporting page (comma-separated if more than one).",
                id="portal_security.W001",
            )
        )
    return messages
