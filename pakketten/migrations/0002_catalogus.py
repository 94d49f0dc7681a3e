"""The pakket catalogue of Bijlage 3 as the first catalogue version, so it exists after migrate."""

from django.db import migrations


def laad(apps, schema_editor):
    from pakketten.laden import CATALOGUS_FIXTURE, laad_tabelfixture

    laad_tabelfixture(apps.get_model("pakketten", "Tabelversie"), CATALOGUS_FIXTURE)


class Migration(migrations.Migration):
    dependencies = [("pakketten", "0001_tabelversie")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
