"""Idle timeout in a real browser (issue 7 §3): the warning appears before the session ends, "stay
logged in" extends it, and a form sent after the timeout survives the new login. Strict CSP holds."""

import re

import pytest
from playwright.sync_api import expect

from hgarr.accounts.roles import Rol
from hgarr.accounts.testing import totp_code
from tests.e2e.conftest import WACHTWOORD, axe_check, login

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_waarschuwing_verlengen_en_invoer_na_timeout(page, settings, maak_gebruiker, huishouden):
    settings.SESSION_COOKIE_AGE = 8
    settings.HGARR_SESSIE_WAARSCHUWING_SECONDEN = 3
    user = maak_gebruiker(Rol.INDICATIESTELLER)
    login(page, user)
    page.goto(f"/huishoudens/{huishouden.pk}/wijzigen/")
    dialoog = page.locator("#sessie-waarschuwing")
    expect(dialoog).to_be_visible(timeout=9_000)
    expect(dialoog).to_contain_text("Blijft u ingelogd?")
    with page.expect_response(re.compile(r"/sessie/verlengen/$")) as antwoord:
        page.get_by_role("button", name="Ingelogd blijven").click()
    assert antwoord.value.status == 204
    expect(dialoog).to_be_hidden()

    # Now let it expire while typing.
    page.fill("#id_huisnummer", "77")
    expect(dialoog).to_contain_text("U bent uitgelogd", timeout=12_000)
    page.get_by_role("button", name="Sluiten").click()
    page.wait_for_timeout(1_000)
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(r"/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.fill("input[name='token']", totp_code(user))
    page.locator("main form button[type='submit']").first.click()
    expect(page.get_by_role("heading", name="Uw invoer is bewaard")).to_be_visible()
    page.get_by_role("button", name="Opnieuw versturen").click()
    expect(page).to_have_url(re.compile(rf"/huishoudens/{huishouden.pk}/$"))
    huishouden.refresh_from_db()
    assert huishouden.huisnummer == "77"
    assert page.csp_fouten == []


def test_inlogstappen_en_toegangslog_zijn_toegankelijk(page, maak_gebruiker):
    nieuw = maak_gebruiker(Rol.CASUSREGISSEUR)  # no app linked yet: the QR page
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(nieuw.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Authenticator-app koppelen")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("button", name="Koppelen en inloggen").click()  # empty code: error summary
    expect(page.locator("#foutoverzicht")).to_be_visible()
    assert axe_check(page) == []

    privacy = maak_gebruiker(Rol.PRIVACYFUNCTIONARIS)
    page.context.clear_cookies()
    login(page, privacy)
    page.goto("/toegangslog/")
    expect(page.get_by_role("heading", name="Toegangslog")).to_be_visible()
    assert axe_check(page) == []
    assert page.csp_fouten == []
