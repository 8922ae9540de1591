"""The desk's three roles as groups, so a fresh database is ready for `manage.py desk_user`."""

from django.db import migrations

ROLE_NAMES = ("Editor", "Clinical reviewer", "Publisher")  # portal.desk.roles, frozen here


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
