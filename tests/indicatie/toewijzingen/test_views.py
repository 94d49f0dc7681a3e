"""Outbox screens: team scoping, access-logged downloads per message and as a ZIP per day, marking as
sent and retour, the rule that failed and the OP003 notice on screen."""

import io
import zipfile

import pytest
from django.urls import reverse

from hgarr.audit.models import Actie, ToegangslogRegel, Uitkomst
from indicatie.toewijzingen.models import BerichtStatus, Uitgaandbericht

from .conftest import vastgesteld

pytestmark = pytest.mark.django_db


@pytest.fixture
def versie(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    return vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)


def test_lijst_toont_berichten_van_eigen_team(client_als, indicatiesteller, versie):
    antwoord = client_als(indicatiesteller).get(reverse("toewijzingen:lijst"))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    for b in Uitgaandbericht.objects.filter(versie=versie):
        assert f'href="{reverse("toewijzingen:detail", args=[b.pk])}">{b.berichtsoort} {b.identificatie}<' in tekst
    assert "voorbeeldcodes" in tekst
    assert f'href="{reverse("toewijzingen:lijst")}" aria-current="page">Uitgaande berichten</a>' in tekst  # nav


def test_ander_team_ziet_niets_en_krijgt_404(client_als, maak_gebruiker, ander_team, versie):
    from hgarr.accounts.roles import Rol

    vreemde = maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team)
    client_as = client_als(vreemde)
    assert "HG0" not in client_as.get(reverse("toewijzingen:lijst")).content.decode()
    b = Uitgaandbericht.objects.filter(versie=versie).first()
    assert client_as.get(reverse("toewijzingen:detail", args=[b.pk])).status_code == 404
    assert client_as.get(reverse("toewijzingen:download", args=[b.pk])).status_code == 404
    assert ToegangslogRegel.objects.filter(objecttype="toewijzingsbericht", uitkomst=Uitkomst.GEWEIGERD).exists()


def test_beheerder_zonder_casusrol_mag_niet_downloaden(client_als, beheerder, versie):
    b = Uitgaandbericht.objects.filter(versie=versie).first()
    assert client_als(beheerder).get(reverse("toewijzingen:download", args=[b.pk])).status_code == 403
    assert ToegangslogRegel.objects.filter(actie=Actie.DOWNLOADEN, uitkomst=Uitkomst.GEWEIGERD).exists()


def test_download_per_bericht_gelogd(client_als, indicatiesteller, versie):
    b = Uitgaandbericht.objects.filter(versie=versie, wet="Wmo").first()
    antwoord = client_als(indicatiesteller).get(reverse("toewijzingen:download", args=[b.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/xml"
    assert antwoord["Cache-Control"] == "no-store"
    assert b.bestandsnaam in antwoord["Content-Disposition"]
    assert antwoord.content == bytes(b.xml)
    regel = ToegangslogRegel.objects.get(actie=Actie.DOWNLOADEN, objecttype="toewijzingsbericht",
                                         uitkomst=Uitkomst.TOEGESTAAN)
    assert regel.object_id == str(b.pk) and len(regel.subject_hashes) == 1


def test_zip_per_dag_gelogd(client_als, indicatiesteller, versie):
    dag = Uitgaandbericht.objects.filter(versie=versie).first().dagtekening
    antwoord = client_als(indicatiesteller).get(reverse("toewijzingen:dag_zip", args=[dag.isoformat()]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/zip"
    namen = zipfile.ZipFile(io.BytesIO(antwoord.content)).namelist()
    assert sorted(namen) == sorted(b.bestandsnaam for b in Uitgaandbericht.objects.filter(versie=versie))
    regel = ToegangslogRegel.objects.get(actie=Actie.EXPORTEREN, objecttype="toewijzingsberichten_dag")
    assert len(regel.subject_hashes) == 3


def test_markeren_als_verzonden_en_retour(client_als, indicatiesteller, versie):
    c = client_als(indicatiesteller)
    ids = list(Uitgaandbericht.objects.filter(versie=versie).values_list("pk", flat=True))
    antwoord = c.post(reverse("toewijzingen:verzonden"), {"bericht": ids})
    assert antwoord.status_code == 302
    assert set(Uitgaandbericht.objects.values_list("status", flat=True)) == {BerichtStatus.VERZONDEN}
    c.post(reverse("toewijzingen:retour", args=[ids[0]]))
    assert Uitgaandbericht.objects.get(pk=ids[0]).status == BerichtStatus.RETOUR


def test_scherm_noemt_de_regel_en_op003(client_als, indicatiesteller, huishouden, aanbieder, taxatie, beslisser):
    anna = huishouden.leden.get(voornamen="Anna")
    anna.geen_berichtenverkeer = True
    anna.save()
    ben = huishouden.leden.get(voornamen="Ben")
    ben.bsn = "123456789"
    ben.save()
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    c = client_als(indicatiesteller)
    tekst = c.get(reverse("toewijzingen:versie", args=[versie.pk])).content.decode()
    assert "CS002" in tekst and "elfproef" in tekst
    assert "OP003" in tekst and "alternatieve route" in tekst
    afgekeurd = Uitgaandbericht.objects.get(versie=versie, gezinslid=ben)
    detail = c.get(reverse("toewijzingen:detail", args=[afgekeurd.pk])).content.decode()
    assert "Regel CS002" in detail and "Download XML" not in detail
    assert c.get(reverse("toewijzingen:download", args=[afgekeurd.pk])).status_code == 404
    op003 = Uitgaandbericht.objects.get(versie=versie, gezinslid=anna)
    assert "alternatieve route" in c.get(reverse("toewijzingen:detail", args=[op003.pk])).content.decode()
    # the list offers no checkbox for a rejected message
    lijst = c.get(reverse("toewijzingen:lijst")).content.decode()
    assert f'value="{afgekeurd.pk}" id="bericht-{afgekeurd.pk}"' not in lijst
