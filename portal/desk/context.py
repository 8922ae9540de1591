"""Template context for desk pages: which parts of the navigation this person may use."""

from portal.desk.roles import can_publish


def roles(request) -> dict:
    user = getattr(request, "user", None)
    return {"perms_publisher": user is not None and can_publish(user)}
