"""`manage.py desk_setup`: make sure the desk's three role groups exist (safe to repeat).

The groups are also created by the desk's data migration; this command restores any that
were deleted by hand."""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from portal.desk.roles import ROLES


class Command(BaseCommand):
    # People must be manageable even while a content file has a mistake.
    requires_system_checks = []
    help = "Create the desk's role groups: Editor, Clinical reviewer, Publisher."

    def handle(self, *args, **options):
        for name in ROLES.values():
            _, created = Group.objects.get_or_create(name=name)
            self.stdout.write(f"{'Created' if created else 'Already there'}: {name}")
