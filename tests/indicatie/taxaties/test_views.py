"""Taxatie screens: history, the live proposal (htmx and without JavaScript), deviation, team scoping,
the decision-table page and follow rates (issue 4)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from hgarr.audit.models import ToegangslogRegel
from indicatie.taxaties import services
from indicatie.taxaties.models import Taxatie
from pakketten.models import Tabelversie
from tests.factories import HuishoudenFactory

from .conftest import ANTWOORDEN

pytestmark = pytest.mark.django_db


def formdata(huishouden, **over):
    data = {
        "veiligheid": "dreigend",
        "vaardigheden": "beperkt",
        "langdurig_of_specialistisch": "on",
        "gezinsprofiel": "onbekend",
        "keuze": "volgen",
        "gekozen_perceel": "",
        "gekozen_pakket": "",
        "afwijking_motivering": "",
    }
    for lid in huishouden.leden.all():
        data[f"observatie_{lid.pk}"] = ""
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def test_huishouden_toont_link_naar_taxatie(client_als, indicatiesteller, huishouden):
    r = client_als(indicatiesteller).get(reverse("huishoudens:detail", args=[huishouden.pk]))
    assert reverse("taxaties:overzicht", args=[huishouden.pk]) in r.content.decode()


def test_formulier_toont_schalen_met_omschrijving(client_als, indicatiesteller, huishouden):
    r = client_als(indicatiesteller).get(reverse("taxaties:nieuw", args=[huishouden.pk]))
    html = r.content.decode()
    assert r.status_code == 200
    for tekst in (
        "Acuut onveilig",
        "Structureel onveilig",
        "Dreigend",
        "Stabiel maar kwetsbaar",
        "Voldoende",
        "Beperkt",
        "Ontbrekend",
        "direct gevaar",
        "Intieme terreur",
        "Multiproblematiek",
        "Observaties over Anna Voorbeeld",
    ):
        assert tekst in html
    assert "Kies de veiligheidssituatie en de vaardigheden" in html
    assert "<script>" not in html and ' style="' not in html  # strict CSP


def test_live_voorstel_via_htmx(client_als, indicatiesteller, huishouden):
    c = client_als(indicatiesteller)
    url = reverse("taxaties:voorstel", args=[huishouden.pk])
    r = c.post(url, formdata(huishouden), HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html
    assert "Extramuraal, Pakket 2" in html and "(bron: Bijlage 1 §1.5, Bijlage 3 §2)" in html
    assert "R18" not in html  # the design guide's shorthand stays off the screen
    r = c.post(url, formdata(huishouden, vaardigheden="ontbrekend", nabijheid_24_uur="on"), HTTP_HX_REQUEST="true")
    assert "Semimuraal, Pakket 3" in r.content.decode()
    r = c.post(url, formdata(huishouden, veiligheid="acuut_onveilig"), HTTP_HX_REQUEST="true")
    assert "Eerst directe veiligheid" in r.content.decode() and "Intramuraal" in r.content.decode()
    r = c.post(url, formdata(huishouden, langdurig_of_specialistisch=None), HTTP_HX_REQUEST="true")
    assert "basishulp" in r.content.decode()
    assert not Taxatie.objects.exists()


def test_voorstel_bijwerken_zonder_javascript_houdt_invoer(client_als, indicatiesteller, huishouden):
    lid = huishouden.leden.first()
    data = formdata(huishouden, vaardigheden="voldoende", bijwerken="1", **{f"observatie_{lid.pk}": "Zeer alert."})
    r = client_als(indicatiesteller).post(reverse("taxaties:nieuw", args=[huishouden.pk]), data)
    html = r.content.decode()
    assert r.status_code == 200
    assert "Extramuraal, Pakket 1" in html and "Zeer alert." in html
    assert re.search(r'name="vaardigheden" value="voldoende"[^>]*checked', html)
    assert not re.search(r'name="vaardigheden" value="beperkt"[^>]*checked', html)
    assert not Taxatie.objects.exists()


def test_opslaan_en_teruglezen(client_als, indicatiesteller, huishouden):
    c = client_als(indicatiesteller)
    r = c.post(
        reverse("taxaties:nieuw", args=[huishouden.pk]), formdata(huishouden, verzwarende_factoren="psychiatrie")
    )
    t = Taxatie.objects.get()
    assert r.status_code == 302 and r.url == reverse("taxaties:detail", args=[huishouden.pk, t.pk])
    html = c.get(r.url).content.decode()
    assert "Extramuraal, Pakket 2" in html and "Psychiatrie" in html and "Voorstel gevolgd" in html
    overzicht = c.get(reverse("taxaties:overzicht", args=[huishouden.pk])).content.decode()
    assert "laatste" in overzicht
    assert ToegangslogRegel.objects.filter(objecttype="taxatie", object_id=str(t.pk), actie="aanmaken").exists()
    assert ToegangslogRegel.objects.filter(objecttype="taxatie", object_id=str(t.pk), actie="bekijken").exists()


def test_afwijken_zonder_motivering_geeft_fout_bij_het_veld_en_houdt_invoer(client_als, indicatiesteller, huishouden):
    data = formdata(
        huishouden, keuze="afwijken", gekozen_perceel="extramuraal", gekozen_pakket="3", afwijking_motivering="Kort."
    )
    r = client_als(indicatiesteller).post(reverse("taxaties:nieuw", args=[huishouden.pk]), data)
    html = r.content.decode()
    assert r.status_code == 400
    assert "Motiveer de afwijking in ten minste één volledige zin" in html
    assert 'href="#id_afwijking_motivering"' in html  # error summary links to the field
    assert "Kort.</textarea>" in html
    assert not Taxatie.objects.exists()


def test_afwijken_met_motivering(client_als, indicatiesteller, huishouden):
    motivering = "Vader dreigt opnieuw contact te zoeken, daarom is een zwaarder pakket nodig."
    data = formdata(
        huishouden, keuze="afwijken", gekozen_perceel="extramuraal", gekozen_pakket="3", afwijking_motivering=motivering
    )
    c = client_als(indicatiesteller)
    r = c.post(reverse("taxaties:nieuw", args=[huishouden.pk]), data)
    t = Taxatie.objects.get()
    assert (t.voorstel_pakket, t.gekozen_pakket, t.voorstel_gevolgd) == ("2", "3", False)
    html = c.get(r.url).content.decode()
    assert motivering in html and "Nee, afgeweken" in html


def test_ontbrekende_antwoorden_geven_nederlandse_fouten(client_als, indicatiesteller, huishouden):
    r = client_als(indicatiesteller).post(
        reverse("taxaties:nieuw", args=[huishouden.pk]), formdata(huishouden, veiligheid=None, vaardigheden=None)
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "Kies de veiligheidssituatie." in html and "Kies de vaardigheden en leerbaarheid." in html
    assert 'href="#id_veiligheid"' in html and 'id="id_veiligheid"' in html


def test_herzien_start_met_de_vorige_antwoorden_en_bewaart_geschiedenis(client_als, indicatiesteller, huishouden):
    services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **{**ANTWOORDEN, "veiligheid": "structureel_onveilig"},
        datum=date(2026, 2, 1),
    )
    c = client_als(indicatiesteller)
    html = c.get(reverse("taxaties:nieuw", args=[huishouden.pk])).content.decode()
    assert "zijn vooraf ingevuld" in html and "Extramuraal, Pakket 3" in html
    c.post(reverse("taxaties:nieuw", args=[huishouden.pk]), formdata(huishouden, veiligheid="stabiel_kwetsbaar"))
    assert list(Taxatie.objects.order_by("datum").values_list("veiligheid", flat=True)) == [
        "structureel_onveilig",
        "stabiel_kwetsbaar",
    ]


def test_ander_team_krijgt_404(client_als, maak_gebruiker, ander_team, indicatiesteller, huishouden):
    from hgarr.accounts.roles import Rol

    t = services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN)
    buiten = client_als(maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team))
    for url in (
        reverse("taxaties:overzicht", args=[huishouden.pk]),
        reverse("taxaties:nieuw", args=[huishouden.pk]),
        reverse("taxaties:detail", args=[huishouden.pk, t.pk]),
    ):
        assert buiten.get(url).status_code == 404
    assert buiten.post(reverse("taxaties:voorstel", args=[huishouden.pk]), formdata(huishouden)).status_code == 404


def test_taxatie_van_ander_huishouden_via_eigen_url_is_404(client_als, indicatiesteller, huishouden):
    ander = HuishoudenFactory(team=huishouden.team)
    t = services.maak_taxatie(user=indicatiesteller, huishouden=ander, **ANTWOORDEN)
    r = client_als(indicatiesteller).get(reverse("taxaties:detail", args=[huishouden.pk, t.pk]))
    assert r.status_code == 404


def test_beslisser_leest_maar_schrijft_niet(client_als, beslisser, indicatiesteller, huishouden):
    t = services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN)
    c = client_als(beslisser)
    assert c.get(reverse("taxaties:detail", args=[huishouden.pk, t.pk])).status_code == 200
    assert c.get(reverse("taxaties:nieuw", args=[huishouden.pk])).status_code == 403
    assert c.post(reverse("taxaties:nieuw", args=[huishouden.pk]), formdata(huishouden)).status_code == 403


def test_beheerder_ziet_beslistabel_maar_geen_dossier(client_als, beheerder, huishouden):
    c = client_als(beheerder)
    r = c.get(reverse("taxaties:beslistabel"))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Geldig vandaag" in html and "1 januari 2026" in html and "Bijlage 1 §1.5" in html
    assert "Pakket 3" in html and "Stabiel maar kwetsbaar" in html and "Vaardigheden ontbrekend" in html
    assert c.get(reverse("taxaties:overzicht", args=[huishouden.pk])).status_code == 403


def test_beslistabel_historie_met_geldigheid(client_als, casusregisseur):
    oud = Tabelversie.geldig_op("beslistabel", date(2026, 6, 1))
    nieuw = Tabelversie.objects.create(
        soort="beslistabel", geldig_vanaf=date(2099, 1, 1), data=oud.data, bron="Toekomstige versie"
    )
    c = client_als(casusregisseur)
    html = c.get(reverse("taxaties:beslistabel")).content.decode()
    assert "Toekomstig" in html and "31 december 2098" in html
    html = c.get(reverse("taxaties:beslistabel") + f"?versie={nieuw.pk}").content.decode()
    assert "Versie: vanaf 1 januari 2099" in html


def test_beslistabel_niet_voor_anoniem_of_zonder_rol(client, maak_gebruiker):
    assert client.get(reverse("taxaties:beslistabel")).status_code in (302, 403)
    client.force_login(maak_gebruiker())
    assert client.get(reverse("taxaties:beslistabel")).status_code == 403


def test_volgcijfers_pagina(client_als, indicatiesteller, huishouden):
    services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN)
    html = client_als(indicatiesteller).get(reverse("taxaties:volgcijfers")).content.decode()
    assert huishouden.team.naam in html and "100%" in html
