"""The default decision table (safety × skills -> pakket, issue 4) as the first beslistabel version,
so a proposal can be made right after migrate. Source: fixtures/beslistabel/BRON.md."""

from django.db import migrations


def laad(apps, schema_editor):
    from pakketten.laden import FIXTURES, laad_tabelfixture

    laad_tabelfixture(apps.get_model("pakketten", "Tabelversie"), FIXTURES / "beslistabel" / "beslistabel_2026.json")


class Migration(migrations.Migration):
    dependencies = [("pakketten", "0002_catalogus")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
