"""On PostgreSQL a trigger refuses UPDATE and DELETE on the access log (issue 7 §1, NEN 7513).

Only on PostgreSQL: on SQLite the model and admin refuse changes, and Django's test flush of SQLite
deletes rows, which a trigger would block. TRUNCATE (a table owner's operation, used by test
flushes) is not covered; production's database role gets no TRUNCATE right (docs/security.md).
"""

from django.db import migrations

FUNCTIE = "audit_toegangslog_alleen_toevoegen"
TRIGGER = "audit_toegangslog_alleen_toevoegen_trg"
TABEL = "audit_toegangslogregel"


def maak_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTIE}() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'Het toegangslog is alleen-toevoegen: % is niet toegestaan', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$ LANGUAGE plpgsql;
        """,
        params=None,  # no placeholders: the % belongs to plpgsql
    )
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABEL};")
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON {TABEL} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTIE}();"
    )


def verwijder_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABEL};")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTIE}();")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_wijzigingen_en_alleen_toevoegen")]

    operations = [migrations.RunPython(maak_trigger, verwijder_trigger, elidable=False)]
