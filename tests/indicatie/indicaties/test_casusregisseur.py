"""R20: one casusregisseur per indication keeps regie over the family. The service (who may assign
whom, the optimistic lock, the change history), the form on the indication page without JavaScript,
and the worklist that shows a casusregisseur their own families and those without one by default."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hgarr.accounts.roles import Rol
from hgarr.audit.models import ToegangslogRegel, Wijziging
from indicatie.indicaties import services
from indicatie.indicaties.models import Evaluatie, Indicatie
from indicatie.indicaties.services import Conflict, Ongeldig
from tests.factories import GezinslidFactory, HuishoudenFactory

from .conftest import vastgesteld

pytestmark = pytest.mark.django_db


@pytest.fixture
def lopend(huishouden, aanbieder, taxatie, indicatiesteller, beslisser) -> Indicatie:
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    return Indicatie.objects.get(pk=versie.indicatie_id)  # fresh: deciding raised the revision


@pytest.fixture
def collega(maak_gebruiker):
    """A second casusregisseur of the same team."""
    return maak_gebruiker(Rol.CASUSREGISSEUR, first_name="Carla", last_name="Collega")


def toewijzen(indicatie, kandidaat, door, revisie=None):
    return services.wijs_casusregisseur_toe(
        indicatie_id=indicatie.pk, casusregisseur_id=kandidaat.pk if kandidaat else None, door=door, revisie=revisie
    )


# --------------------------------------------------------------------------- the service


def test_toewijzen_en_weer_leegmaken(lopend, casusregisseur, indicatiesteller, beslisser):
    revisie = lopend.revisie
    toewijzen(lopend, casusregisseur, indicatiesteller, revisie=revisie)
    lopend.refresh_from_db()
    assert lopend.casusregisseur == casusregisseur
    assert lopend.revisie == revisie + 1 and lopend.gewijzigd_door == indicatiesteller
    toewijzen(lopend, None, beslisser, revisie=revisie + 1)
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None
    assert lopend.revisie == revisie + 2 and lopend.gewijzigd_door == beslisser


def test_casusregisseur_mag_zichzelf_en_een_collega_toewijzen(lopend, casusregisseur, collega):
    toewijzen(lopend, casusregisseur, casusregisseur)
    toewijzen(lopend, collega, casusregisseur)
    lopend.refresh_from_db()
    assert lopend.casusregisseur == collega


def test_casusregisseur_van_een_ander_team_wordt_geweigerd(lopend, maak_gebruiker, ander_team, indicatiesteller):
    vreemde = maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team, first_name="Vera", last_name="Vreemd")
    with pytest.raises(Ongeldig) as fout:
        toewijzen(lopend, vreemde, indicatiesteller)
    assert fout.value.fouten["casusregisseur"] == (
        "Vera Vreemd hoort niet bij het team van dit huishouden (Wijkteam Test)."
    )
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None


def test_gebruiker_zonder_rol_casusregisseur_wordt_geweigerd(lopend, maak_gebruiker, indicatiesteller, beslisser):
    with pytest.raises(Ongeldig) as fout:
        toewijzen(lopend, beslisser, indicatiesteller)
    assert "heeft niet de rol casusregisseur" in fout.value.fouten["casusregisseur"]
    oud = maak_gebruiker(Rol.CASUSREGISSEUR, is_active=False)
    with pytest.raises(Ongeldig) as fout:
        toewijzen(lopend, oud, indicatiesteller)
    assert "geen actieve gebruiker meer" in fout.value.fouten["casusregisseur"]
    with pytest.raises(Ongeldig):
        services.wijs_casusregisseur_toe(
            indicatie_id=lopend.pk, casusregisseur_id=987654, door=indicatiesteller, revisie=None
        )
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None


def test_wie_mag_toewijzen(lopend, casusregisseur, beheerder, maak_gebruiker, ander_team):
    with pytest.raises(PermissionDenied):
        toewijzen(lopend, casusregisseur, beheerder)  # sees configuration, not case files
    with pytest.raises(PermissionDenied):
        toewijzen(lopend, casusregisseur, maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team))
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None


def test_verouderde_revisie_wordt_geweigerd(lopend, casusregisseur, collega, indicatiesteller, beslisser):
    gezien = lopend.revisie
    toewijzen(lopend, collega, beslisser, revisie=gezien)
    with pytest.raises(Conflict) as fout:
        toewijzen(lopend, casusregisseur, indicatiesteller, revisie=gezien)
    assert "intussen gewijzigd door" in str(fout.value)
    lopend.refresh_from_db()
    assert lopend.casusregisseur == collega


def test_wijziging_staat_in_de_geschiedenis(lopend, casusregisseur, indicatiesteller):
    from hgarr.audit.context import als_gebruiker

    voor = set(Wijziging.objects.values_list("pk", flat=True))
    with als_gebruiker(indicatiesteller):
        toewijzen(lopend, casusregisseur, indicatiesteller)
    nieuw = Wijziging.objects.exclude(pk__in=voor)
    assert nieuw.count() == 1  # the assignment and the revision bump are one write
    regel = nieuw.get()
    assert regel.objecttype == "indicaties.indicatie" and regel.object_id == str(lopend.pk)
    assert regel.huishouden_id == lopend.huishouden_id and regel.gebruiker_id == indicatiesteller.pk
    assert regel.velden["casusregisseur_id"] == [None, casusregisseur.pk]


def test_dezelfde_keuze_opnieuw_verandert_niets(lopend, casusregisseur, indicatiesteller):
    toewijzen(lopend, casusregisseur, indicatiesteller)
    lopend.refresh_from_db()
    revisie, wijzigingen = lopend.revisie, Wijziging.objects.count()
    toewijzen(lopend, casusregisseur, indicatiesteller, revisie=revisie)
    lopend.refresh_from_db()
    assert lopend.revisie == revisie and Wijziging.objects.count() == wijzigingen


def evalueer(indicatie, door):
    return services.leg_evaluatie_vast(
        indicatie_id=indicatie.pk,
        door=door,
        datum=date(2026, 5, 4),
        veiligheid="dreigend",
        voortgang="Afspraken worden nagekomen.",
        advies="voortzetten",
    )


def test_evaluatie_zonder_casusregisseur_maakt_de_evaluator_casusregisseur(lopend, casusregisseur):
    revisie = lopend.revisie
    evalueer(lopend, casusregisseur)
    lopend.refresh_from_db()
    assert lopend.casusregisseur == casusregisseur
    assert lopend.revisie == revisie  # evaluations do not raise the revision (docs/besluiten.md)
    assert Wijziging.objects.filter(
        objecttype="indicaties.indicatie", object_id=str(lopend.pk), velden__has_key="casusregisseur_id"
    ).exists()


def test_evaluatie_laat_een_andere_casusregisseur_staan(lopend, casusregisseur, collega, indicatiesteller):
    toewijzen(lopend, collega, indicatiesteller)
    evalueer(lopend, casusregisseur)
    lopend.refresh_from_db()
    assert lopend.casusregisseur == collega and Evaluatie.objects.get().auteur == casusregisseur


# --------------------------------------------------------------------------- the form on the indication page


def test_formulier_op_de_indicatiepagina_zonder_javascript(
    client_als, lopend, casusregisseur, collega, indicatiesteller, maak_gebruiker, ander_team
):
    maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team, first_name="Vera", last_name="Vreemd")
    client = client_als(indicatiesteller)
    detail = client.get(reverse("indicaties:detail", args=[lopend.pk]))
    assert "Geen casusregisseur" in detail.text
    formulier = detail.text.split('id="regie"')[1].split("</form>")[0]
    assert f'action="{reverse("indicaties:casusregisseur", args=[lopend.pk])}"' in detail.text
    assert ">Niemand</option>" in formulier and ">Carla Collega</option>" in formulier
    assert casusregisseur.get_full_name() in formulier
    assert "Vera Vreemd" not in formulier and indicatiesteller.get_full_name() not in formulier
    assert f'name="regie-revisie" value="{lopend.revisie}"' in formulier

    response = client.post(
        reverse("indicaties:casusregisseur", args=[lopend.pk]),
        {"regie-casusregisseur": str(collega.pk), "regie-revisie": str(lopend.revisie)},
    )
    assert response.status_code == 302 and response["Location"] == reverse("indicaties:detail", args=[lopend.pk])
    lopend.refresh_from_db()
    assert lopend.casusregisseur == collega
    assert ToegangslogRegel.objects.filter(
        objecttype="indicatie", object_id=str(lopend.pk), actie="wijzigen", detail="casusregisseur"
    ).exists()
    na = client.get(response["Location"])
    assert "Carla Collega is nu de casusregisseur." in na.text
    assert f'<option value="{collega.pk}" selected>Carla Collega</option>' in na.text

    leeg = client.post(
        reverse("indicaties:casusregisseur", args=[lopend.pk]),
        {"regie-casusregisseur": "", "regie-revisie": str(lopend.revisie)},
    )
    assert leeg.status_code == 302
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None


def test_conflict_toont_de_melding_en_houdt_de_keuze(
    client_als, lopend, casusregisseur, collega, indicatiesteller, beslisser
):
    gezien = lopend.revisie
    toewijzen(lopend, casusregisseur, beslisser, revisie=gezien)
    response = client_als(indicatiesteller).post(
        reverse("indicaties:casusregisseur", args=[lopend.pk]),
        {"regie-casusregisseur": str(collega.pk), "regie-revisie": str(gezien)},
    )
    assert response.status_code == 409
    assert services.conflict_melding(Indicatie.objects.get(pk=lopend.pk)) in response.text
    assert f'<option value="{collega.pk}" selected>Carla Collega</option>' in response.text
    assert f'name="regie-revisie" value="{gezien + 1}"' in response.text  # a second try saves
    assert f"Nu: {casusregisseur.get_full_name()}." in response.text
    lopend.refresh_from_db()
    assert lopend.casusregisseur == casusregisseur


def test_keuze_buiten_de_lijst_geeft_nederlandse_melding(
    client_als, lopend, indicatiesteller, maak_gebruiker, ander_team
):
    vreemde = maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team)
    response = client_als(indicatiesteller).post(
        reverse("indicaties:casusregisseur", args=[lopend.pk]),
        {"regie-casusregisseur": str(vreemde.pk), "regie-revisie": str(lopend.revisie)},
    )
    assert response.status_code == 400 and "Kies een casusregisseur uit de lijst." in response.text
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None


def test_rechten_op_het_formulier(client_als, lopend, casusregisseur, beheerder, maak_gebruiker, ander_team):
    url = reverse("indicaties:casusregisseur", args=[lopend.pk])
    data = {"regie-casusregisseur": str(casusregisseur.pk)}
    vreemde = client_als(maak_gebruiker(Rol.CASUSREGISSEUR, Rol.INDICATIESTELLER, team_=ander_team))
    assert vreemde.get(url).status_code == 404
    assert vreemde.post(url, data).status_code == 404
    beheer = client_als(beheerder)
    assert beheer.get(url).status_code == 403
    assert beheer.post(url, data).status_code == 403
    lopend.refresh_from_db()
    assert lopend.casusregisseur is None
    geweigerd = ToegangslogRegel.objects.filter(object_id=str(lopend.pk), uitkomst="geweigerd")
    assert geweigerd.count() == 4


def test_evaluatie_via_scherm_meldt_de_nieuwe_casusregisseur(client_als, lopend, casusregisseur):
    client = client_als(casusregisseur)
    response = client.post(
        reverse("indicaties:evaluatie", args=[lopend.pk]),
        {"datum": "2026-05-04", "veiligheid": "dreigend", "voortgang": "Rustiger.", "advies": "voortzetten"},
        follow=True,
    )
    assert "U bent nu de casusregisseur van deze indicatie." in response.text
    assert f"<dd>{casusregisseur.get_full_name()}</dd>" in response.text


# --------------------------------------------------------------------------- the worklist


def in_werklijst(team, achternaam, door, regisseur=None) -> Indicatie:
    """An indication that ends within eight weeks and whose evaluation is overdue."""
    huishouden = HuishoudenFactory(team=team)
    GezinslidFactory(huishouden=huishouden, achternaam=achternaam)
    vandaag = timezone.localdate()
    return Indicatie.objects.create(
        huishouden=huishouden,
        aangemaakt_door=door,
        ingangsdatum=vandaag - timedelta(days=300),
        einddatum=vandaag + timedelta(days=20),
        volgende_evaluatie_op=vandaag - timedelta(days=3),
        casusregisseur=regisseur,
    )


@pytest.fixture
def drie_gezinnen(team, casusregisseur, collega, indicatiesteller):
    return {
        "eigen": in_werklijst(team, "Eigenaar", indicatiesteller, casusregisseur),
        "collega": in_werklijst(team, "Collegiaal", indicatiesteller, collega),
        "niemand": in_werklijst(team, "Zonderregie", indicatiesteller),
    }


def secties(html: str) -> tuple[str, str]:
    eindigend = html.split('id="kop-eindigend"')[1].split("</section>")[0]
    evaluaties = html.split('id="kop-evaluaties"')[1].split("</section>")[0]
    return eindigend, evaluaties


def test_casusregisseur_ziet_standaard_eigen_gezinnen_en_die_zonder(client_als, casusregisseur, drie_gezinnen):
    client = client_als(casusregisseur)
    pagina = client.get(reverse("indicaties:werklijst"))
    for sectie in secties(pagina.text):
        assert "Huishouden Eigenaar" in sectie and "Huishouden Zonderregie" in sectie
        assert "Huishouden Collegiaal" not in sectie
        assert sectie.count("geen casusregisseur") == 1  # only the family without one is marked
    assert "Eindigt binnen 8 weken (2)" in pagina.text and "Evaluaties die nodig zijn (2)" in pagina.text
    assert "4 open" in pagina.text  # the navigation follows the same default
    assert 'href="?alle=1#regie-filter"' in pagina.text

    team = client.get(reverse("indicaties:werklijst"), {"alle": "1"})
    for sectie in secties(team.text):
        assert "Huishouden Collegiaal" in sectie and "casusregisseur: Carla Collega" in sectie
        assert "casusregisseur: u" in sectie and "Huishouden Zonderregie" in sectie
    assert "Eindigt binnen 8 weken (3)" in team.text and "Evaluaties die nodig zijn (3)" in team.text
    assert "4 open" in team.text  # the navigation keeps the default
    assert "Toon alleen mijn gezinnen" in team.text


def test_andere_rollen_zien_het_hele_team(client_als, indicatiesteller, drie_gezinnen):
    pagina = client_als(indicatiesteller).get(reverse("indicaties:werklijst"))
    eindigend = pagina.text.split('id="kop-eindigend"')[1].split("</section>")[0]
    assert "Eindigt binnen 8 weken (3)" in pagina.text
    assert all(f"Huishouden {naam}" in eindigend for naam in ("Eigenaar", "Collegiaal", "Zonderregie"))
    assert "regie-filter" not in pagina.text and "3 open" in pagina.text


def test_gezin_van_een_vertrokken_casusregisseur_valt_niet_weg(client_als, casusregisseur, collega, drie_gezinnen):
    collega.is_active = False
    collega.save()
    pagina = client_als(casusregisseur).get(reverse("indicaties:werklijst"))
    eindigend, _ = secties(pagina.text)
    assert "Huishouden Collegiaal" in eindigend
    assert "Carla Collega is geen casusregisseur van dit team meer" in eindigend
    assert "Eindigt binnen 8 weken (3)" in pagina.text
    detail = client_als(casusregisseur).get(reverse("indicaties:detail", args=[drie_gezinnen["collega"].pk]))
    assert "Geen casusregisseur</span> (Carla Collega is geen casusregisseur van dit team meer)" in detail.text


def test_werklijst_zonder_queries_per_rij(client_als, team, casusregisseur, collega, indicatiesteller, drie_gezinnen):
    client = client_als(casusregisseur)

    def tel(**params):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("indicaties:werklijst"), params).status_code == 200
        return len(ctx)

    voor, voor_alle = tel(), tel(alle="1")
    for n in range(4):
        in_werklijst(team, f"Extra{n}", indicatiesteller, [casusregisseur, collega, None][n % 3])
    assert tel() == voor and tel(alle="1") == voor_alle
