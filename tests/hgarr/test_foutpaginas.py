"""Error pages with DEBUG off (the test settings): Dutch, in the app's layout, with a way back; the 500
and 400 pages render without a request context or database."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from hgarr.accounts.roles import Rol
from tests.factories import GezinslidFactory, HuishoudenFactory


def _inhoud(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_debug_staat_uit_in_de_testinstellingen(settings):
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_huishouden_van_ander_team_geeft_nederlandse_404(client_als, indicatiesteller, ander_team):
    h = HuishoudenFactory(team=ander_team)
    GezinslidFactory(huishouden=h, voornamen="Geheim", achternaam="Elders")
    c = client_als(indicatiesteller)
    response = c.get(reverse("huishoudens:detail", args=[h.pk]), HTTP_REFERER="http://testserver/huishoudens/")
    assert response.status_code == 404
    tekst = response.text
    assert '<html lang="nl"' in tekst and "Pagina niet gevonden" in tekst
    assert "Not Found" not in tekst and "Geheim" not in tekst
    assert 'aria-label="Hoofdmenu"' in tekst  # the app's layout, with the menu
    assert 'href="/huishoudens/">Terug naar de vorige pagina' in tekst
    assert f'href="{reverse("start")}">Naar de startpagina' in tekst
    # A household that does not exist at all gets the very same page: nothing tells them apart.
    niet_bestaand = c.get(
        reverse("huishoudens:detail", args=[h.pk + 1000]), HTTP_REFERER="http://testserver/huishoudens/"
    )
    assert niet_bestaand.status_code == 404
    assert _inhoud(niet_bestaand.text) == _inhoud(tekst)


@pytest.mark.django_db
def test_onbekende_url_geeft_nederlandse_404_zonder_terugweg_naar_andere_site(client_als, indicatiesteller):
    response = client_als(indicatiesteller).get("/bestaat-niet/", HTTP_REFERER="https://elders.example/x")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    assert "elders.example" not in response.text and "Terug naar de vorige pagina" not in response.text


@pytest.mark.django_db
def test_403_noemt_de_rol_en_niet_de_reden(client_als, maak_gebruiker):
    beslisser = maak_gebruiker(Rol.BESLISSER)
    response = client_als(beslisser).get(reverse("huishoudens:nieuw"))
    assert response.status_code == 403
    tekst = response.text
    assert "Geen toegang" in tekst and "met uw rol (beslisser) geen toegang" in tekst
    assert "403 Forbidden" not in tekst and "U heeft geen rol die dit mag" not in tekst
    assert "Naar de startpagina" in tekst


def test_500_rendert_zonder_database_en_zonder_context():
    # No django_db mark: any database query here fails the test.
    response = defaults.server_error(RequestFactory().get("/huishoudens/1/"))
    assert response.status_code == 500
    tekst = response.content.decode()
    assert '<html lang="nl"' in tekst and "Er ging iets mis" in tekst
    assert "Server Error" not in tekst
    assert 'href="/">Naar de startpagina' in tekst
    assert "app.css" in tekst and "<script" not in tekst


def test_400_is_nederlands():
    response = defaults.bad_request(RequestFactory().get("/"), SuspiciousOperation("x"))
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Dit verzoek kon niet worden verwerkt" in tekst and "Bad Request" not in tekst


@pytest.mark.django_db
def test_csrf_fout_is_nederlands(indicatiesteller):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(indicatiesteller)
    response = c.post(reverse("huishoudens:nieuw"), {})
    assert response.status_code == 403
    assert "Het formulier is niet verstuurd" in response.text and "CSRF verification failed" not in response.text
