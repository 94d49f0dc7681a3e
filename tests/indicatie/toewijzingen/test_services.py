"""Every decided version yields its messages in the outbox (issue 8 §4): valid ones are klaar, a rule
failure keeps a message out of klaar with the rule named, OP003 members get none; numbers are kept
across changes."""

from datetime import date

import pytest
from lxml import etree

from indicatie.indicaties import services as indicatie_services
from indicatie.toewijzingen import services
from indicatie.toewijzingen.models import BerichtStatus, Toewijzing, Uitgaandbericht
from indicatie.toewijzingen.regels import controleer

from .conftest import EINDE, START, besluit, gegevens, vastgesteld

pytestmark = pytest.mark.django_db


def _tekst(bericht, naam):
    return etree.fromstring(bytes(bericht.xml)).xpath(f"//*[local-name()='{naam}']/text()")


def test_vaststellen_maakt_berichten(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    berichten = list(Uitgaandbericht.objects.filter(versie=versie).order_by("id"))
    # fixture household: Anna (adult), Ben (adult, pleger), Cato (child) -> 2 x WMO301 + 1 x JW301
    assert sorted(b.berichtsoort for b in berichten) == ["JW301", "WMO301", "WMO301"]
    for b in berichten:
        assert b.status == BerichtStatus.KLAAR, b.regelfouten
        assert controleer(bytes(b.xml), b.wet) == []
        assert _tekst(b, "Ontvanger") == [aanbieder.agb_code]
        assert _tekst(b, "Bsn") == [b.gezinslid.bsn]
        assert len(b.identificatie) == 12
    jw = next(b for b in berichten if b.berichtsoort == "JW301")
    assert jw.gezinslid.voornamen == "Cato"  # R6: the youngest child
    assert Toewijzing.objects.filter(indicatie=versie.indicatie).count() == 3


def test_geen_adres_van_een_ander_gezinslid(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    ben = huishouden.leden.get(voornamen="Ben")
    ben.woont_elders = True
    ben.straat, ben.huisnummer, ben.postcode, ben.plaats = "Elderslaan", "9", "3000 XX", "Rotterdam"
    ben.save()
    anna = huishouden.leden.get(voornamen="Anna")
    anna.vertrouwelijk_adres = True
    anna.corr_straat, anna.corr_huisnummer = "Postbus", "77"
    anna.corr_postcode, anna.corr_plaats = "3000 PB", "Rotterdam"
    anna.save()
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    per_naam = {b.gezinslid.voornamen: bytes(b.xml).decode() for b in Uitgaandbericht.objects.filter(versie=versie)}
    assert "Postbus" in per_naam["Anna"] and "Teststraat" not in per_naam["Anna"]  # not the shelter/household
    assert "Elderslaan" not in per_naam["Anna"]
    assert "Elderslaan" in per_naam["Ben"] and "Postbus" not in per_naam["Ben"]
    assert "Elderslaan" not in per_naam["Cato"] and "Postbus" not in per_naam["Cato"]
    assert "Teststraat" not in per_naam["Cato"]  # Anna's confidential address is the household address


def test_op003_geen_bericht_wel_melding(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    anna = huishouden.leden.get(voornamen="Anna")
    anna.geen_berichtenverkeer = True
    anna.save()
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    van_anna = Uitgaandbericht.objects.get(versie=versie, gezinslid=anna)
    assert van_anna.status == BerichtStatus.GEEN_BERICHTENVERKEER
    assert not van_anna.xml and van_anna.identificatie == ""
    assert not Toewijzing.objects.filter(gezinslid=anna).exists()
    for b in Uitgaandbericht.objects.filter(versie=versie).exclude(gezinslid=anna):
        assert anna.bsn not in bytes(b.xml).decode()


def test_regelfout_houdt_bericht_uit_klaar(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    ben = huishouden.leden.get(voornamen="Ben")
    ben.bsn = "123456789"  # fails the elfproef (CS002)
    ben.save()
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    b = Uitgaandbericht.objects.get(versie=versie, gezinslid=ben)
    assert b.status == BerichtStatus.AFGEKEURD
    assert [f["regel"] for f in b.regelfouten] == ["CS002"]
    assert services.markeer_verzonden(berichten=[b], door=beslisser) == 0  # never offered for sending
    # after the correction the message can be checked again and becomes klaar
    ben.bsn = "999900018"
    ben.save()
    b = services.controleer_opnieuw(bericht=b, door=beslisser)
    assert b.status == BerichtStatus.KLAAR and b.regelfouten == []
    assert _tekst(b, "Bsn") == ["999900018"]


def test_wijziging_houdt_nummers_en_geeft_reden(huishouden, aanbieder, taxatie, indicatiesteller, beslisser,
                                                 casusregisseur):
    eerste = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    nummers_voor = {(t.wet, t.client_ref): t.nummer for t in Toewijzing.objects.all()}
    wijziging = indicatie_services.start_wijziging(
        indicatie_id=eerste.indicatie_id, door=casusregisseur,
        gegevens=gegevens(huishouden, aanbieder, taxatie, pakket="3", ingangsdatum=date(2026, 6, 1)), revisie=None,
    )
    wijziging = besluit(wijziging, casusregisseur, beslisser)
    berichten = list(Uitgaandbericht.objects.filter(versie=wijziging))
    assert berichten and all(b.status == BerichtStatus.KLAAR for b in berichten)
    for b in berichten:
        nummers = _tekst(b, "ToewijzingNummer")
        redenen = _tekst(b, "RedenWijziging")
        assert "05" in redenen  # the old weekly amount ends the day before (OP033x1)
        oud = nummers_voor[(b.wet, b.client_ref)]
        assert str(oud) in nummers and len(nummers) == 2
        assert _tekst(b, "Einddatum")[0] == "2026-05-31"
    alle = list(Toewijzing.objects.values_list("wet", "nummer"))
    assert len(alle) == len(set(alle)) == 6  # unique per law, new numbers for the new amounts


def test_beeindiging(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, casusregisseur):
    eerste = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    versie = indicatie_services.start_beeindiging(
        indicatie_id=eerste.indicatie_id, door=casusregisseur, laatste_dag=date(2026, 8, 31),
        categorie="doelen_bereikt", reden="Doelen bereikt",
        revisie=None,
    )
    versie = besluit(versie, casusregisseur, beslisser)
    berichten = list(Uitgaandbericht.objects.filter(versie=versie))
    assert len(berichten) == 3
    for b in berichten:
        assert b.status == BerichtStatus.KLAAR
        assert _tekst(b, "Einddatum") == ["2026-08-31"] and _tekst(b, "RedenWijziging") == ["05"]
    assert set(Toewijzing.objects.values_list("einddatum", flat=True)) == {date(2026, 8, 31)}
    assert START < date(2026, 8, 31) < EINDE


def test_beeindiging_na_verhuizing_stuurt_reden_07(huishouden, aanbieder, taxatie, indicatiesteller, beslisser,
                                                    casusregisseur):
    eerste = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    versie = indicatie_services.start_beeindiging(
        indicatie_id=eerste.indicatie_id, door=casusregisseur, laatste_dag=date(2026, 8, 31),
        categorie="verhuisd_andere_gemeente", reden="Intern: verhuisd", revisie=None,
    )
    versie = besluit(versie, casusregisseur, beslisser)
    berichten = list(Uitgaandbericht.objects.filter(versie=versie))
    assert berichten and all(b.status == BerichtStatus.KLAAR for b in berichten)
    for b in berichten:
        assert _tekst(b, "RedenWijziging") == ["07"] and b"Intern: verhuisd" not in b.xml


def test_statusovergangen(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    b = Uitgaandbericht.objects.filter(versie=versie).first()
    with pytest.raises(services.BerichtFout):
        services.markeer_retour(bericht=b, door=beslisser)
    assert services.markeer_verzonden(berichten=[b], door=beslisser) == 1
    b.refresh_from_db()
    assert b.status == BerichtStatus.VERZONDEN and b.verzonden_door == beslisser
    b = services.markeer_retour(bericht=b, door=beslisser)
    assert b.status == BerichtStatus.RETOUR


def test_idempotent(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    assert len(services.maak_berichten_voor_versie(versie=versie)) == 3
    assert Uitgaandbericht.objects.count() == 3
