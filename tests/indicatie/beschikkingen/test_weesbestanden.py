"""No letter PDFs without a row: a decision that rolls back removes the files it wrote, and
``ruim_weesbestanden`` removes what a killed process left behind."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from hgarr.bestanden import atomic_met_bestanden
from indicatie.beschikkingen.models import Beschikking
from indicatie.beschikkingen.services import corrigeer_beschikking
from indicatie.indicaties import services as indicatie_services
from indicatie.indicaties.models import VersieStatus
from indicatie.indicaties.signals import versie_vastgesteld

from .conftest import besluit, gegevens, maak_taxatie

TWEE_UUR_GELEDEN = time.time() - 2 * 3600


def bestanden(map_: Path) -> list[Path]:
    return sorted(p for p in map_.rglob("*") if p.is_file())


@pytest.fixture
def falende_ontvanger(prive_map):
    """A receiver after the letters' one that fails, like a message to the provider that cannot be
    made; it notes which PDFs exist at that moment."""
    gezien: list[Path] = []

    def kapot(sender, **kwargs):
        gezien.extend(bestanden(prive_map))
        raise RuntimeError("het bericht aan de aanbieder kon niet worden gemaakt")

    versie_vastgesteld.connect(kapot)
    yield gezien
    versie_vastgesteld.disconnect(kapot)


@pytest.mark.django_db(transaction=True)
def test_teruggedraaid_besluit_laat_geen_pdf_achter(
    gezin, aanbieder, indicatiesteller, tweede_beslisser, prive_map, falende_ontvanger
):
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    with pytest.raises(RuntimeError, match="bericht aan de aanbieder"):
        besluit(versie, indicatiesteller, tweede_beslisser)
    assert len(falende_ontvanger) == 3  # the letters were written before the failure ...
    assert bestanden(prive_map) == []  # ... and are gone with the decision
    versie.refresh_from_db()
    assert versie.status == VersieStatus.TER_BEOORDELING and not Beschikking.objects.exists()


def test_teruggedraaid_besluit_binnen_een_transactie_laat_geen_pdf_achter(
    gezin, aanbieder, indicatiesteller, tweede_beslisser, prive_map, falende_ontvanger
):
    """The same when the decision is a savepoint inside a longer transaction that goes on."""
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    indicatie_services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    with pytest.raises(RuntimeError):
        indicatie_services.beslis(versie_id=versie.pk, door=tweede_beslisser, vaststellen=True, revisie=None)
    assert len(falende_ontvanger) == 3 and bestanden(prive_map) == []


@pytest.mark.django_db(transaction=True)
def test_fout_na_de_commit_laat_uitgegeven_brieven_staan(vastgestelde_versie, indicatiesteller):
    """An on-commit hook that fails raises out of the block after the commit: the committed letter
    keeps its file."""
    oud = Beschikking.objects.filter(versie=vastgestelde_versie).first()

    def kapotte_hook():
        raise RuntimeError("na de commit")

    with pytest.raises(RuntimeError, match="na de commit"), atomic_met_bestanden():
        nieuw = corrigeer_beschikking(beschikking=oud, door=indicatiesteller)
        transaction.on_commit(kapotte_hook)
    assert Beschikking.objects.get(pk=nieuw.pk).lees_pdf()


def draai(*args) -> str:
    uit = StringIO()
    call_command("ruim_weesbestanden", *args, stdout=uit)
    return uit.getvalue()


def maak_oud(pad: Path, inhoud: bytes = b"%PDF-1.7 wees") -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(inhoud)
    os.utime(pad, (TWEE_UUR_GELEDEN, TWEE_UUR_GELEDEN))
    return pad


def test_ruim_weesbestanden(vastgestelde_versie, prive_map):
    brief = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    maak_oud(Path(brief.bestand.path), brief.lees_pdf())  # referenced: stays, however old
    wees = maak_oud(prive_map / "beschikkingen/2026/02/HG-00001-V1-wees.pdf")
    wees_afdruk = maak_oud(prive_map / "afdrukken/2026/02/afdrukopdracht-999.pdf")
    vers = prive_map / "beschikkingen/2026/02/HG-00001-V2-vers.pdf"
    vers.write_bytes(b"%PDF-1.7 nog in een lopende transactie")
    elders = maak_oud(prive_map / "anders/oud.pdf")  # not a letters' folder

    droog = draai("--droog")
    assert droog.splitlines() == [
        "zou verwijderen: afdrukken/2026/02/afdrukopdracht-999.pdf",
        "zou verwijderen: beschikkingen/2026/02/HG-00001-V1-wees.pdf",
        "2 weesbestand(en) ouder dan 60 minuten; niets verwijderd (--droog).",
    ]
    assert wees.exists() and wees_afdruk.exists()

    assert "0 weesbestand(en) ouder dan 180 minuten verwijderd." in draai("--minuten", "180")
    assert wees.exists()

    assert draai().splitlines() == [
        "verwijderd: afdrukken/2026/02/afdrukopdracht-999.pdf",
        "verwijderd: beschikkingen/2026/02/HG-00001-V1-wees.pdf",
        "2 weesbestand(en) ouder dan 60 minuten verwijderd.",
    ]
    assert not wees.exists() and not wees_afdruk.exists()
    assert vers.exists() and elders.exists()
    assert Beschikking.objects.get(pk=brief.pk).lees_pdf()


@pytest.mark.parametrize("args, melding", [
    (["--minuten", "zestig"], "--minuten moet een heel getal zijn, niet 'zestig'"),
    (["--minuten", "0"], "--minuten moet minstens 1 zijn"),
    (["--onbekend"], "Ongeldige aanroep"),
])
def test_foute_invoer_status_2_en_een_regel(args, melding, capsys):
    with pytest.raises(SystemExit) as einde:
        call_command("ruim_weesbestanden", *args)
    assert einde.value.code == 2
    regels = capsys.readouterr().err.strip().splitlines()
    assert len(regels) == 1 and melding in regels[0]
