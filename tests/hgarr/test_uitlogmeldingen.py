"""The login page says why the user is there: logged out, or the session ran out (and whether typed
input was kept)."""

import pytest
from django.urls import reverse

from hgarr.accounts.testing import totp_code
from tests.hgarr.test_geschiedenis_en_sessie import wijzig_data

pytestmark = pytest.mark.django_db

VERLOPEN = "Uw sessie is verlopen na 30 minuten zonder activiteit; log opnieuw in."
BEWAARD = "Wat u invulde is bewaard"


def inloggen(client, user):
    client.post(reverse("login"), {"username": user.username, "password": "test-wachtwoord-123"})
    client.post(reverse("tweede_factor"), {"token": totp_code(user)})


def test_na_uitloggen_zegt_de_inlogpagina_dat(client, indicatiesteller):
    inloggen(client, indicatiesteller)
    response = client.post(reverse("logout"), follow=True)
    assert response.request["PATH_INFO"] == reverse("login")
    assert "U bent uitgelogd." in response.text
    assert VERLOPEN not in response.text
    # Only once.
    assert "U bent uitgelogd." not in client.get(reverse("login")).text


def test_na_verlopen_sessie_zegt_de_inlogpagina_dat(client, indicatiesteller, huishouden):
    inloggen(client, indicatiesteller)
    client.get(reverse("huishoudens:lijst"))
    client.cookies.pop("sessionid")  # the idle timeout: the server no longer knows the session
    response = client.get(reverse("huishoudens:detail", args=[huishouden.pk]), follow=True)
    assert response.request["PATH_INFO"] == reverse("login")
    assert VERLOPEN in response.text
    assert BEWAARD not in response.text  # nothing was being sent, so nothing is claimed


def test_na_verlopen_sessie_met_verstuurd_formulier_zegt_het_dat_het_bewaard_is(client, indicatiesteller, huishouden):
    inloggen(client, indicatiesteller)
    client.get(reverse("huishoudens:lijst"))
    client.cookies.pop("sessionid")
    response = client.post(reverse("huishoudens:wijzigen", args=[huishouden.pk]), wijzig_data(huishouden), follow=True)
    assert VERLOPEN in response.text and BEWAARD in response.text


def test_eerste_bezoek_zonder_melding(client):
    tekst = client.get(reverse("login")).text
    assert VERLOPEN not in tekst and "U bent uitgelogd." not in tekst
