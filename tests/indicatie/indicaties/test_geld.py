"""Money over time (issue 5 §8, DESIGN.md §4): per week, per version period and per calendar year,
only from the stored versions; a period amount per line is round(week × days / 7, 2), half up."""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatie.indicaties import geld, selectors, services

from .conftest import besluit, gegevens, vastgesteld

BEGROTING = {
    "regels": [
        {"ref": "lid-1", "bedrag_per_week": "100.00"},
        {"ref": "lid-1", "bedrag_per_week": "10.01"},
        {"ref": "lid-3", "bedrag_per_week": "50.05"},
    ]
}


def versie(vanaf, tot, status="vastgesteld", begroting=BEGROTING):
    return SimpleNamespace(status=status, geldig_vanaf=vanaf, geldig_tot=tot, begroting=begroting)


def test_per_week_is_som_van_regels():
    assert geld.per_week(BEGROTING) == {"lid-1": Decimal("110.01"), "lid-3": Decimal("50.05")}


def test_periode_per_regel_afgerond_half_up():
    # 10 days: 100 × 10/7 = 142.857… -> 142.86; 10.01 × 10/7 = 14.3 -> 14.30; 50.05 × 10/7 = 71.5 -> 71.50
    bedragen = geld.over_periode(BEGROTING, date(2026, 3, 1), date(2026, 3, 10))
    assert bedragen == {"lid-1": Decimal("157.16"), "lid-3": Decimal("71.50")}
    assert geld.regelbedrag(Decimal("0.07"), 5) == Decimal("0.05")  # 0.05 exactly
    assert geld.regelbedrag(Decimal("0.35"), 1) == Decimal("0.05")  # 0.05 exactly
    assert geld.regelbedrag(Decimal("0.21"), 5) == Decimal("0.15")  # 0.15 exactly, half up stays
    assert geld.regelbedrag(Decimal("1.05"), 1) == Decimal("0.15")


def test_kalenderjaren_splitsen_en_alleen_vastgestelde_versies_tellen():
    versies = [
        versie(date(2026, 12, 25), date(2027, 1, 7)),  # 7 days in 2026, 7 in 2027
        versie(date(2027, 1, 8), date(2027, 1, 14), status="afgewezen"),
        versie(None, None),  # a beëindiging has no period of its own
    ]
    jaren = geld.per_kalenderjaar(versies)
    assert jaren == {
        2026: {"lid-1": Decimal("110.01"), "lid-3": Decimal("50.05")},
        2027: {"lid-1": Decimal("110.01"), "lid-3": Decimal("50.05")},
    }


def test_jaardelen_tellen_op_tot_het_periodebedrag():
    # 150.70 a week from 2-2-2026 to 1-2-2027: 333 + 32 days. Rounding each year on its own gives
    # 7,169.01 + 688.91 = 7,857.92: one cent short of the 7,857.93 for the whole period.
    week = Decimal("150.70")
    vanaf, tot = date(2026, 2, 2), date(2027, 2, 1)
    delen = geld.regel_per_jaar(week, vanaf, tot)
    assert [j for j, _ in delen] == [2026, 2027]
    assert delen[0][1] == geld.regelbedrag(week, 333)  # the earlier year: its own days, rounded
    assert sum(b for _, b in delen) == geld.regelbedrag(week, 365) == Decimal("7857.93")
    assert geld.regelbedrag(week, 333) + geld.regelbedrag(week, 32) == Decimal("7857.92")  # the old cent
    begroting = {"regels": [{"ref": "a", "bedrag_per_week": "150.70"}]}
    jaren = geld.per_kalenderjaar([versie(vanaf, tot, begroting=begroting)])
    assert jaren[2026]["a"] + jaren[2027]["a"] == Decimal("7857.93")


@settings(max_examples=300, deadline=None)
@given(
    week=st.decimals(min_value=0, max_value=5000, places=2),
    vanaf=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    lengte=st.integers(min_value=0, max_value=1200),
)
def test_jaren_per_versie_tellen_op_tot_de_geldige_periode(week, vanaf, lengte):
    tot = vanaf + timedelta(days=lengte)
    begroting = {"regels": [{"ref": "a", "bedrag_per_week": str(week)}, {"ref": "a", "bedrag_per_week": "10.01"}]}
    jaren = geld.per_kalenderjaar([versie(vanaf, tot, begroting=begroting)])
    assert sum(p["a"] for p in jaren.values()) == geld.over_periode(begroting, vanaf, tot)["a"]
    assert set(jaren) == set(range(vanaf.year, tot.year + 1))


def test_verschil_per_persoon():
    assert geld.verschil({"a": Decimal("5"), "b": Decimal("2")}, {"a": Decimal("3"), "c": Decimal("1")}) == {
        "a": Decimal("2"),
        "c": Decimal("-1"),
        "b": Decimal("2"),
    }
    assert geld.verschil({"a": Decimal("1")}, None) == {}


@pytest.mark.django_db
def test_geld_uit_opgeslagen_versies(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, casusregisseur, tweede_beslisser
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    nieuw = services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, None, pakket="3", ingangsdatum=date(2026, 7, 1)),
    )
    besluit(nieuw, casusregisseur, tweede_beslisser)
    pagina = selectors.indicatie_pagina(casusregisseur, lopend.indicatie_id)
    eerste, tweede = sorted(pagina["versies"], key=lambda v: v.nummer)
    jaren = {j["jaar"]: j for j in pagina["jaren"]}
    verwacht_2026 = sum(geld.over_periode(eerste.begroting, date(2026, 2, 2), date(2026, 6, 30)).values()) + sum(
        geld.over_periode(tweede.begroting, date(2026, 7, 1), date(2026, 12, 31)).values()
    )
    assert jaren[2026]["totaal"] == verwacht_2026
    assert jaren[2027]["totaal"] == sum(
        geld.over_periode(tweede.begroting, date(2027, 1, 1), date(2027, 2, 1)).values()
    )
    # The timeline shows the difference per person against the version it builds on.
    regel = pagina["tijdlijn"][0]
    assert regel.versie == tweede
    anna = f"lid-{huishouden.leden.get(voornamen='Anna').pk}"
    assert regel.verschil[anna] == geld.per_week(tweede.begroting)[anna] - geld.per_week(eerste.begroting)[anna]
    assert regel.verschil[anna] > 0
    # A later change of the stored begroting's source tables would not matter: only stored JSON is used.
    assert regel.totaal_per_week == Decimal(tweede.begroting["totaal_per_week"])
