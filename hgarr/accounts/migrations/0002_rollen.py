"""Reference data: the roles as Django groups (DESIGN.md §1). Their model permissions are kept in
step by hgarr.accounts.signals after every migrate, because later apps add models."""

from django.db import migrations

ROLLEN = ["indicatiesteller", "casusregisseur", "beslisser", "functioneel_beheerder", "privacyfunctionaris"]


def maak_rollen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak_rollen, migrations.RunPython.noop)]
