"""The indication form in Chromium: the end date follows the start date (start + 1 year - 1 day) until
the user sets it; after that it stays. The script loads under the strict CSP (no violations)."""

import os

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_einddatum_volgt_de_ingangsdatum_tot_de_gebruiker_haar_kiest(page, indicatiesteller, huishouden):
    login(page, indicatiesteller)
    page.goto(f"/indicaties/huishouden/{huishouden.pk}/nieuw/")
    einde = page.locator("#id_einddatum")
    page.fill("#id_ingangsdatum", "2027-04-01")
    expect(einde).to_have_value("2028-03-31")
    expect(page.locator("#einddatum-status")).to_have_text("De einddatum volgt de ingangsdatum: 31 maart 2028.")
    page.fill("#id_ingangsdatum", "2028-02-29")  # a leap day: one year later is 28 February, minus one day
    expect(einde).to_have_value("2029-02-27")
    # Once the user sets the end date, a new start date leaves it alone.
    page.fill("#id_einddatum", "2028-12-31")
    page.fill("#id_ingangsdatum", "2028-05-01")
    expect(einde).to_have_value("2028-12-31")
    assert page.csp_fouten == []


def test_maatwerk_dat_het_perceel_niet_toestaat_is_uitgeschakeld(page, indicatiesteller, huishouden):
    # R7: Nachtelijke ondersteuning only extramurally; the chosen trede comes back with the perceel.
    login(page, indicatiesteller)
    page.goto(f"/indicaties/huishouden/{huishouden.pk}/nieuw/")
    anna = huishouden.leden.get(voornamen="Anna")
    nacht = page.locator(f"#id_mw_{anna.pk}_nachtelijke_ondersteuning")
    dag = page.locator(f"#id_mw_{anna.pk}_dagbesteding")
    page.select_option("#id_perceel", "extramuraal")
    nacht.select_option("2")
    expect(nacht).to_be_enabled()
    page.select_option("#id_perceel", "semimuraal")
    expect(nacht).to_be_disabled()
    expect(nacht).to_have_value("")
    expect(dag).to_be_enabled()
    page.select_option("#id_perceel", "extramuraal")
    expect(nacht).to_be_enabled()
    expect(nacht).to_have_value("2")
    assert page.csp_fouten == []
