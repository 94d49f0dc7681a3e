"""The safety chart at a phone's width (375 px) in Chromium: every text and point lies inside the chart,
the text is at least 11 px, and the table with the same points is there for screen readers."""

import os
from datetime import date

import pytest
from playwright.sync_api import expect

from indicatie.indicaties import services
from indicatie.indicaties.models import Aanbieder
from tests.e2e.conftest import login
from tests.indicatie.indicaties.conftest import maak_taxatie, vastgesteld

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_grafiek_leesbaar_op_375_px(page, indicatiesteller, beslisser, casusregisseur, huishouden):
    aanbieder = Aanbieder.objects.create(naam="Zorg Voorbeeld", agb_code="12345678", percelen=["extramuraal"])
    taxatie = maak_taxatie(huishouden, indicatiesteller, datum=date(2026, 3, 1))
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    for datum, veiligheid in [(date(2026, 2, 15), "structureel_onveilig"), (date(2026, 6, 1), "stabiel_kwetsbaar")]:
        services.leg_evaluatie_vast(indicatie_id=lopend.indicatie_id, door=casusregisseur, datum=datum,
                                    veiligheid=veiligheid, voortgang="Gesprek gevoerd.", advies="voortzetten")

    page.set_viewport_size({"width": 375, "height": 800})
    login(page, casusregisseur)
    page.goto(f"/indicaties/{lopend.indicatie_id}/")
    svg = page.get_by_test_id("veiligheidsgrafiek")
    expect(svg).to_be_visible()
    kader = svg.bounding_box()
    assert kader["x"] >= 0 and kader["x"] + kader["width"] <= 375
    for element in svg.locator("text, circle").all():
        vak = element.bounding_box()
        assert vak["x"] >= kader["x"] - 0.5 and vak["x"] + vak["width"] <= kader["x"] + kader["width"] + 0.5
        assert vak["y"] >= kader["y"] - 0.5 and vak["y"] + vak["height"] <= kader["y"] + kader["height"] + 0.5
    for tekst in svg.locator("text").all():
        assert tekst.bounding_box()["height"] >= 11, tekst.text_content()
    tabel = page.get_by_role("table", name="Veiligheid per moment")
    expect(tabel.get_by_role("row")).to_have_count(4)  # header, two evaluations, the taxatie
    assert page.csp_fouten == []
