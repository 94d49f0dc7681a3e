"""Issue 5 §7: no two decided versions of one indication overlap in time.

On PostgreSQL an exclusion constraint over (indicatie, daterange(geldig_vanaf, geldig_tot)) for decided
versions with a period of their own (btree_gist for the equality on the indication). SQLite has no
exclusion constraints: there the service guards it (services._controleer_overlap), which it does on
every database before writing."""

from django.db import migrations

CONSTRAINT = "vastgestelde_versies_overlappen_niet"


def maak(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE indicaties_indicatieversie ADD CONSTRAINT {CONSTRAINT} "
        "EXCLUDE USING gist (indicatie_id WITH =, daterange(geldig_vanaf, geldig_tot, '[]') WITH &&) "
        "WHERE (status = 'vastgesteld' AND geldig_vanaf IS NOT NULL)"
    )


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE indicaties_indicatieversie DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("indicaties", "0001_initial")]

    operations = [migrations.RunPython(maak, verwijder, elidable=False)]
