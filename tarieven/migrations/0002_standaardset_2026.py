"""The default parameter set for 2026 (from the tariff reference notes), present after migrate."""

from django.db import migrations


def laad(apps, schema_editor):
    from tarieven.laden import STANDAARD_2026, laad_parameterfixture

    laad_parameterfixture(apps.get_model("tarieven", "Parameterset"), STANDAARD_2026)


class Migration(migrations.Migration):
    dependencies = [("tarieven", "0001_parameterset")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
