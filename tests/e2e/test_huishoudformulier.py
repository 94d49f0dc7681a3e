"""The household form with and without JavaScript: removing a member moves focus sensibly and is
announced, one way to remove per mode, and address groups that show only when they apply."""

from datetime import date

import pytest
from playwright.sync_api import expect

from hgarr.accounts.roles import Rol
from tests.e2e.conftest import axe_check, login
from tests.factories import GezinslidFactory, HuishoudenFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gezin(team):
    h = HuishoudenFactory(team=team)
    GezinslidFactory(huishouden=h, voornamen="Anna", achternaam="Focus", volgorde=0)
    GezinslidFactory(huishouden=h, voornamen="Ben", achternaam="Focus", relatie="ex-partner", volgorde=1,
                     vertrouwelijk_adres=True, corr_straat="Postbus", corr_huisnummer="1", corr_plaats="Rotterdam")
    GezinslidFactory(huishouden=h, voornamen="Cato", achternaam="Focus", relatie="kind", volgorde=2,
                     geboortedatum=date(2015, 4, 1))
    return h


def test_met_javascript(page, maak_gebruiker, gezin):
    user = maak_gebruiker(Rol.INDICATIESTELLER)
    login(page, user)
    page.goto(f"/huishoudens/{gezin.pk}/wijzigen/")
    # One way to remove: the button, not the checkbox.
    assert page.get_by_role("button", name="Gezinslid 1 verwijderen").is_visible()
    assert not page.locator("#id_leden-0-DELETE").is_visible()
    # The correspondence address shows only with a confidential address, or when it holds a value.
    assert not page.locator("#leden-0-correspondentie").is_visible()
    assert page.locator("#id_leden-1-corr_straat").is_visible()
    page.check("#id_leden-0-vertrouwelijk_adres")
    assert page.locator("#id_leden-0-corr_straat").is_visible()
    page.uncheck("#id_leden-0-vertrouwelijk_adres")
    assert not page.locator("#id_leden-0-corr_straat").is_visible()
    assert axe_check(page) == []

    # Removing: focus goes to the next member's first field, and the live region says who.
    page.get_by_role("button", name="Gezinslid 1 verwijderen").click()
    assert page.evaluate("document.activeElement.id") == "id_leden-1-voornamen"
    expect(page.locator("#leden-status")).to_contain_text("Anna Focus wordt verwijderd bij opslaan.")
    assert page.locator("#id_leden-0-DELETE").is_checked()
    # The last member: focus goes to "Gezinslid toevoegen".
    page.get_by_role("button", name="Gezinslid 3 verwijderen").click()
    assert page.evaluate("document.activeElement.id") == "lid-toevoegen"
    # Adding: focus on the new row's first field, announced.
    page.get_by_role("button", name="Gezinslid toevoegen").click()
    page.wait_for_selector("#id_leden-3-voornamen")
    expect(page.locator("#id_leden-3-voornamen")).to_be_focused()
    expect(page.locator("#leden-status")).to_contain_text("Gezinslid 4 is toegevoegd.")
    assert page.get_by_role("button", name="Gezinslid 4 verwijderen").is_visible()
    assert page.csp_fouten == []


def test_zonder_javascript(browser, live_server, maak_gebruiker, gezin):
    from hgarr.accounts.testing import log_in_geverifieerd

    user = maak_gebruiker(Rol.INDICATIESTELLER)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        # The session cookie of a logged-in test client (login itself is covered elsewhere).
        from django.test import Client

        client = log_in_geverifieerd(Client(), user)
        context.add_cookies([{"name": k, "value": v.value, "url": live_server.url} for k, v in client.cookies.items()])
        page = context.new_page()
        page.goto(f"/huishoudens/{gezin.pk}/wijzigen/")
        assert page.locator("#id_leden-0-DELETE").is_visible()
        assert not page.get_by_role("button", name="Gezinslid 1 verwijderen").is_visible()
        # Every address group shows, with the hint when to fill it in.
        assert page.locator("#id_leden-0-corr_straat").is_visible()
        assert page.get_by_text("Alleen invullen bij een vertrouwelijk adres").first.is_visible()
    finally:
        context.close()
