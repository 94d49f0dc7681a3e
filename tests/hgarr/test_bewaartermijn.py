"""Retention (issue 7 §7): list, and with a flag anonymise, households whose last indication ended
longer ago than the retention term."""

import subprocess
import sys
from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from hgarr.audit.models import Actie, Anonimisering, ToegangslogRegel, Wijziging
from hgarr.audit.services import hash_bsn
from indicatie.huishoudens.models import Gezinslid, Huishouden
from indicatie.indicaties.models import Indicatie
from tests.factories import GezinslidFactory, HuishoudenFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def oud(team, indicatiesteller):
    """A household whose indication ended in 2004, and one that ended in 2020."""
    oud = HuishoudenFactory(team=team, straat="Oudestraat")
    GezinslidFactory(huishouden=oud, voornamen="Olga", achternaam="Oudhuis", geboortedatum=date(1980, 6, 15))
    Indicatie.objects.create(huishouden=oud, aangemaakt_door=indicatiesteller, ingangsdatum=date(2003, 1, 1),
                             einddatum=date(2004, 1, 1))
    recent = HuishoudenFactory(team=team)
    GezinslidFactory(huishouden=recent, voornamen="Rik", achternaam="Recent")
    Indicatie.objects.create(huishouden=recent, aangemaakt_door=indicatiesteller, ingangsdatum=date(2019, 1, 1),
                             einddatum=date(2020, 1, 1))
    return oud


def draai(*args) -> str:
    uit = StringIO()
    call_command("bewaartermijn", *args, stdout=uit)
    return uit.getvalue()


def test_toont_alleen_huishoudens_voorbij_de_termijn(oud):
    tekst = draai("--peildatum", "2026-11-23")
    assert "15 jaar" in tekst and "2011-11-23" in tekst
    assert f"{oud.pk:>10}  2004-01-01" in tekst
    assert tekst.count("Wijkteam Test") == 1
    assert "Olga" not in tekst and "Oudhuis" not in tekst  # the list shows no names
    assert Gezinslid.objects.get(voornamen="Olga")  # nothing changed without the flag


def test_huishouden_zonder_indicatie_telt_vanaf_laatste_wijziging(team):
    h = HuishoudenFactory(team=team)
    Huishouden.objects.filter(pk=h.pk).update(gewijzigd_op=datetime(2001, 5, 1, tzinfo=UTC))
    assert f"{h.pk:>10}  2001-05-01" in draai("--peildatum", "2026-11-23")


def test_anonimiseren(oud, indicatiesteller):
    lid = oud.leden.get()
    bsn = lid.bsn
    assert Wijziging.objects.filter(huishouden_id=oud.pk).exists()
    tekst = draai("--peildatum", "2026-11-23", "--anonimiseer")
    assert "1 huishouden(s) geanonimiseerd" in tekst
    lid.refresh_from_db()
    assert (lid.voornamen, lid.achternaam, lid.bsn) == ("Geanonimiseerd", "Gezinslid 1", "")
    assert lid.geboortedatum == date(1980, 1, 1)  # the year stays for evaluation (R21)
    oud.refresh_from_db()
    assert oud.straat == "" and oud.plaats == "Rotterdam"
    assert not Wijziging.objects.filter(huishouden_id=oud.pk).exists()
    assert Anonimisering.objects.filter(huishouden_id=oud.pk).exists()
    regel = ToegangslogRegel.objects.get(actie=Actie.ANONIMISEREN)
    assert regel.subject_hashes == [hash_bsn(bsn)] and regel.object_id == str(oud.pk)
    assert Gezinslid.objects.get(voornamen="Rik")  # the recent household is untouched
    assert "Geen huishoudens gevonden" in draai("--peildatum", "2026-11-23")  # done once


def test_eigen_termijn(oud):
    assert "Rik" not in draai("--jaren", "5", "--peildatum", "2026-11-23")
    assert draai("--jaren", "5", "--peildatum", "2026-11-23").count("Wijkteam Test") == 2


@pytest.mark.parametrize("args, melding", [
    (["--jaren", "twintig"], "--jaren moet een heel getal zijn"),
    (["--jaren", "0"], "--jaren moet minstens 1 zijn"),
    (["--peildatum", "23-11-2026"], "--peildatum moet een datum"),
    (["--onbekend"], "Ongeldige aanroep"),
])
def test_foute_invoer_status_2_en_een_regel(args, melding):
    resultaat = subprocess.run([sys.executable, "manage.py", "bewaartermijn", *args], cwd=ROOT,
                               capture_output=True, text=True, timeout=60,
                               env={"DJANGO_SETTINGS_MODULE": "hgarr.settings.test", "PATH": ""})
    assert resultaat.returncode == 2
    regels = resultaat.stderr.strip().splitlines()
    assert len(regels) == 1 and melding in regels[0]
