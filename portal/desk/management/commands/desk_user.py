"""`manage.py desk_user NAME --role editor --role reviewer ...`: add or change a desk user.

The password is asked for twice (or read from standard input with --password-stdin, for
scripts) and must pass the desk's password rules. A clinical reviewer needs --reviewer-role,
the role title their sign-offs show readers, such as "Clinical nurse specialist".
"""

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.desk.models import ReviewerProfile
from portal.desk.roles import REVIEWER, ROLES


class Command(BaseCommand):
    # People must be manageable even while a content file has a mistake.
    requires_system_checks = []
    help = "Create a desk user, or change an existing one's roles and password."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--role",
            action="append",
            choices=sorted(ROLES),
            default=[],
            help="editor, reviewer or publisher; repeat for several.",
        )
        parser.add_argument("--reviewer-role", default="", help='Like "Clinical nurse specialist".')
        parser.add_argument("--name", default="", help="Full name, shown in git history.")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-stdin", action="store_true")
        parser.add_argument("--keep-password", action="store_true", help="Change roles only.")

    def handle(self, *args, username, role, reviewer_role, name, email, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        if name:
            user.first_name, _, user.last_name = name.partition(" ")
        if email:
            user.email = email
        if REVIEWER in {ROLES[r] for r in role} and not reviewer_role.strip():
            existing = ReviewerProfile.objects.filter(user__username=username).first()
            if not (existing and existing.reviewer_role):
                raise CommandError(
                    'A clinical reviewer needs --reviewer-role, like "Clinical nurse specialist".'
                )
        if not (options["keep_password"] and user.pk):
            password = self._password(options["password_stdin"])
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            user.set_password(password)
        with transaction.atomic():
            user.save()
            for key in role:
                user.groups.add(Group.objects.get_or_create(name=ROLES[key])[0])
            if reviewer_role.strip():
                ReviewerProfile.objects.update_or_create(
                    user=user, defaults={"reviewer_role": reviewer_role.strip()}
                )
        roles = ", ".join(user.groups.values_list("name", flat=True)) or "no roles"
        self.stdout.write(f"{username}: {roles}.")

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            return sys.stdin.readline().rstrip("\n")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password again: "):
            raise CommandError("The two passwords were not the same.")
        return first
