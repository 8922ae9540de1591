"""/.well-known/security.txt: how to report a vulnerability, or a 404 when nobody has said."""

from datetime import UTC, datetime, timedelta

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from portal.security.contact import configured_contacts

# RFC 9116 asks for an expiry under a year away. The contact is configuration, so it is as
# current as the running release: the date moves forward with every day the site serves it.
EXPIRES_AFTER = timedelta(days=180)


@require_safe
def security_txt(request):
    contacts, _invalid = configured_contacts()
    if not contacts:
        # Better no file than one pointing nowhere; `check --deploy` warns about this.
        raise Http404("No security contact configured")
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = [f"Contact: {contact}" for contact in contacts]
    lines += [
        f"Expires: {(today + EXPIRES_AFTER).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: https://{request.get_host()}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
