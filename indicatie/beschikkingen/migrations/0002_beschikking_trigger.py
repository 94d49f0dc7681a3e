"""On PostgreSQL a trigger keeps issued letters immutable for QuerySet.update() and raw SQL too (issue 6 §4).

DELETE is always refused. UPDATE only when the transaction itself declared that it anonymises after the
retention term (``hgarr.audit.bewaren`` sets ``hgarr.anonimiseren`` transaction-locally): that job clears
the PDF reference. Only on PostgreSQL, like the access log's trigger (audit/0003): on SQLite the model
refuses, and Django's test flush of SQLite deletes rows, which a trigger would block. TRUNCATE is not
covered (docs/security.md). Batch print jobs (Afdrukopdracht) are not covered: they change while running.
"""

from django.db import migrations

FUNCTIE = "beschikkingen_onveranderlijk"
TRIGGER = "beschikkingen_onveranderlijk_trg"
TABEL = "beschikkingen_beschikking"


def maak_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTIE}() RETURNS trigger AS $$
        BEGIN
            -- missing_ok: NULL when never set; '' after an earlier transaction set it.
            IF TG_OP = 'UPDATE' AND current_setting('hgarr.anonimiseren', true) = 'aan' THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'Een uitgegeven beschikking kan niet worden gewijzigd of verwijderd: % is niet toegestaan',
                TG_OP USING ERRCODE = 'insufficient_privilege';
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
    dependencies = [("beschikkingen", "0001_initial")]

    operations = [migrations.RunPython(maak_trigger, verwijder_trigger, elidable=False)]
