"""Ending an indication early in Chromium: the casusregisseur picks a category (its letter sentence is on
the form), a last day before the running version's start is refused at the date field with the input
kept, and the timeline shows the category's label. axe-core on the form, with and without errors."""

import os
import re

import pytest
from playwright.sync_api import expect

from indicatie.indicaties.models import Aanbieder, Indicatieversie
from tests.e2e.conftest import axe_check, login
from tests.indicatie.indicaties.conftest import maak_taxatie, vastgesteld

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beeindigen_met_categorie(page, indicatiesteller, beslisser, casusregisseur, huishouden):
    aanbieder = Aanbieder.objects.create(naam="Zorg Voorbeeld", agb_code="12345678", percelen=["extramuraal"])
    lopend = vastgesteld(huishouden, aanbieder, maak_taxatie(huishouden, indicatiesteller), indicatiesteller,
                         beslisser)

    login(page, casusregisseur)
    page.goto(f"/indicaties/{lopend.indicatie_id}/")
    page.get_by_role("link", name="Beëindigen").click()
    expect(page.get_by_role("heading", name="Indicatie vervroegd beëindigen")).to_be_visible()
    assert axe_check(page) == []
    expect(page.get_by_text("In de brief: “De doelen van de ondersteuning zijn bereikt.")).to_be_visible()

    page.fill("#id_einddatum", "2026-01-31")  # the running version starts on 2 February 2026
    page.fill("#id_reden", "Intern: gesprek met de hulpverlener op 28 januari.")
    page.get_by_role("button", name="Beëindiging als concept opslaan").click()
    page.wait_for_selector("#foutoverzicht")
    expect(page.locator("#id_einddatum_error")).to_contain_text("vóór het begin van de lopende versie 1")
    expect(page.locator("#foutoverzicht")).to_contain_text("Kies de reden van de beëindiging")
    assert page.locator("#id_reden").input_value().startswith("Intern: gesprek")
    assert axe_check(page) == []

    page.fill("#id_einddatum", "2026-09-30")
    page.get_by_label(re.compile(r"Andere hulp past beter\.")).check()
    page.get_by_role("button", name="Beëindiging als concept opslaan").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 2: Beëindiging – concept"))).to_be_visible()
    expect(page.locator("#versie-2")).to_contain_text("Andere hulp past beter")
    assert Indicatieversie.objects.get(nummer=2).beeindigingsreden == "andere_hulp_passender"
