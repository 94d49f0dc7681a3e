"""Change history of case files (issue 7 §2) and the idle timeout without lost input (§3)."""

import pytest
from django.apps import apps
from django.urls import reverse

from hgarr.accounts.middleware import BEWAARDE_INVOER_SLEUTEL
from hgarr.accounts.roles import Rol
from hgarr.audit.context import als_gebruiker
from hgarr.audit.geschiedenis import GESCHIEDENIS_MODELLEN
from hgarr.audit.models import Wijziging
from hgarr.audit.weergave import naam_van_gebruiker
from tests.indicatie.test_huishoudens_views import lid_data

pytestmark = pytest.mark.django_db


def wijzig_data(huishouden, **over):
    leden = list(huishouden.leden.all())
    data = {
        "gemeente": "Rotterdam", "toeleiding": "wijkteam", "registratiedatum": "2026-01-05", "straat": "Teststraat",
        "huisnummer": "9", "postcode": "3000AA", "plaats": "Rotterdam",
        "leden-TOTAL_FORMS": str(len(leden)), "leden-INITIAL_FORMS": str(len(leden)),
        "leden-MIN_NUM_FORMS": "0", "leden-MAX_NUM_FORMS": "1000",
    }
    for i, lid in enumerate(leden):
        data.update(lid_data(i, voornamen=lid.voornamen, achternaam=lid.achternaam,
                             geboortedatum=lid.geboortedatum.isoformat(), bsn=lid.bsn, relatie=lid.relatie,
                             rollen=lid.rollen, id=str(lid.pk)))
    data.update(over)
    return data


def test_geregistreerde_modellen_bestaan():
    for label in GESCHIEDENIS_MODELLEN:
        apps.get_model(label)


def test_wijziging_legt_wie_wanneer_oud_en_nieuw_vast(client_als, indicatiesteller, huishouden):
    data = wijzig_data(huishouden, **{"leden-0-voornamen": "Anneke"})
    response = client_als(indicatiesteller).post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), data)
    assert response.status_code == 302
    hh = Wijziging.objects.get(objecttype="huishoudens.huishouden", soort=Wijziging.Soort.GEWIJZIGD)
    assert hh.gebruiker_id == indicatiesteller.pk and hh.gebruikersnaam == indicatiesteller.username
    assert hh.velden["huisnummer"] == [huishouden.huisnummer, "9"]
    assert hh.huishouden_id == huishouden.pk
    anna = huishouden.leden.get(voornamen="Anneke")
    lid = Wijziging.objects.get(objecttype="huishoudens.gezinslid", soort=Wijziging.Soort.GEWIJZIGD, object_id=anna.pk)
    assert lid.velden["voornamen"] == ["Anna", "Anneke"]
    assert lid.huishouden_id == huishouden.pk


def test_aanmaken_en_verwijderen_worden_vastgelegd(huishouden, indicatiesteller):
    with als_gebruiker(indicatiesteller):
        lid = huishouden.leden.get(voornamen="Ben")
        lid_pk = lid.pk
        lid.delete()
    verwijderd = Wijziging.objects.get(soort=Wijziging.Soort.VERWIJDERD)
    assert verwijderd.object_id == str(lid_pk) and verwijderd.velden["voornamen"] == ["Ben", None]
    assert verwijderd.gebruikersnaam == indicatiesteller.username
    aangemaakt = Wijziging.objects.filter(soort=Wijziging.Soort.AANGEMAAKT, objecttype="huishoudens.huishouden").get()
    assert aangemaakt.gebruikersnaam == "systeem"  # made by the test factory, outside a request


def test_opslaan_zonder_wijziging_schrijft_niets(huishouden):
    voor = Wijziging.objects.count()
    huishouden.save()
    assert Wijziging.objects.count() == voor


def test_geschiedenisscherm_alleen_voor_eigen_team_en_gelogd(client_als, casusregisseur, maak_gebruiker, ander_team,
                                                               huishouden):
    from hgarr.audit.models import ToegangslogRegel

    with als_gebruiker(casusregisseur):
        huishouden.plaats = "Schiedam"
        huishouden.save()
    response = client_als(casusregisseur).get(reverse("geschiedenis:huishouden", args=[huishouden.pk]))
    assert response.status_code == 200
    # The user by name (hgarr/audit/weergave.py), not by user name or id.
    assert "Schiedam" in response.text and naam_van_gebruiker(casusregisseur) in response.text
    assert ToegangslogRegel.objects.filter(detail="wijzigingsgeschiedenis", gebruiker_id=casusregisseur.pk).exists()
    buitenstaander = maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team)
    assert client_als(buitenstaander).get(reverse("geschiedenis:huishouden", args=[huishouden.pk])).status_code == 404


# --- idle timeout ------------------------------------------------------------------------------


def test_verlengen_houdt_de_sessie_levend(client_als, indicatiesteller):
    client = client_als(indicatiesteller)
    assert client.post(reverse("sessie_verlengen")).status_code == 204
    assert client.get(reverse("sessie_verlengen")).status_code == 405


def test_invoer_na_verlopen_sessie_blijft_bewaard(client, indicatiesteller, huishouden):
    from hgarr.accounts.testing import totp_code

    # Logged in and working: the browser got the signed "last user" cookie.
    client.post(reverse("login"), {"username": indicatiesteller.username, "password": "test-wachtwoord-123"})
    client.post(reverse("tweede_factor"), {"token": totp_code(indicatiesteller)})
    client.get(reverse("huishoudens:detail", args=[huishouden.pk]))
    # The session expires while the user types; the form is sent afterwards.
    client.cookies.pop("sessionid")
    data = wijzig_data(huishouden, **{"leden-0-voornamen": "Getypt-na-timeout"})
    response = client.post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), data)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "next=/sessie/herstellen/" in response["Location"]
    # Log in again (password and code): then the form comes back, filled in, to send once more.
    response = client.post(response["Location"], {"username": indicatiesteller.username,
                                                   "password": "test-wachtwoord-123"})
    response = client.post(response["Location"], {"token": totp_code(indicatiesteller)})
    assert response["Location"] == reverse("invoer_herstellen")
    response = client.get(reverse("invoer_herstellen"))
    assert response.status_code == 200
    assert 'value="Getypt-na-timeout"' in response.text
    assert f'action="{reverse("huishoudens:wijzigen", args=[huishouden.pk])}"' in response.text
    assert BEWAARDE_INVOER_SLEUTEL not in client.session  # offered once


def test_bewaarde_invoer_alleen_voor_dezelfde_gebruiker(client, indicatiesteller, casusregisseur, huishouden):
    from hgarr.accounts.testing import totp_code

    client.post(reverse("login"), {"username": indicatiesteller.username, "password": "test-wachtwoord-123"})
    client.post(reverse("tweede_factor"), {"token": totp_code(indicatiesteller)})
    client.get(reverse("huishoudens:lijst"))
    client.cookies.pop("sessionid")
    client.post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), wijzig_data(huishouden))
    # Someone else logs in at the same browser: they do not get the first user's input.
    client.post(reverse("login"), {"username": casusregisseur.username, "password": "test-wachtwoord-123"})
    client.post(reverse("tweede_factor"), {"token": totp_code(casusregisseur)})
    response = client.get(reverse("invoer_herstellen"))
    assert response.status_code == 302 and response["Location"] == reverse("start")


def test_zonder_eerdere_login_wordt_niets_bewaard(client, huishouden):
    response = client.post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), wijzig_data(huishouden))
    assert response.status_code == 302
    assert BEWAARDE_INVOER_SLEUTEL not in client.session
