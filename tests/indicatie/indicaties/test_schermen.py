"""The lifecycle screens: team scoping (404), roles, the form without JavaScript, Dutch messages with
kept input and nothing saved, the conflict message (409), the worklist and its counts in the
navigation, and a query count that does not grow with the number of versions."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hgarr.accounts.roles import Rol
from hgarr.audit.models import ToegangslogRegel
from indicatie.indicaties import services
from indicatie.indicaties.models import Aanbieder, Evaluatie, Indicatie, Indicatieversie, VersieStatus

from .conftest import START, besluit, gegevens, vastgesteld

pytestmark = pytest.mark.django_db


def formulier(huishouden, aanbieder, taxatie=None, **over) -> dict:
    data = {
        "perceel": "extramuraal",
        "pakket": "2",
        "aanbieder": str(aanbieder.pk),
        "ingangsdatum": "2026-02-02",
        "einddatum": "2027-02-01",
        "taxatie": str(taxatie.pk) if taxatie else "",
        "motivering": "Dreiging en beperkte vaardigheden.",
        "revisie": "",
    }
    for lid in huishouden.leden.all():
        data[f"mee_{lid.pk}"] = "on"
    data.update(over)
    return data


def test_nieuwe_indicatie_zonder_javascript(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    client = client_als(indicatiesteller)
    pagina = client.get(reverse("indicaties:nieuw", args=[huishouden.pk]))
    assert pagina.status_code == 200 and "Anna Voorbeeld" in pagina.text
    assert f'value="{taxatie.pk}" selected' in pagina.text  # the latest taxatie is proposed
    response = client.post(reverse("indicaties:nieuw", args=[huishouden.pk]), formulier(huishouden, aanbieder, taxatie))
    assert response.status_code == 302
    versie = Indicatieversie.objects.get()
    assert versie.status == VersieStatus.CONCEPT and versie.auteur == indicatiesteller
    detail = client.get(response["Location"])
    assert "Versie 1: Toekenning – concept" in detail.text and "Indienen ter beoordeling" in detail.text
    assert ToegangslogRegel.objects.filter(objecttype="indicatie", actie="aanmaken").exists()


@pytest.mark.parametrize(
    "over,melding",
    [
        ({"ingangsdatum": "2025-12-01"}, "vóór de registratiedatum van het huishouden"),
        ({"einddatum": "2026-01-31"}, "De einddatum ligt vóór de ingangsdatum."),
        ({"ingangsdatum": "31-02-2026"}, "Vul een geldige datum in."),
        ({"perceel": "intramuraal"}, "niet gecontracteerd voor perceel intramuraal"),
    ],
)
def test_slechte_invoer_nederlandse_melding_en_invoer_blijft(
    client_als, indicatiesteller, huishouden, aanbieder_alleen_extramuraal, over, melding
):
    data = formulier(huishouden, aanbieder_alleen_extramuraal, motivering="Mijn eigen tekst blijft staan.", **over)
    response = client_als(indicatiesteller).post(reverse("indicaties:nieuw", args=[huishouden.pk]), data)
    assert response.status_code == 400
    assert melding in response.text
    assert "Mijn eigen tekst blijft staan." in response.text
    assert "foutoverzicht" in response.text
    assert not Indicatie.objects.exists()


def test_ander_team_krijgt_404(
    client_als, maak_gebruiker, ander_team, huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    vreemde = maak_gebruiker(Rol.CASUSREGISSEUR, Rol.INDICATIESTELLER, Rol.BESLISSER, team_=ander_team)
    client = client_als(vreemde)
    for naam, args in [
        ("indicaties:detail", [versie.indicatie_id]),
        ("indicaties:opschalen", [versie.indicatie_id]),
        ("indicaties:beeindigen", [versie.indicatie_id]),
        ("indicaties:evaluatie", [versie.indicatie_id]),
        ("indicaties:beslissen", [versie.pk]),
        ("indicaties:versie_wijzigen", [versie.pk]),
        ("indicaties:nieuw", [huishouden.pk]),
        ("indicaties:van_huishouden", [huishouden.pk]),
    ]:
        assert client.get(reverse(naam, args=args)).status_code == 404, naam
    assert "Voorbeeld" not in client.get(reverse("indicaties:werklijst")).text


def test_beheerder_ziet_geen_dossiers(
    client_als, beheerder, huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    client = client_als(beheerder)
    assert client.get(reverse("indicaties:detail", args=[versie.indicatie_id])).status_code == 403
    assert client.get(reverse("indicaties:aanbieders")).status_code == 200


def test_indienen_en_beslissen_via_de_schermen(client_als, indicatiesteller, beslisser, huishouden, aanbieder, taxatie):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    steller = client_als(indicatiesteller)
    steller.post(reverse("indicaties:versie_actie", args=[versie.pk, "indienen"]), {"revisie": "1"})
    versie.refresh_from_db()
    assert versie.status == VersieStatus.TER_BEOORDELING
    # The submitter sees the four-eyes notice, not the decision form.
    eigen = steller.get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert eigen.status_code == 403
    beslis_client = client_als(beslisser)
    werklijst = beslis_client.get(reverse("indicaties:werklijst"))
    assert "Wacht op uw besluit (1)" in werklijst.text and "1 open" in werklijst.text
    pagina = beslis_client.get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert "Besluit vastleggen" in pagina.text and "Anna Voorbeeld" in pagina.text
    leeg = beslis_client.post(
        reverse("indicaties:beslissen", args=[versie.pk]), {"besluit": "afwijzen", "revisie": "2"}
    )
    assert leeg.status_code == 400 and "Vul de reden van de afwijzing voor de aanvrager in" in leeg.text
    terug = beslis_client.post(
        reverse("indicaties:beslissen", args=[versie.pk]), {"besluit": "terugsturen", "revisie": "2"}
    )
    assert terug.status_code == 400 and "Vul in wat de indicatiesteller moet aanpassen." in terug.text
    response = beslis_client.post(
        reverse("indicaties:beslissen", args=[versie.pk]), {"besluit": "vaststellen", "revisie": "2"}
    )
    assert response.status_code == 302
    versie.refresh_from_db()
    assert versie.status == VersieStatus.VASTGESTELD and versie.beslisser == beslisser


def test_beslisser_met_zelfde_rollen_ziet_vier_ogen_melding(client_als, maak_gebruiker, huishouden, aanbieder, taxatie):
    beide = maak_gebruiker(Rol.INDICATIESTELLER, Rol.BESLISSER)
    versie = services.maak_indicatie(
        huishouden=huishouden, door=beide, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.dien_in(versie_id=versie.pk, door=beide, revisie=None)
    client = client_als(beide)
    pagina = client.get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert "Vier ogen" in pagina.text and "Besluit vastleggen" not in pagina.text
    assert "Wacht op uw besluit (0)" in client.get(reverse("indicaties:werklijst")).text
    response = client.post(reverse("indicaties:beslissen", args=[versie.pk]), {"besluit": "vaststellen"})
    assert response.status_code == 400 and "Vier ogen" in response.text


def test_gelijktijdig_beslissen_geeft_409_en_invoer_blijft(
    client_als, indicatiesteller, beslisser, tweede_beslisser, huishouden, aanbieder, taxatie
):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    gezien = Indicatie.objects.get().revisie
    services.beslis(versie_id=versie.pk, door=tweede_beslisser, vaststellen=True, revisie=gezien)
    response = client_als(beslisser).post(
        reverse("indicaties:beslissen", args=[versie.pk]),
        {"besluit": "terugsturen", "reden": "Mijn afwijzingsreden.", "revisie": str(gezien)},
    )
    assert response.status_code == 409
    assert "intussen gewijzigd door" in response.text and "Mijn afwijzingsreden." in response.text
    versie.refresh_from_db()
    assert versie.status == VersieStatus.VASTGESTELD and versie.beslisser == tweede_beslisser


def test_opschalen_via_scherm_en_tijdlijn(
    client_als, casusregisseur, indicatiesteller, beslisser, tweede_beslisser, huishouden, aanbieder, taxatie
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    client = client_als(casusregisseur)
    url = reverse("indicaties:opschalen", args=[lopend.indicatie_id])
    pagina = client.get(url)
    assert "Wijzigingsdatum" in pagina.text and 'name="einddatum"' not in pagina.text
    revisie = Indicatie.objects.get().revisie
    buiten = client.post(
        url, formulier(huishouden, aanbieder, pakket="3", ingangsdatum="2027-03-01", revisie=str(revisie))
    )
    assert buiten.status_code == 400 and "binnen de lopende periode" in buiten.text
    response = client.post(
        url, formulier(huishouden, aanbieder, pakket="3", ingangsdatum="2026-06-01", revisie=str(revisie))
    )
    assert response.status_code == 302
    nieuw = Indicatieversie.objects.get(nummer=2)
    besluit(nieuw, casusregisseur, tweede_beslisser)
    detail = client.get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    assert "Versie 2: Wijziging (op-/afschalen) – vastgesteld" in detail.text
    assert "geldt tot en met 31 mei 2026" in detail.text
    assert "ten opzichte van versie 1" in detail.text and "Verschil per week" in detail.text
    assert (
        "Toegekend per kalenderjaar" in detail.text
        and '<th class="utrecht-table__header-cell" scope="row">2027</th>' in detail.text
    )


def test_beeindigen_en_evaluatie_via_scherm(
    client_als, casusregisseur, indicatiesteller, beslisser, huishouden, aanbieder, taxatie
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    client = client_als(casusregisseur)
    url = reverse("indicaties:evaluatie", args=[lopend.indicatie_id])
    fout = client.post(url, {"datum": "2026-05-04", "veiligheid": "dreigend", "advies": "voortzetten", "voortgang": ""})
    assert fout.status_code == 400 and "Beschrijf de voortgang op de doelen." in fout.text
    client.post(
        url,
        {
            "datum": "2026-05-04",
            "veiligheid": "stabiel_kwetsbaar",
            "voortgang": "Rustiger thuis.",
            "advies": "afschalen",
        },
    )
    assert Evaluatie.objects.count() == 1
    detail = client.get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    assert (
        "<svg" in detail.text
        and "<circle" in detail.text
        and "style=" not in detail.text.split("<svg")[1].split("</svg>")[0]
    )
    assert "Rustiger thuis." in detail.text
    eind = client.post(
        reverse("indicaties:beeindigen", args=[lopend.indicatie_id]),
        {"einddatum": "2027-03-01", "categorie": "verhuisd_andere_gemeente", "reden": "Verhuisd.",
         "revisie": str(Indicatie.objects.get().revisie)},
    )
    assert eind.status_code == 400 and "vóór de huidige einddatum" in eind.text and "Verhuisd." in eind.text
    client.post(
        reverse("indicaties:beeindigen", args=[lopend.indicatie_id]),
        {"einddatum": "2026-09-30", "categorie": "verhuisd_andere_gemeente", "reden": "Verhuisd.",
         "revisie": str(Indicatie.objects.get().revisie)},
    )
    assert Indicatieversie.objects.get(nummer=2).soort == "beeindiging"


def test_werklijst_toont_wat_er_klaarligt(
    client_als, casusregisseur, indicatiesteller, beslisser, huishouden, aanbieder, taxatie
):
    from datetime import timedelta

    from django.utils import timezone

    vandaag = timezone.localdate()
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    # Ends within eight weeks, evaluation overdue.
    Indicatie.objects.filter(pk=lopend.indicatie_id).update(
        einddatum=vandaag + timedelta(days=20), volgende_evaluatie_op=vandaag - timedelta(days=3)
    )
    pagina = client_als(casusregisseur).get(reverse("indicaties:werklijst"))
    assert "Eindigt binnen 8 weken (1)" in pagina.text
    assert "Evaluaties die nodig zijn (1)" in pagina.text and "Te laat" in pagina.text
    assert "2 open" in pagina.text  # the count in the navigation
    assert "Wacht op uw besluit" not in pagina.text  # not a beslisser
    concept = client_als(indicatiesteller).get(reverse("indicaties:werklijst"))
    assert "Mijn concepten (0)" in concept.text and "Evaluaties die nodig zijn" not in concept.text


def test_aantal_queries_groeit_niet_met_versies(
    client_als, casusregisseur, indicatiesteller, beslisser, tweede_beslisser, huishouden, aanbieder, taxatie
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    client = client_als(casusregisseur)
    url = reverse("indicaties:detail", args=[lopend.indicatie_id])
    client.get(url)

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    voor = tel()
    for maand in (4, 6, 8):
        nieuw = services.start_wijziging(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            revisie=None,
            gegevens=gegevens(
                huishouden, aanbieder, None, pakket="3" if maand % 4 else "1", ingangsdatum=date(2026, maand, 1)
            ),
        )
        besluit(nieuw, indicatiesteller, tweede_beslisser)
    assert Indicatieversie.objects.count() == 4
    assert tel() == voor


def test_aanbieder_agb_code_acht_cijfers(db):
    from django.core.exceptions import ValidationError

    aanbieder = Aanbieder(naam="Fout", agb_code="1234", percelen=["extramuraal"])
    with pytest.raises(ValidationError) as fout:
        aanbieder.full_clean()
    assert "8 cijfers" in str(fout.value)


def test_huishouden_pagina_heeft_indicatie_actie(client_als, indicatiesteller, huishouden):
    pagina = client_als(indicatiesteller).get(reverse("huishoudens:detail", args=[huishouden.pk]))
    assert reverse("indicaties:van_huishouden", args=[huishouden.pk]) in pagina.text
    lijst = client_als(indicatiesteller).get(reverse("indicaties:van_huishouden", args=[huishouden.pk]))
    assert "Nieuwe indicatie" in lijst.text and START  # the household list of indications renders


def test_beheerder_beheert_aanbieders(client, beheerder):
    from django.test import override_settings

    with override_settings(HGARR_2FA_VERPLICHT=False):
        client.force_login(beheerder)
        response = client.post(reverse("admin:indicaties_aanbieder_add"), {
            "naam": "Nieuwe Zorg", "agb_code": "11112222", "percelen": ["extramuraal", "semimuraal"], "actief": "on"})
        assert response.status_code == 302, response.content[:500]
        aanbieder = Aanbieder.objects.get(agb_code="11112222")
        assert aanbieder.percelen == ["extramuraal", "semimuraal"]
        fout = client.post(reverse("admin:indicaties_aanbieder_add"), {"naam": "Fout", "agb_code": "12ab"})
        assert "8 cijfers" in fout.text


def test_voorbeeld_van_de_begroting_met_htmx_slaat_niets_op(client_als, indicatiesteller, huishouden, aanbieder,
                                                            taxatie):
    client = client_als(indicatiesteller)
    url = reverse("indicaties:voorbeeld", args=[huishouden.pk])
    response = client.post(url, formulier(huishouden, aanbieder, taxatie, motivering=""), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Voorlopige begroting per week" in response.text and "Anna Voorbeeld" in response.text
    assert "<html" not in response.text  # only the partial
    data = formulier(huishouden, aanbieder, taxatie, ingangsdatum="2025-01-01")
    fout = client.post(url, data, HTTP_HX_REQUEST="true")
    assert "vóór de registratiedatum" in fout.text
    assert not Indicatie.objects.exists() and not Indicatieversie.objects.exists()


def test_verlengen_intrekken_en_opnieuw_opstellen_via_scherm(client_als, indicatiesteller, beslisser, huishouden,
                                                             aanbieder, taxatie):
    from .conftest import maak_taxatie

    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, einddatum=date(2026, 6, 30))
    client = client_als(indicatiesteller)
    url = reverse("indicaties:verlengen", args=[lopend.indicatie_id])
    pagina = client.get(url)
    assert 'value="2026-07-01"' in pagina.text and "Kies de nieuwe taxatie" in pagina.text
    revisie = str(Indicatie.objects.get().revisie)
    zonder = client.post(url, formulier(huishouden, aanbieder, None, ingangsdatum="2026-07-01",
                                        einddatum="2026-12-31", revisie=revisie))
    assert zonder.status_code == 400 and "Een verlenging vraagt een nieuwe taxatie." in zonder.text
    nieuwe = maak_taxatie(huishouden, indicatiesteller, datum=date(2026, 6, 20))
    response = client.post(url, formulier(huishouden, aanbieder, nieuwe, ingangsdatum="2026-07-01",
                                          einddatum="2026-12-31", revisie=revisie))
    assert response.status_code == 302
    verlenging = Indicatieversie.objects.get(nummer=2)
    assert verlenging.soort == "verlenging" and verlenging.taxatie == nieuwe
    revisie = str(Indicatie.objects.get().revisie)
    client.post(reverse("indicaties:versie_actie", args=[verlenging.pk, "intrekken"]), {"revisie": revisie})
    verlenging.refresh_from_db()
    assert verlenging.status == VersieStatus.INGETROKKEN
    detail = client.get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    assert "Versie 2 opnieuw opstellen" in detail.text
    revisie = str(Indicatie.objects.get().revisie)
    client.post(reverse("indicaties:versie_actie", args=[verlenging.pk, "herzien"]), {"revisie": revisie})
    opnieuw = Indicatieversie.objects.get(nummer=3)
    assert opnieuw.status == VersieStatus.CONCEPT and opnieuw.soort == "verlenging" and opnieuw.taxatie == nieuwe
    # A stale revision on an action gives the Dutch conflict message, nothing changes.
    client.post(reverse("indicaties:versie_actie", args=[opnieuw.pk, "indienen"]), {"revisie": revisie})
    opnieuw.refresh_from_db()
    assert opnieuw.status == VersieStatus.CONCEPT
    assert "intussen gewijzigd" in client.get(reverse("indicaties:detail", args=[lopend.indicatie_id])).text
