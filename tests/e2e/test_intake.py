"""Issue 2 end to end: log in, register a household of two adults and two children with htmx rows,
find it by name; a user of another team gets 404; axe-core on login, list, form with errors, detail."""

import re

import pytest

from hgarr.accounts.roles import Rol
from indicatie.huishoudens.models import Huishouden
from tests.e2e.conftest import axe_check, login

pytestmark = [pytest.mark.django_db(transaction=True)]


def vul_lid(page, index, voornamen, achternaam, geboortedatum, relatie, rol, geslacht="2"):
    page.fill(f"#id_leden-{index}-voornamen", voornamen)
    page.fill(f"#id_leden-{index}-achternaam", achternaam)
    page.fill(f"#id_leden-{index}-geboortedatum", geboortedatum)
    page.select_option(f"#id_leden-{index}-relatie", relatie)
    page.select_option(f"#id_leden-{index}-geslacht", geslacht)
    page.check(f"input[name='leden-{index}-rollen'][value='{rol}']")


def test_indicatiesteller_registreert_en_vindt_huishouden(page, maak_gebruiker, ander_team):
    user = maak_gebruiker(Rol.INDICATIESTELLER)
    page.goto("/")
    assert page.get_by_role("heading", name="Inloggen").is_visible()
    assert axe_check(page) == []
    login(page, user)
    assert page.get_by_role("heading", name=re.compile("Huishoudens van")).is_visible()

    page.get_by_role("link", name="Nieuw huishouden").click()
    page.fill("#id_straat", "Eerste Proefstraat")
    page.fill("#id_huisnummer", "7")
    page.fill("#id_postcode", "3011AB")
    page.fill("#id_plaats", "Rotterdam")
    vul_lid(page, 0, "Roos", "Playwright", "1987-04-04", "ouder", "slachtoffer")
    for index in (1, 2, 3):
        page.get_by_role("button", name="Gezinslid toevoegen").click()
        page.wait_for_selector(f"#id_leden-{index}-voornamen")
    assert page.input_value("#id_leden-TOTAL_FORMS") == "4"
    vul_lid(page, 1, "Tom", "Playwright", "1985-02-02", "ex-partner", "pleger", geslacht="1")
    vul_lid(page, 2, "Isa", "Playwright", "2015-06-06", "kind", "getuige")
    vul_lid(page, 3, "Bo", "Playwright", "2019-09-09", "kind", "getuige", geslacht="1")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/huishoudens/\d+/$"))
    assert page.get_by_text("Het huishouden is opgeslagen.").is_visible()
    assert axe_check(page) == []

    huishouden = Huishouden.objects.get()
    assert huishouden.leden.count() == 4
    assert sorted(lid.is_volwassen() for lid in huishouden.leden.all()) == [False, False, True, True]

    page.goto("/huishoudens/")
    page.fill("#id_q", "Playwright")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_selector("#resultaten a")
    assert page.locator("#resultaten").get_by_text("Roos Playwright").is_visible()
    assert axe_check(page) == []
    assert page.csp_fouten == []

    buitenstaander = maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team)
    page.context.clear_cookies()
    login(page, buitenstaander)
    response = page.goto(f"/huishoudens/{huishouden.pk}/")
    assert response.status == 404


def test_formulier_met_fouten_is_toegankelijk_en_houdt_invoer(page, maak_gebruiker):
    user = maak_gebruiker(Rol.INDICATIESTELLER)
    login(page, user)
    page.goto("/huishoudens/nieuw/")
    page.fill("#id_leden-0-voornamen", "Vergeten")
    page.fill("#id_leden-0-bsn", "123456781")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("#foutoverzicht")
    assert page.input_value("#id_leden-0-voornamen") == "Vergeten"
    assert page.locator("#foutoverzicht").get_by_text("elfproef").is_visible()
    assert axe_check(page) == []
    assert page.csp_fouten == []
