"""Robustness (issue 7 §8): random and hostile input posted to every form of the application.

The forms are found, not listed: every page of the permission matrix that a role can open is read,
and each POST form on it is filled by hypothesis with very long strings, unicode, HTML and script, SQL
fragments and wrong types. No response may be a server error, and a refused form stores nothing.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hgarr.accounts.roles import Rol
from tests.factories import GezinslidFactory
from tests.hgarr.test_url_matrix import DEMO_GEBRUIKERS, KOLOMMEN, MATRIX, demo  # noqa: F401  (fixture)

VIJANDIG = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE huishoudens_huishouden; --",
    "1' OR '1'='1", "../../etc/passwd", "{{ 7*7 }}", "${7*7}", "%s%s%s%n", "\u202eevil\u202c", "Zoë Ünal-Ağaoğlu",
    "漢字", "😀" * 50, "-1", "0", "99999999999999999999", "1e309", "NaN", "2026-02-30", "31-12-2026", "true",
    "null", "[]", "{}", " ", "", "\x00", "a" * 10_000, "=HYPERLINK(\"x\")",
]
waarden = st.one_of(st.sampled_from(VIJANDIG), st.text(max_size=300), st.integers().map(str))

CASUS_MODELLEN = [
    "huishoudens.Huishouden", "huishoudens.Gezinslid", "taxaties.Taxatie", "indicaties.Indicatie",
    "indicaties.Indicatieversie", "indicaties.Evaluatie", "beschikkingen.Beschikking", "toewijzingen.Uitgaandbericht",
]


class Formulieren(HTMLParser):
    """The POST forms on a page: action and fields (name, kind, options)."""

    def __init__(self):
        super().__init__()
        self.formulieren, self._huidig, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._huidig = {"action": a.get("action") or "", "velden": []}
            self.formulieren.append(self._huidig)
        elif self._huidig is not None and a.get("name"):
            if tag == "input" and a.get("type") not in ("submit", "button", "file"):
                self._huidig["velden"].append((a["name"], a.get("type", "text"), a.get("value", "")))
            elif tag == "textarea":
                self._huidig["velden"].append((a["name"], "textarea", ""))
            elif tag == "select":
                self._select = (a["name"], [])
                self._huidig["velden"].append(("__select__", self._select, ""))
        if tag == "option" and self._select is not None:
            self._select[1].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._huidig = None
        if tag == "select":
            self._select = None


def pagina_rol(verwacht: str) -> str | None:
    uitkomsten = dict(zip(KOLOMMEN, verwacht.split(), strict=True))
    for kolom in ("indicatiesteller", "casusregisseur", "beslisser", "beheerder", "privacy"):
        if uitkomsten.get(kolom) == "200":
            return kolom
    return None


PAGINAS = sorted(
    (naam, pagina_rol(verwacht))
    for naam, (methode, _, verwacht) in MATRIX.items()
    if methode == "GET" and pagina_rol(verwacht) and not naam.startswith("audit:toegangslog_export")
)


def aantallen() -> dict:
    return {label: apps.get_model(label).objects.count() for label in CASUS_MODELLEN}


@pytest.mark.parametrize("naam, rol", PAGINAS)
def test_vijandige_invoer_in_elk_formulier(demo, naam, rol):  # noqa: F811
    client = Client()
    client.force_login(get_user_model().objects.get(username=DEMO_GEBRUIKERS[rol]))
    url = reverse(naam, kwargs=MATRIX[naam][1](demo))
    pagina = client.get(url)
    assert pagina.status_code == 200
    if not pagina["Content-Type"].startswith("text/html"):
        return  # a download, not a page with forms
    parser = Formulieren()
    parser.feed(pagina.content.decode())
    formulieren = [f for f in parser.formulieren if resolve((f["action"] or url).split("?")[0]).url_name != "logout"]
    if not formulieren:
        return

    @settings(max_examples=8, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(data=st.data())
    def post(data):
        for formulier in formulieren:
            invoer = {}
            for veldnaam, soort, standaard in formulier["velden"]:
                if veldnaam == "__select__":
                    naam_, opties = soort
                    invoer[naam_] = data.draw(st.one_of(st.sampled_from(opties or [""]), waarden))
                elif veldnaam == "csrfmiddlewaretoken":
                    continue
                elif soort == "hidden" and data.draw(st.booleans()):
                    invoer[veldnaam] = standaard  # keep formset management data sometimes
                elif soort in ("checkbox", "radio"):
                    if data.draw(st.booleans()):
                        invoer[veldnaam] = standaard or "on"
                else:
                    invoer[veldnaam] = data.draw(waarden)
            voor = aantallen()
            response = client.post(formulier["action"] or url, invoer)
            assert response.status_code < 500, (naam, invoer)
            if response.status_code != 302:
                assert aantallen() == voor, f"{naam}: geweigerd formulier heeft toch iets opgeslagen"

    post()


@pytest.mark.django_db
def test_namen_met_script_worden_geescaped(client_als, indicatiesteller, huishouden):
    GezinslidFactory(huishouden=huishouden, voornamen="<script>alert('x')</script>", achternaam="<b>Vet</b>")
    for naam in ("huishoudens:detail", "huishoudens:wijzigen"):
        tekst = client_als(indicatiesteller).get(reverse(naam, args=[huishouden.pk])).text
        assert "<script>alert(" not in tekst and "<b>Vet</b>" not in tekst
        assert "&lt;script&gt;" in tekst or "&lt;script&gt;".replace("&gt;", "&gt;") in tekst
    lijst = client_als(indicatiesteller).get(reverse("huishoudens:lijst")).text
    assert "<b>Vet</b>" not in lijst and "&lt;b&gt;Vet&lt;/b&gt;" in lijst


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gebruikersnaam=waarden, wachtwoord=waarden, code=waarden)
def test_vijandige_invoer_bij_inloggen(maak_gebruiker, gebruikersnaam, wachtwoord, code):
    from hgarr.accounts.testing import totp_apparaat

    client = Client()
    response = client.post(reverse("login"), {"username": gebruikersnaam, "password": wachtwoord})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    user = maak_gebruiker(Rol.INDICATIESTELLER)
    totp_apparaat(user)
    client.post(reverse("login"), {"username": user.username, "password": "test-wachtwoord-123"})
    response = client.post(reverse("tweede_factor"), {"token": code, "next": gebruikersnaam})
    assert response.status_code in (302, 400)
    if response.status_code == 302:  # a guessed code: only a safe redirect inside the site
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")


def test_namen_met_script_worden_geescaped_in_de_pdf():
    """The letter's HTML (from which WeasyPrint makes the PDF) shows the name as text, and the PDF has
    no script."""
    from dataclasses import replace

    from indicatie.beschikkingen.brief import Soort
    from indicatie.beschikkingen.opstellen import stel_brieven_op
    from indicatie.beschikkingen.rendering import render_brief
    from tests.indicatie.beschikkingen.conftest import dossier

    basis = dossier()
    naam = "<script>alert('x')</script> <b>Jansen</b>"
    personen = [replace(p, naam=naam) if p.ref == "moeder" else p for p in basis.personen]
    brief = next(b for b in stel_brieven_op(replace(basis, personen=personen), Soort.TOEKENNING)
                 if b.client_ref == "moeder")
    uit = render_brief(brief)
    assert "&lt;script&gt;alert(" in uit.html
    assert "<script" not in uit.html and "<b>Jansen</b>" not in uit.html
    assert b"/JavaScript" not in uit.pdf and b"/JS " not in uit.pdf
