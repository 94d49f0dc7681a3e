"""The safety chart on the indication page (R20): the x range covers every plotted date (an evaluation can
be dated before the taxatie), one date sits in the middle, labels stay inside the viewBox, and a table
with the same points is the text alternative."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.selectors import veiligheidsgrafiek

from .conftest import maak_taxatie, vastgesteld


def versie_met_taxatie(datum, veiligheid="dreigend"):
    return SimpleNamespace(taxatie_id=1, taxatie=SimpleNamespace(datum=datum, veiligheid=veiligheid))


def evaluatie(datum, veiligheid):
    return SimpleNamespace(datum=datum, veiligheid=veiligheid)


def binnen(g):
    for p in g["punten"]:
        assert g["links"] <= p["x"] - 5 and p["x"] + 5 <= g["rechts_x"], p
        assert 0 <= p["y"] - 5 and p["y"] + 5 <= g["onder_y"] + 5, p
    for lijn in g["yas"]:
        for r in lijn["regels"]:
            # 13-unit text, about 0.55 em per character (the e2e test measures it in Chromium).
            assert g["label_x"] - len(r["tekst"]) * 13 * 0.55 >= 0, r
            assert 13 <= r["y"] <= g["hoogte"], r
    assert g["datum_y"] <= g["hoogte"]


def test_an_evaluation_before_the_taxatie_widens_the_range_instead_of_leaving_the_chart():
    g = veiligheidsgrafiek(
        [evaluatie(date(2026, 2, 15), "acuut_onveilig"), evaluatie(date(2026, 11, 23), "stabiel_kwetsbaar")],
        [versie_met_taxatie(date(2026, 3, 1))],
    )
    assert [p["bron"] for p in g["punten"]] == ["Evaluatie", "Taxatie", "Evaluatie"]
    assert (g["eerste"], g["laatste"]) == (date(2026, 2, 15), date(2026, 11, 23))
    xs = [p["x"] for p in g["punten"]]
    assert xs == sorted(xs) and xs[0] < xs[1] < xs[2]
    assert xs[0] == g["links"] + 10 and xs[-1] == g["rechts_x"] - 10
    assert not g["een_datum"]
    binnen(g)


@pytest.mark.parametrize(
    "evaluaties",
    [[], [evaluatie(date(2026, 3, 1), "stabiel_kwetsbaar")]],
    ids=["alleen-taxatie", "zelfde-dag"],
)
def test_one_date_sits_in_the_middle(evaluaties):
    g = veiligheidsgrafiek(evaluaties, [versie_met_taxatie(date(2026, 3, 1))])
    assert g["een_datum"] and g["eerste"] == g["laatste"]
    assert {p["x"] for p in g["punten"]} == {g["midden_x"]}
    binnen(g)


def test_no_points_no_chart():
    assert veiligheidsgrafiek([], [SimpleNamespace(taxatie_id=None, taxatie=None)]) is None


def test_long_labels_break_over_two_lines():
    g = veiligheidsgrafiek([], [versie_met_taxatie(date(2026, 3, 1))])
    regels = {lijn["label"]: [r["tekst"] for r in lijn["regels"]] for lijn in g["yas"]}
    assert regels["Stabiel maar kwetsbaar"] == ["Stabiel maar", "kwetsbaar"]
    assert regels["Dreigend"] == ["Dreigend"]


@pytest.mark.django_db
def test_page_has_the_chart_and_its_table(client_als, huishouden, aanbieder, indicatiesteller, casusregisseur,
                                          beslisser):
    taxatie = maak_taxatie(huishouden, indicatiesteller, datum=date(2026, 3, 1))
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    services.leg_evaluatie_vast(indicatie_id=lopend.indicatie_id, door=casusregisseur, datum=date(2026, 2, 15),
                                veiligheid="acuut_onveilig", voortgang="Eerste gesprek.", advies="voortzetten")
    pagina = client_als(casusregisseur).get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    svg = pagina.text.split('data-testid="veiligheidsgrafiek"')[1].split("</svg>")[0]
    assert "-" not in svg.split("<polyline points=\"")[1].split('"')[0]  # no negative coordinates
    assert "van 15 februari 2026 tot 1 maart 2026" in svg
    tabel = pagina.text.split('data-testid="veiligheid-per-moment"')[1].split("</table>")[0]
    assert "Veiligheid per moment" in tabel
    rijen = tabel.split("<tbody")[1].count("<tr")
    assert rijen == 2 and tabel.index("15 februari 2026") < tabel.index("1 maart 2026")
    assert "Acuut onveilig" in tabel and "Taxatie" in tabel
