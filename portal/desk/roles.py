"""The desk's three roles, kept as Django groups, and who may do what.

One person may hold several roles, but nobody signs off a change they wrote: that rule is in
publishing.may_sign_off, because it depends on the draft as well as the person.
"""

EDITOR = "Editor"
REVIEWER = "Clinical reviewer"
PUBLISHER = "Publisher"
ROLES = {"editor": EDITOR, "reviewer": REVIEWER, "publisher": PUBLISHER}


def has_role(user, group: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=group).exists()


def can_edit(user) -> bool:
    return has_role(user, EDITOR)


def can_review(user) -> bool:
    return has_role(user, REVIEWER)


def can_publish(user) -> bool:
    return has_role(user, PUBLISHER)
