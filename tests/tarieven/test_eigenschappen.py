"""Hypothesis properties of the engine (issue 3 §6): a heavier pakket never costs less for the same
household; amounts are hours × tariff rounded; totals are sums of lines; every valid case computes and
every invalid one gives a validation error, never another exception."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tarieven.engine import bereken

from .conftest import VANDAAG, valideer

INSTELLINGEN = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def leden(draw, min_size=1):
    n = draw(st.integers(min_value=min_size, max_value=7))
    uit = []
    for i in range(n):
        geboren = draw(st.dates(min_value=date(1940, 1, 1), max_value=VANDAAG))
        lid = {"ref": f"lid{i}", "geboortedatum": geboren.isoformat(),
               "rollen": draw(st.lists(st.sampled_from(["slachtoffer", "pleger", "getuige", "overig"]),
                                       max_size=2, unique=True)),
               "doet_mee": draw(st.booleans() | st.just(True))}
        verblijft = draw(st.none() | st.booleans())
        if verblijft is not None:
            lid["verblijft_in_voorziening"] = verblijft
        uit.append(lid)
    return uit


@st.composite
def casussen(draw):
    perceel = draw(st.sampled_from(["extramuraal", "semimuraal", "intramuraal"]))
    pakket = draw(st.sampled_from(["1", "2", "3"] if perceel == "extramuraal" else ["2", "3"]))
    start = draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)))
    data = {"perceel": perceel, "pakket": pakket, "ingangsdatum": start.isoformat(), "leden": draw(leden()),
            "gemeente": "Rotterdam" if perceel == "extramuraal" else draw(st.sampled_from(["Rotterdam", "Schiedam"]))}
    if draw(st.booleans()):
        data["einddatum"] = (start + timedelta(days=draw(st.integers(0, 800)))).isoformat()
    producten = ["schulddienstverlening", "dagbesteding"] + (["nachtelijke_ondersteuning"]
                                                             if perceel == "extramuraal" else [])
    data["maatwerk"] = [{"product": draw(st.sampled_from(producten)), "trede": draw(st.integers(1, 3)),
                         "ref": draw(st.sampled_from([lid["ref"] for lid in data["leden"]]))}
                        for _ in range(draw(st.integers(0, 2)))]
    return data


def geldig(data):
    try:
        return valideer(data)
    except ValidationError:
        return None


@INSTELLINGEN
@given(casussen())
def test_zwaarder_pakket_kost_nooit_minder(data):
    pakketten = ["1", "2", "3"] if data["perceel"] == "extramuraal" else ["2", "3"]
    totalen = []
    for pakket in pakketten:
        casus = geldig({**data, "pakket": pakket})
        assume(casus is not None)
        b = bereken(casus)
        totalen.append((b.totaal_per_week, b.totaal_periode))
    assert totalen == sorted(totalen)


@INSTELLINGEN
@given(casussen())
def test_bedragen_en_totalen(data):
    casus = geldig(data)
    assume(casus is not None)
    b = bereken(casus)
    assert b.regels
    for r in b.regels:
        if r.uren_per_week is not None:
            assert r.bedrag_per_week == (r.uren_per_week * r.tarief_per_uur).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert r.bedrag_periode == (r.bedrag_per_week * b.dagen / 7).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert r.bedrag_per_week >= 0 and r.bedrag_per_week.as_tuple().exponent == -2
    assert b.totaal_per_week == sum(r.bedrag_per_week for r in b.regels)
    assert b.totaal_periode == sum(r.bedrag_periode for r in b.regels)
    assert b.totaal_per_week == sum(p.per_week for p in b.per_persoon.values())
    assert b.totaal_periode == sum(p.periode for p in b.per_persoon.values())
    # R6: at most one youth line, on the youngest participating child.
    assert len([r for r in b.regels if r.wet == "Jeugdwet"]) <= 1
    # R7: maatwerk only for adults.
    adult_refs = {r.ref for r in b.regels if r.product == "begeleiding_volwassenen"}
    assert {r.ref for r in b.regels if r.product in ("schulddienstverlening", "dagbesteding")} <= adult_refs


JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=12)
    | st.sampled_from(["2026-03-01", "1990-01-01", "2099-01-01", "extramuraal", "intramuraal", "vrij", "2"]),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=8), kind, max_size=3),
    max_leaves=8,
)
VELDEN = ["perceel", "pakket", "ingangsdatum", "einddatum", "gemeente", "leden", "maatwerk", "vrije_trede",
          "bestaande_wmo_verblijf"]


@INSTELLINGEN
@given(casussen(), st.dictionaries(st.sampled_from(VELDEN), JSON_WAARDEN, max_size=3),
       st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["ref", "geboortedatum", "doet_mee", "rollen",
                                                               "verblijft_in_voorziening"]), JSON_WAARDEN),
                max_size=2))
def test_elke_invoer_rekent_of_geeft_validatiefout(data, vervanging, lidvervanging):
    data = {**data, **vervanging}
    if isinstance(data.get("leden"), list):
        for i, veld, waarde in lidvervanging:
            if i < len(data["leden"]) and isinstance(data["leden"][i], dict):
                data["leden"][i] = {**data["leden"][i], veld: waarde}
    try:
        casus = valideer(data)
    except ValidationError:
        return
    b = bereken(casus)  # a valid case always computes
    assert b.totaal_per_week >= 0
    assert b.als_json()["totaal_per_week"] == f"{b.totaal_per_week:.2f}"
