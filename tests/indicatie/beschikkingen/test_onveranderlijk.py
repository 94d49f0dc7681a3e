"""Issued letters stay as they were, also past the model (issue 6 §4): on PostgreSQL a trigger refuses
QuerySet.update(), QuerySet.delete() and raw SQL; only the retention job may clear a letter's file, in
a transaction that says so. Batch print jobs are not covered: they change while they run."""

from datetime import date
from pathlib import Path

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from hgarr.audit import bewaren
from hgarr.audit.models import Anonimisering
from indicatie.beschikkingen.models import Afdrukopdracht, Beschikking, OnveranderlijkFout, OpdrachtStatus

OP_POSTGRESQL = connection.vendor == "postgresql"
GEWEIGERD = "Een uitgegeven beschikking kan niet worden gewijzigd of verwijderd"


def _kandidaat(huishouden) -> bewaren.Kandidaat:
    return bewaren.Kandidaat(huishouden.pk, str(huishouden.team), date(2004, 1, 1))


def test_model_en_queryset_weigeren_wijzigen_en_verwijderen(vastgestelde_versie):
    """On every database the model and its default manager refuse; SQLite has no trigger (Django's
    test flush deletes rows there), so this is the line on SQLite."""
    brief = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    naam = brief.geadresseerde_naam
    brief.geadresseerde_naam = "Iemand anders"
    with pytest.raises(OnveranderlijkFout, match="kan niet worden gewijzigd"):
        brief.save()
    with pytest.raises(OnveranderlijkFout, match="kan niet worden verwijderd"):
        brief.delete()
    with pytest.raises(OnveranderlijkFout, match="kan niet worden gewijzigd"):
        Beschikking.objects.filter(pk=brief.pk).update(geadresseerde_naam="Iemand anders")
    with pytest.raises(OnveranderlijkFout, match="kan niet worden verwijderd"):
        vastgestelde_versie.beschikkingen.all().delete()
    assert Beschikking.objects.get(pk=brief.pk).geadresseerde_naam == naam


def test_trigger_weigert_wat_langs_het_model_heen_gaat(vastgestelde_versie):
    brief = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    naam = brief.geadresseerde_naam
    kaal = Beschikking._base_manager  # a plain manager: only the trigger stands in the way
    if not OP_POSTGRESQL:
        # No trigger on SQLite: the plain manager (what the retention job uses) can write.
        kaal.filter(pk=brief.pk).update(geadresseerde_naam="Geanonimiseerd")
        assert Beschikking.objects.get(pk=brief.pk).geadresseerde_naam == "Geanonimiseerd"
        return
    with pytest.raises(DatabaseError, match=f"{GEWEIGERD}: UPDATE"), transaction.atomic():
        kaal.filter(pk=brief.pk).update(geadresseerde_naam="Iemand anders")
    with pytest.raises(DatabaseError, match=f"{GEWEIGERD}: DELETE"), transaction.atomic():
        kaal.filter(pk=brief.pk).delete()
    with pytest.raises(DatabaseError, match=f"{GEWEIGERD}: DELETE"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM beschikkingen_beschikking WHERE id = %s", [brief.pk])
    assert Beschikking.objects.get(pk=brief.pk).geadresseerde_naam == naam

    # Anonymising allows UPDATE only, never DELETE.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('hgarr.anonimiseren', 'aan', true)")
        with pytest.raises(DatabaseError, match=f"{GEWEIGERD}: DELETE"), transaction.atomic():
            kaal.filter(pk=brief.pk).delete()
        kaal.filter(pk=brief.pk).update(geadresseerde_naam="Geanonimiseerd")
    assert Beschikking.objects.get(pk=brief.pk).geadresseerde_naam == "Geanonimiseerd"


def test_anonimiseren_wist_het_bestand_van_de_brief_na_de_commit(
    vastgestelde_versie, gezin, django_capture_on_commit_callbacks
):
    brieven = list(Beschikking.objects.filter(versie=vastgestelde_versie))
    paden = [Path(b.bestand.path) for b in brieven]
    assert brieven and all(p.is_file() for p in paden)
    with django_capture_on_commit_callbacks(execute=True):
        bewaren.anonimiseer(_kandidaat(gezin), jaren=15)
    for brief in brieven:
        na = Beschikking.objects.get(pk=brief.pk)
        assert na.bestand.name == ""
        assert na.geadresseerde_naam == "Geanonimiseerd" != brief.geadresseerde_naam
        assert (na.kenmerk, na.per_week, na.sha256) == (brief.kenmerk, brief.per_week, brief.sha256)  # the record stays
    assert not any(p.exists() for p in paden)


def test_teruggedraaid_anonimiseren_laat_de_brieven_leesbaar(vastgestelde_versie, gezin,
                                                            django_capture_on_commit_callbacks):
    Anonimisering.objects.create(huishouden_id=gezin.pk, laatste_einde=date(2004, 1, 1), bewaartermijn_jaren=15)
    brief = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(IntegrityError):
        bewaren.anonimiseer(_kandidaat(gezin), jaren=15)  # already recorded: the transaction rolls back
    assert Beschikking.objects.get(pk=brief.pk).lees_pdf()  # row and file both still there


def test_afdrukopdracht_mag_veranderen(vastgestelde_versie, gezin, indicatiesteller):
    """The print job's status and progress move while the task runs; no trigger on its table."""
    ids = list(Beschikking.objects.filter(versie=vastgestelde_versie).values_list("pk", flat=True))
    opdracht = Afdrukopdracht.objects.create(team=gezin.team, aangemaakt_door=indicatiesteller,
                                             beschikking_ids=ids, totaal=len(ids))
    Afdrukopdracht.objects.filter(pk=opdracht.pk).update(status=OpdrachtStatus.BEZIG, verwerkt=1)
    assert Afdrukopdracht.objects.get(pk=opdracht.pk).verwerkt == 1
    Afdrukopdracht.objects.filter(pk=opdracht.pk).delete()
    assert not Afdrukopdracht.objects.filter(pk=opdracht.pk).exists()
