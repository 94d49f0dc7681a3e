"""Intake screens: scoping (404 for another team), search, create/edit with members, bad input."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from hgarr.accounts.roles import Rol
from hgarr.audit.models import ToegangslogRegel
from indicatie.huishoudens.models import Gezinslid, Huishouden
from tests.factories import GezinslidFactory, HuishoudenFactory, nieuw_test_bsn

pytestmark = pytest.mark.django_db


def lid_data(i, **over):
    data = {
        "voornamen": f"Lid{i}",
        "voorvoegsel": "",
        "achternaam": "Nieuwhuis",
        "geboortedatum": "1985-05-05",
        "bsn": "",
        "geslacht": "2",
        "rollen": ["slachtoffer"],
        "relatie": "ouder",
        "doet_mee": "on",
        "postcode": "",
        "corr_postcode": "",
    }
    data.update(over)
    return {f"leden-{i}-{k}": v for k, v in data.items()}


def formulier(leden, **huishouden):
    data = {
        "gemeente": "Rotterdam",
        "toeleiding": "wijkteam",
        "registratiedatum": "2026-11-01",
        "straat": "Nieuwstraat",
        "huisnummer": "1",
        "postcode": "3000 AA",
        "plaats": "Rotterdam",
        "leden-TOTAL_FORMS": str(len(leden)),
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "1000",
    }
    data.update(huishouden)
    for i, lid in enumerate(leden):
        data.update(lid_data(i, **lid))
    return data


def test_anoniem_wordt_naar_inloggen_gestuurd(client):
    response = client.get(reverse("huishoudens:lijst"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_startpagina_toont_nederlandse_inlogpagina(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    assert "Inloggen" in response.text


def test_inloggen_roteert_sessie(client, indicatiesteller, db):
    client.get("/")
    voor = client.cookies.get("sessionid")
    response = client.post(reverse("login"), {"username": indicatiesteller.username, "password": "test-wachtwoord-123"})
    assert response.status_code == 302
    na = client.cookies["sessionid"].value
    assert voor is None or voor.value != na


def test_lijst_toont_alleen_eigen_team(client_als, indicatiesteller, huishouden, ander_team):
    vreemd = HuishoudenFactory(team=ander_team)
    GezinslidFactory(huishouden=vreemd, achternaam="Geheimfamilie")
    response = client_als(indicatiesteller).get(reverse("huishoudens:lijst"))
    assert response.status_code == 200
    assert "Voorbeeld" in response.text
    assert "Geheimfamilie" not in response.text


@pytest.mark.parametrize("naam", ["huishoudens:detail", "huishoudens:wijzigen"])
def test_huishouden_van_ander_team_geeft_404(client_als, maak_gebruiker, ander_team, huishouden, naam):
    buitenstaander = maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team)
    response = client_als(buitenstaander).get(reverse(naam, args=[huishouden.pk]))
    assert response.status_code == 404


def test_zoeken_van_ander_team_vindt_niets(client_als, maak_gebruiker, ander_team, huishouden):
    buitenstaander = maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team)
    response = client_als(buitenstaander).get(reverse("huishoudens:lijst"), {"q": "Voorbeeld"})
    assert "Anna" not in response.text


def test_beheerder_ziet_geen_casussen(client_als, beheerder, huishouden):
    c = client_als(beheerder)
    assert c.get(reverse("huishoudens:lijst")).status_code == 403
    assert c.get(reverse("huishoudens:detail", args=[huishouden.pk])).status_code == 403


def test_zoeken_op_naam_en_bsn_met_gemaskeerd_bsn(client_als, indicatiesteller, huishouden):
    anna = huishouden.leden.get(voornamen="Anna")
    c = client_als(indicatiesteller)
    response = c.get(reverse("huishoudens:lijst"), {"q": "anna"})
    assert "Anna" in response.text
    assert anna.bsn not in response.text
    assert f"*****{anna.bsn[-4:]}" in response.text
    response = c.get(reverse("huishoudens:lijst"), {"q": anna.bsn})
    assert "Anna" in response.text
    assert c.get(reverse("huishoudens:lijst"), {"q": "Onbestaand"}).text.count("Anna") == 0


def test_zoeken_met_htmx_geeft_alleen_resultaten(client_als, indicatiesteller, huishouden):
    response = client_als(indicatiesteller).get(reverse("huishoudens:lijst"), {"q": "Anna"}, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<section id="resultaten"')
    assert "<html" not in response.text


def test_detail_wordt_gelogd_en_toont_leeftijd(client_als, indicatiesteller, huishouden):
    response = client_als(indicatiesteller).get(reverse("huishoudens:detail", args=[huishouden.pk]))
    assert response.status_code == 200
    assert "kind" in response.text
    regel = ToegangslogRegel.objects.get(actie="bekijken", object_id=str(huishouden.pk))
    assert regel.gebruiker == indicatiesteller
    assert len(regel.subject_hashes) == 3
    assert all(lid.bsn not in str(regel.subject_hashes) for lid in huishouden.leden.all())


def test_nieuw_huishouden_met_leden(client_als, indicatiesteller):
    bsn = nieuw_test_bsn()
    data = formulier(
        [
            {"voornamen": "Eva", "bsn": bsn},
            {
                "voornamen": "Finn",
                "geboortedatum": "2016-03-03",
                "relatie": "kind",
                "rollen": ["getuige"],
                "geslacht": "1",
            },
        ]
    )
    response = client_als(indicatiesteller).post(reverse("huishoudens:nieuw"), data)
    assert response.status_code == 302, response.text
    h = Huishouden.objects.get()
    assert h.team == indicatiesteller.team
    assert [lid.voornamen for lid in h.leden.all()] == ["Eva", "Finn"]
    assert h.leden.get(voornamen="Finn").rollen == ["getuige"]


def test_lid_toevoegen_zonder_javascript_houdt_invoer(client_als, indicatiesteller):
    data = formulier([{"voornamen": "Getypt"}])
    data["lid_toevoegen"] = "1"
    response = client_als(indicatiesteller).post(reverse("huishoudens:nieuw"), data)
    assert response.status_code == 200
    assert 'value="Getypt"' in response.text
    assert 'name="leden-1-voornamen"' in response.text
    assert Huishouden.objects.count() == 0


def test_lid_rij_via_htmx(client_als, indicatiesteller):
    response = client_als(indicatiesteller).get(reverse("huishoudens:lid_rij"), {"leden-TOTAL_FORMS": "2"})
    assert 'name="leden-2-voornamen"' in response.text
    assert 'hx-swap-oob="true"' in response.text and 'value="3"' in response.text


@pytest.mark.parametrize(
    "leden, veld, melding",
    [
        ([{"bsn": "123456781"}], "leden-0-bsn", "elfproef"),
        ([{"geboortedatum": (date.today() + timedelta(days=1)).isoformat()}], "leden-0-geboortedatum", "toekomst"),
        ([{"geboortedatum": "1899-12-31"}], "leden-0-geboortedatum", "vóór 1900"),
        (
            [{"geboortedatum": "2015-01-01", "relatie": "kind", "heeft_gezag": "on"}],
            "leden-0-heeft_gezag",
            "geen gezag",
        ),
        ([{"rollen": ["heks"]}], "leden-0-rollen", "Onbekende rol"),
        ([{"bsn": "123456782"}, {"voornamen": "Twee", "bsn": "123456782"}], "leden-1-bsn", "al voor"),
        ([{"vertrouwelijk_adres": "on"}], "leden-0-corr_straat", "correspondentieadres"),
    ],
)
def test_foute_invoer_geeft_nederlandse_melding_en_houdt_invoer(client_als, indicatiesteller, leden, veld, melding):
    response = client_als(indicatiesteller).post(reverse("huishoudens:nieuw"), formulier(leden))
    assert response.status_code == 400
    assert melding in response.text
    assert 'id="foutoverzicht"' in response.text
    assert f'name="{veld}"' in response.text
    assert 'value="Nieuwstraat"' in response.text
    assert Huishouden.objects.count() == 0 and Gezinslid.objects.count() == 0


def test_huishouden_zonder_leden(client_als, indicatiesteller):
    response = client_als(indicatiesteller).post(reverse("huishoudens:nieuw"), formulier([]))
    assert response.status_code == 400
    assert "minstens één gezinslid" in response.text


def test_bsn_in_ander_huishouden_van_team_waarschuwt_zonder_blokkade(client_als, indicatiesteller, huishouden):
    bestaand = huishouden.leden.first().bsn
    response = client_als(indicatiesteller).post(
        reverse("huishoudens:nieuw"), formulier([{"bsn": bestaand}]), follow=True
    )
    assert response.status_code == 200
    assert "ander huishouden van uw team" in response.text
    assert reverse("huishoudens:detail", args=[huishouden.pk]) in response.text
    assert Huishouden.objects.count() == 2


def test_wijzigen_en_lid_verwijderen(client_als, indicatiesteller, huishouden):
    data = wijzig_data(huishouden)
    data["leden-1-DELETE"] = "on"
    response = client_als(indicatiesteller).post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), data)
    assert response.status_code == 302, response.text
    huishouden.refresh_from_db()
    assert huishouden.huisnummer == "9" and huishouden.postcode == "3000 AA"
    assert [lid.voornamen for lid in huishouden.leden.all()] == ["Anna", "Cato"]


def test_lijst_aantal_queries_groeit_niet(client_als, indicatiesteller, team, django_assert_max_num_queries):
    c = client_als(indicatiesteller)
    for _ in range(3):
        h = HuishoudenFactory(team=team)
        GezinslidFactory.create_batch(2, huishouden=h)
    c.get(reverse("huishoudens:lijst"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as weinig:
        c.get(reverse("huishoudens:lijst"))
    for _ in range(20):
        h = HuishoudenFactory(team=team)
        GezinslidFactory.create_batch(5, huishouden=h)
    with CaptureQueriesContext(connection) as veel:
        c.get(reverse("huishoudens:lijst"))
    assert len(veel) == len(weinig)
    h = Huishouden.objects.filter(team=team).last()
    with CaptureQueriesContext(connection) as detail:
        c.get(reverse("huishoudens:detail", args=[h.pk]))
    GezinslidFactory.create_batch(5, huishouden=h)
    with CaptureQueriesContext(connection) as detail_groot:
        c.get(reverse("huishoudens:detail", args=[h.pk]))
    assert len(detail) == len(detail_groot)


def wijzig_data(huishouden, **huishouden_over):
    """The edit form as the browser sends it for ``huishouden``, unchanged."""
    leden = list(huishouden.leden.all())
    data = {
        "gemeente": "Rotterdam",
        "toeleiding": "wijkteam",
        "registratiedatum": "2026-01-05",
        "straat": "Teststraat",
        "huisnummer": "9",
        "postcode": "3000AA",
        "plaats": "Rotterdam",
        "leden-TOTAL_FORMS": str(len(leden)),
        "leden-INITIAL_FORMS": str(len(leden)),
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "1000",
    }
    data.update(huishouden_over)
    for i, lid in enumerate(leden):
        data.update(
            lid_data(
                i, voornamen=lid.voornamen, achternaam=lid.achternaam, geboortedatum=lid.geboortedatum.isoformat(),
                bsn=lid.bsn, relatie=lid.relatie, rollen=lid.rollen, id=str(lid.pk),
            )
        )
    return data


def _indicatie_met(huishouden, lid, auteur):
    """A concept indication version whose member snapshot names ``lid`` (Indicatieversie.leden)."""
    from indicatie.indicaties.models import Aanbieder, Indicatie, Indicatieversie

    aanbieder = Aanbieder.objects.create(naam="Aanbieder X", agb_code="12345678", percelen=["extramuraal"])
    indicatie = Indicatie.objects.create(huishouden=huishouden, aangemaakt_door=auteur)
    return Indicatieversie.objects.create(
        indicatie=indicatie, nummer=1, perceel="extramuraal", pakket="2", aanbieder=aanbieder,
        ingangsdatum=date(2026, 2, 1), einddatum=date(2027, 1, 31), motivering="Test", auteur=auteur,
        leden=[{"ref": f"lid-{lid.pk}", "gezinslid_id": lid.pk, "geboortedatum": lid.geboortedatum.isoformat()}],
    )


def test_lid_met_indicatie_verwijderen_geeft_melding_en_houdt_invoer(client_als, indicatiesteller, huishouden):
    cato = huishouden.leden.get(voornamen="Cato")
    _indicatie_met(huishouden, cato, indicatiesteller)
    data = wijzig_data(huishouden, straat="Getypte Straat")
    data["leden-0-voornamen"] = "Anna-Getypt"
    data["leden-2-DELETE"] = "on"
    response = client_als(indicatiesteller).post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), data)
    assert response.status_code == 400
    tekst = response.text
    assert "Cato Voorbeeld kan niet worden verwijderd: er zijn indicaties of beschikkingen voor deze persoon." in tekst
    # The message sits at the member's 'doet mee' field and links from the summary.
    assert 'id="id_leden-2-doet_mee_error"' in tekst and 'href="#id_leden-2-doet_mee"' in tekst
    # Typed input is kept, and the refused removal is no longer ticked.
    assert 'value="Getypte Straat"' in tekst and 'value="Anna-Getypt"' in tekst
    vinkje = re.search(r'<input[^>]*name="leden-2-DELETE"[^>]*>', tekst).group(0)
    assert "checked" not in vinkje
    assert "checked" in re.search(r'<input[^>]*name="leden-2-doet_mee"[^>]*>', tekst).group(0)
    # Nothing was written.
    huishouden.refresh_from_db()
    assert huishouden.straat != "Getypte Straat"
    assert sorted(huishouden.leden.values_list("voornamen", flat=True)) == ["Anna", "Ben", "Cato"]


def test_service_weigert_lid_met_beschikking_voordat_er_iets_is_geschreven(indicatiesteller, huishouden):
    from indicatie.beschikkingen.models import Beschikking
    from indicatie.huishoudens import services
    from indicatie.huishoudens.forms import HuishoudenForm, LedenFormSet

    anna, ben, cato = huishouden.leden.all()
    versie = _indicatie_met(huishouden, cato, indicatiesteller)
    Beschikking.objects.create(
        kenmerk="HG-T-1", soort="toekenning", wet="wmo", huishouden=huishouden, versie=versie, client=ben,
        client_ref="lid", geadresseerde_naam="Ben", bestandsnaam="b.pdf", datum=date(2026, 2, 1),
        ingangsdatum=date(2026, 2, 1), einddatum=date(2027, 1, 31), per_week=1, periode=1, bestand="b.pdf",
        sha256="0" * 64, grootte=1,
    )
    assert services.niet_verwijderbare_leden(huishouden, [anna.pk, ben.pk, cato.pk]) == {ben.pk, cato.pk}
    data = wijzig_data(huishouden, straat="Nieuw")
    data["leden-1-DELETE"] = "on"
    form = HuishoudenForm(data, instance=huishouden)
    formset = LedenFormSet(data, instance=huishouden, prefix="leden")
    assert form.is_valid() and formset.is_valid()
    with pytest.raises(services.LedenNietVerwijderbaar) as fout:
        services.sla_huishouden_op(user=indicatiesteller, huishouden_form=form, leden_formset=formset)
    assert set(fout.value.fouten) == {ben.pk}
    assert fout.value.fouten[ben.pk].startswith("Ben Voorbeeld kan niet worden verwijderd")
    huishouden.refresh_from_db()
    assert huishouden.straat != "Nieuw" and huishouden.leden.count() == 3
