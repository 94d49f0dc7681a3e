"""Issue 5 end to end in Chromium: the indicatiesteller writes and submits an indication, another user
(the beslisser) decides it from the worklist, the casusregisseur takes up regie (R20) and re-scales from
a date, the beslisser decides that too, and the timeline shows both versions with the difference per
person. axe-core on the worklist, the version form, the decision page and the indication page; no CSP
violations."""

import os
import re

import pytest
from playwright.sync_api import expect

from indicatie.indicaties.models import Aanbieder, Indicatieversie, VersieStatus
from tests.e2e.conftest import axe_check, login
from tests.indicatie.indicaties.conftest import maak_taxatie

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_indienen_beslissen_opschalen_en_tijdlijn(page, indicatiesteller, beslisser, casusregisseur, huishouden):
    aanbieder = Aanbieder.objects.create(naam="Zorg Voorbeeld", agb_code="12345678",
                                         percelen=["extramuraal", "semimuraal"])
    maak_taxatie(huishouden, indicatiesteller)

    # 1. The indicatiesteller writes a concept and submits it.
    login(page, indicatiesteller)
    page.goto(f"/huishoudens/{huishouden.pk}/")
    page.get_by_role("link", name="Indicatie", exact=True).click()
    page.get_by_role("link", name="Nieuwe indicatie").click()
    page.wait_for_url(re.compile(r"/nieuw/$"))
    assert axe_check(page) == []
    page.select_option("#id_aanbieder", value=str(aanbieder.pk))
    page.fill("#id_ingangsdatum", "2025-12-01")  # before the household's registration
    page.fill("#id_motivering", "Dreiging met beperkte vaardigheden; pakket 2 past bij de taxatie.")
    page.get_by_role("button", name="Concept opslaan en begroting berekenen").click()
    page.wait_for_selector("#foutoverzicht")
    assert "vóór de registratiedatum" in page.locator("#foutoverzicht").inner_text()
    assert page.locator("#id_motivering").input_value().startswith("Dreiging met beperkte")
    assert axe_check(page) == []
    page.fill("#id_ingangsdatum", "2026-02-02")
    page.fill("#id_einddatum", "2027-02-01")
    # The begroting follows the form live (htmx), before anything is saved.
    page.locator("#id_einddatum").dispatch_event("change")
    expect(page.get_by_test_id("begroting-voorbeeld")).to_contain_text(re.compile(r"Totaal\s*€ *[0-9.]+,[0-9]{2}"))
    page.get_by_role("button", name="Concept opslaan en begroting berekenen").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 1: Toekenning – concept"))).to_be_visible()
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 1: Toekenning – ter beoordeling"))).to_be_visible()
    # Nobody decides what they wrote: the indicatiesteller sees no decision button.
    assert page.get_by_role("link", name="Beoordelen en beslissen").count() == 0
    uitloggen(page)

    # 2. Another user, the beslisser, decides it from the worklist.
    login(page, beslisser)
    werklijst = page.get_by_role("link", name=re.compile(r"^Werklijst"))
    expect(werklijst).to_contain_text("1 open")
    werklijst.click()
    expect(page.get_by_role("heading", name="Wacht op uw besluit (1)")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name=re.compile("^Beoordelen")).click()
    expect(page.get_by_text("Anna Voorbeeld").first).to_be_visible()
    assert axe_check(page) == []
    page.get_by_label("Vaststellen").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 1: Toekenning – vastgesteld"))).to_be_visible()
    uitloggen(page)

    # 3. The casusregisseur scales up from a date within the running period.
    login(page, casusregisseur)
    versie = Indicatieversie.objects.get()
    page.goto(f"/indicaties/{versie.indicatie_id}/")
    assert axe_check(page) == []
    # R20: first they take up regie over the family with the form on the indication page.
    page.get_by_role("combobox", name="Casusregisseur").select_option(label=casusregisseur.get_full_name())
    page.get_by_role("button", name="Casusregisseur opslaan").click()
    expect(page.get_by_text(f"{casusregisseur.get_full_name()} is nu de casusregisseur.")).to_be_visible()
    page.get_by_role("link", name="Op- of afschalen").click()
    page.select_option("#id_pakket", "3")
    page.fill("#id_ingangsdatum", "2026-06-01")
    page.fill("#id_motivering", "Evaluatie: het is onrustiger; opschalen naar pakket 3.")
    assert axe_check(page) == []
    page.get_by_role("button", name="Concept opslaan en begroting berekenen").click()
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 2: Wijziging .* ter beoordeling"))).to_be_visible()
    uitloggen(page)

    # 4. The beslisser decides the change; the timeline shows both versions and the difference.
    login(page, beslisser)
    page.goto(f"/indicaties/{versie.indicatie_id}/")
    page.get_by_role("link", name="Beoordelen en beslissen").click()
    page.get_by_label("Vaststellen").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", name=re.compile("Versie 2: Wijziging .* vastgesteld"))).to_be_visible()
    eerste = page.locator("#versie-1")
    expect(eerste).to_contain_text("geldt tot en met 31 mei 2026")
    tweede = page.locator("#versie-2")
    expect(tweede).to_contain_text("ten opzichte van versie 1")
    expect(tweede.get_by_role("table")).to_contain_text(re.compile(r"€ \+[0-9.]+,[0-9]{2}"))
    expect(page.get_by_role("heading", name="Toegekend per kalenderjaar")).to_be_visible()
    assert axe_check(page) == []

    versies = list(Indicatieversie.objects.order_by("nummer"))
    assert [v.status for v in versies] == [VersieStatus.VASTGESTELD, VersieStatus.VASTGESTELD]
    assert versies[0].auteur == indicatiesteller and versies[0].beslisser == beslisser
    assert versies[1].auteur == casusregisseur and versies[1].beslisser == beslisser
    assert versies[1].indicatie.casusregisseur == casusregisseur
    assert page.csp_fouten == []
