"""The page shell end to end: reflow at 375 CSS px (WCAG 1.4.10, the same as 400% zoom on 1280 px),
the current menu item, and tables that scroll in their own keyboard-reachable region."""

from datetime import date

import pytest

from hgarr.accounts.roles import Rol
from indicatie.indicaties import services as indicatie_services
from indicatie.indicaties.models import Aanbieder
from indicatie.indicaties.services import Deelnemer, VersieGegevens
from tests.e2e.conftest import axe_check, login
from tests.factories import GezinslidFactory, HuishoudenFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


def maak_casus(team, steller):
    """A household of two adults and two children with a concept indication, and a change to log."""
    h = HuishoudenFactory(team=team, straat="Lange Proefstraatnaamweg", huisnummer="123", plaats="Rotterdam")
    GezinslidFactory(huishouden=h, voornamen="Annemarie Josephina", achternaam="Breedte-Testpersoon",
                     geboortedatum=date(1988, 3, 1), relatie="ouder", rollen=["slachtoffer"], heeft_gezag=True)
    GezinslidFactory(huishouden=h, voornamen="Bartholomeus", achternaam="Breedte-Testpersoon", relatie="ex-partner",
                     geboortedatum=date(1986, 7, 2), rollen=["pleger"], woont_elders=True, straat="Elderslaan",
                     huisnummer="3", postcode="3011 AB", plaats="Schiedam")
    GezinslidFactory(huishouden=h, voornamen="Cato", achternaam="Breedte-Testpersoon", relatie="kind",
                     geboortedatum=date(2014, 5, 20), rollen=["getuige"])
    aanbieder = Aanbieder.objects.create(naam="Aanbieder Proef", agb_code="12345678", percelen=["extramuraal"])
    versie = indicatie_services.maak_indicatie(
        huishouden=h, door=steller,
        gegevens=VersieGegevens(
            perceel="extramuraal", pakket="2", aanbieder=aanbieder, ingangsdatum=date(2026, 2, 2),
            einddatum=date(2027, 2, 1), motivering="Proef voor de schermbreedte.",
            deelnemers=[Deelnemer(gezinslid=lid) for lid in h.leden.all()],
        ),
    )
    return h, versie.indicatie


def test_paginas_passen_op_375_pixels_zonder_zijwaarts_scrollen(page, maak_gebruiker, team):
    steller = maak_gebruiker(Rol.INDICATIESTELLER, first_name="Iris", last_name="Indicatiesteller")
    huishouden, indicatie = maak_casus(team, steller)
    login(page, steller)
    page.set_viewport_size({"width": 375, "height": 800})
    for pad in (
        "/huishoudens/",
        f"/huishoudens/{huishouden.pk}/",
        f"/huishoudens/{huishouden.pk}/wijzigen/",
        f"/indicaties/{indicatie.pk}/",
        f"/geschiedenis/huishouden/{huishouden.pk}/",
        "/indicaties/",
    ):
        page.goto(pad)
        breedte = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], (pad, breedte)
        # The menu and the logout button are on screen, not cut off.
        for naam in ("Uitloggen", "Huishoudens"):
            vak = page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
                "button" if naam == "Uitloggen" else "link", name=naam, exact=True
            ).bounding_box()
            assert vak and vak["x"] >= 0 and vak["x"] + vak["width"] <= 375, (pad, naam, vak)
    # A wide table scrolls inside a named region that a keyboard user can focus.
    page.goto(f"/huishoudens/{huishouden.pk}/")
    regio = page.get_by_role("region", name="Gezinsleden van dit huishouden")
    assert regio.get_attribute("tabindex") == "0"
    assert regio.evaluate("e => e.scrollWidth > e.clientWidth")
    assert axe_check(page) == []
    assert page.csp_fouten == []


def test_meldingen_hints_foutoverzicht_en_tabellen_zijn_opgemaakt(page, maak_gebruiker, team):
    steller = maak_gebruiker(Rol.INDICATIESTELLER)
    huishouden, _ = maak_casus(team, steller)
    login(page, steller)
    # A success message is a styled notification with role="status".
    page.goto(f"/huishoudens/{huishouden.pk}/wijzigen/")
    page.get_by_role("button", name="Opslaan").click()
    melding = page.locator(".app-messages[role=status] .utrecht-alert--ok")
    assert melding.inner_text().strip() == "Het huishouden is opgeslagen."
    stijl = melding.evaluate("e => { const s = getComputedStyle(e); return [s.backgroundColor, s.borderLeftWidth]; }")
    assert stijl[0] != "rgba(0, 0, 0, 0)" and stijl[1] == "6px"
    # Row separators run under the name column (a row header) too.
    rand = page.locator("tbody th").first.evaluate("e => getComputedStyle(e).borderBottomWidth")
    assert rand == "1px"
    # Hints are at least 14 px; the error summary has its heading above its list.
    page.goto(f"/huishoudens/{huishouden.pk}/wijzigen/")
    page.fill("#id_postcode", "fout")
    page.get_by_role("button", name="Opslaan").click()
    hint = page.locator(".utrecht-form-field-description").first
    hint = hint.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert hint >= 14
    kop = page.locator("#foutoverzicht h2").bounding_box()
    lijst = page.locator("#foutoverzicht ul").bounding_box()
    assert kop["y"] + kop["height"] <= lijst["y"] + 1
    # The idle-timeout dialog's heading is a calm size.
    grootte = page.locator("#sessie-titel").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert grootte <= 24
    assert axe_check(page) == []
    assert page.csp_fouten == []
