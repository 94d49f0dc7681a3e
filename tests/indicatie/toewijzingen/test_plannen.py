"""Numbering across changes and OP033x1 (plannen.py): a ToewijzingNummer is unique within each law and
kept across changes; a different weekly amount ends the old toewijzing and starts a new one."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from indicatie.toewijzingen.bericht import Wet
from indicatie.toewijzingen.configuratie import BUDGET, OMVANG
from indicatie.toewijzingen.plannen import Productregel, centen, periodebedrag, plan

MOMENT = datetime(2026, 11, 23, 10, 0)
AGB = "12345678"


def regel(ref, wet, product, week):
    week = Decimal(week)
    return Productregel(ref=ref, wet=Wet(wet), product=product, bedrag_per_week=week,
                        bedrag_periode=periodebedrag(week, date(2026, 12, 1), date(2027, 11, 30)))


class Teller:
    def __init__(self):
        self.n = {Wet.WMO: 0, Wet.JEUGDWET: 0}

    def __call__(self, wet):
        self.n[wet] += 1
        return self.n[wet]


def toekenning(regels, teller, variant=OMVANG, **kw):
    return plan(soort="toekenning", regels=regels, bestaande=[], agb=AGB, ingangsdatum=date(2026, 12, 1),
                einddatum=date(2027, 11, 30), moment=MOMENT, variant=variant, nummer_voor=teller, **kw)


def volgende(soort, regels, bestaande, teller, vanaf, tot, variant=OMVANG, agb=AGB, moment=None):
    return plan(soort=soort, regels=regels, bestaande=bestaande, agb=agb, ingangsdatum=vanaf, einddatum=tot,
                moment=moment or datetime(2027, 3, 1, 9, 30), variant=variant, nummer_voor=teller)


BASIS = [
    regel("moeder", "Wmo", "begeleiding_volwassenen", "122.79"),
    regel("vader", "Wmo", "begeleiding_volwassenen", "122.79"),
    regel("kind_b", "Jeugdwet", "begeleiding_kinderen", "163.72"),
]


def test_nummers_uniek_per_wet():
    p = toekenning(BASIS, Teller())
    nummers = {(t.wet, t.nummer) for t in p.toewijzingen}
    assert nummers == {(Wet.WMO, 1), (Wet.WMO, 2), (Wet.JEUGDWET, 1)}
    assert [(b.client_ref, b.wet) for b in p.berichten] == [
        ("moeder", Wet.WMO), ("vader", Wet.WMO), ("kind_b", Wet.JEUGDWET)]
    assert all(t.volume == 12279 for t in p.toewijzingen if t.wet == Wet.WMO)


def test_producten_met_dezelfde_code_worden_opgeteld():
    p = toekenning([regel("moeder", "Wmo", "verblijf", "100"), regel("moeder", "Wmo", "verblijf", "50.5")], Teller())
    assert len(p.toewijzingen) == 1 and p.toewijzingen[0].volume == 15050


def test_afschalen_beeindigt_oude_en_geeft_nieuwe_toewijzing_OP033x1():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    nieuw = [regel("moeder", "Wmo", "begeleiding_volwassenen", "61.40"), BASIS[1], BASIS[2]]
    p = volgende("wijziging", nieuw, eerst.toewijzingen, teller, date(2027, 3, 1), date(2027, 11, 30))
    # only the mother's toewijzing changed: one message, to her, with the ended and the new one
    assert [(b.client_ref, b.wet) for b in p.berichten] == [("moeder", Wet.WMO)]
    oud, nieuwe = p.berichten[0].toewijzingen
    assert oud.nummer == 1 and oud.einddatum == date(2027, 2, 28) and oud.reden_wijziging == "05"
    assert oud.volume == 12279  # a weekly volume never changes in place (OP033x1)
    assert nieuwe.nummer == 3 and nieuwe.ingangsdatum == date(2027, 3, 1) and nieuwe.volume == 6140
    assert nieuwe.reden_wijziging is None
    assert oud.toewijzingsdatum == date(2027, 3, 1)


def test_wijziging_op_de_eerste_dag_verwijdert_met_reden_13_CS335():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    nieuw = [regel("moeder", "Wmo", "begeleiding_volwassenen", "200"), BASIS[1], BASIS[2]]
    p = volgende("wijziging", nieuw, eerst.toewijzingen, teller, date(2026, 12, 1), date(2027, 11, 30))
    oud = next(t for t in p.toewijzingen if t.nummer == 1 and t.wet == Wet.WMO)
    assert oud.reden_wijziging == "13" and oud.einddatum == oud.ingangsdatum


def test_ongewijzigde_toewijzing_houdt_nummer_en_gaat_mee_in_het_bericht():
    teller = Teller()
    eerst = toekenning([BASIS[0]], teller)
    nieuw = [BASIS[0], regel("moeder", "Wmo", "dagbesteding", "80")]
    p = volgende("wijziging", nieuw, eerst.toewijzingen, teller, date(2027, 3, 1), date(2027, 11, 30))
    (bericht,) = p.berichten
    assert [(t.nummer, t.gewijzigd) for t in bericht.toewijzingen] == [(1, False), (2, True)]
    assert bericht.toewijzingen[0].reden_wijziging is None  # unchanged, sent as it was (OP087)


def test_lid_doet_niet_meer_mee_toewijzing_beeindigd():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    p = volgende("wijziging", [BASIS[0], BASIS[2]], eerst.toewijzingen, teller, date(2027, 3, 1), date(2027, 11, 30))
    assert [(b.client_ref) for b in p.berichten] == ["vader"]
    (t,) = p.berichten[0].toewijzingen
    assert t.nummer == 2 and t.einddatum == date(2027, 2, 28) and t.reden_wijziging == "05"


def test_beeindiging_verkort_alles():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    p = volgende("beeindiging", [], eerst.toewijzingen, teller, date(2026, 12, 1), date(2027, 4, 30))
    assert len(p.berichten) == 3
    assert {(t.wet, t.nummer, t.einddatum, t.reden_wijziging) for t in p.toewijzingen} == {
        (Wet.WMO, 1, date(2027, 4, 30), "05"), (Wet.WMO, 2, date(2027, 4, 30), "05"),
        (Wet.JEUGDWET, 1, date(2027, 4, 30), "05")}
    assert teller.n == {Wet.WMO: 2, Wet.JEUGDWET: 1}  # no new numbers


@pytest.mark.parametrize("categorie, code", [
    ("verhuisd_andere_gemeente", "07"),  # WMO002/JZ002: Verhuizing naar een andere gemeente
    ("doelen_bereikt", "05"), ("veiligheid_stabiel_zonder_hulp", "05"), ("andere_hulp_passender", "05"),
    ("hulp_niet_meer_gewenst", "05"), ("anders", "05"), ("", "05"), (None, "05"),
])
def test_beeindiging_reden_volgt_de_categorie_waar_de_standaard_een_code_heeft(categorie, code):
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    p = plan(soort="beeindiging", regels=[], bestaande=eerst.toewijzingen, agb=AGB, ingangsdatum=date(2026, 12, 1),
             einddatum=date(2027, 4, 30), moment=datetime(2027, 3, 1, 9, 30), variant=OMVANG, nummer_voor=teller,
             beeindigingsreden=categorie)
    assert {t.reden_wijziging for t in p.toewijzingen} == {code} and len(p.toewijzingen) == 3


def test_elke_beeindigingscategorie_heeft_een_geldige_redenwijziging():
    from indicatie.indicaties.beeindiging import Beeindigingsreden
    from indicatie.toewijzingen.bericht import REDEN_LABELS
    from indicatie.toewijzingen.plannen import reden_bij_beeindiging

    for categorie in Beeindigingsreden.values:
        assert reden_bij_beeindiging(categorie) in REDEN_LABELS


def test_verlenging_zelfde_bedrag_houdt_nummer_reden_04():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    p = volgende("verlenging", BASIS, eerst.toewijzingen, teller, date(2027, 12, 1), date(2028, 11, 30))
    assert {(t.wet, t.nummer, t.reden_wijziging, t.einddatum) for t in p.toewijzingen} == {
        (Wet.WMO, 1, "04", date(2028, 11, 30)), (Wet.WMO, 2, "04", date(2028, 11, 30)),
        (Wet.JEUGDWET, 1, "04", date(2028, 11, 30))}
    assert all(t.ingangsdatum == date(2026, 12, 1) for t in p.toewijzingen)


def test_verlenging_ander_bedrag_nieuwe_toewijzing_oude_blijft():
    teller = Teller()
    eerst = toekenning([BASIS[0]], teller)
    nieuw = [regel("moeder", "Wmo", "begeleiding_volwassenen", "61.40")]
    p = volgende("verlenging", nieuw, eerst.toewijzingen, teller, date(2027, 12, 1), date(2028, 11, 30))
    (t,) = p.toewijzingen
    assert t.nummer == 2 and t.ingangsdatum == date(2027, 12, 1) and t.nieuw


def test_andere_aanbieder_reden_09():
    teller = Teller()
    eerst = toekenning([BASIS[0]], teller)
    p = volgende("wijziging", [BASIS[0]], eerst.toewijzingen, teller, date(2027, 3, 1), date(2027, 11, 30),
                 agb="87654321")
    assert [(b.agb, [t.reden_wijziging for t in b.toewijzingen]) for b in p.berichten] == [
        ("12345678", ["09"]), ("87654321", [None])]


def test_op003_geen_toewijzing_en_gemeld():
    p = toekenning(BASIS, Teller(), geblokkeerd={"moeder", "kind_b"})
    assert [b.client_ref for b in p.berichten] == ["vader"]
    assert p.geblokkeerd == [("kind_b", Wet.JEUGDWET), ("moeder", Wet.WMO)]


def test_op003_na_toekenning_geen_beeindigingsbericht():
    teller = Teller()
    eerst = toekenning(BASIS, teller)
    p = plan(soort="beeindiging", regels=[], bestaande=eerst.toewijzingen, agb=AGB, ingangsdatum=date(2026, 12, 1),
             einddatum=date(2027, 4, 30), moment=MOMENT, variant=OMVANG, nummer_voor=teller, geblokkeerd={"moeder"})
    assert "moeder" not in [b.client_ref for b in p.berichten]
    assert ("moeder", Wet.WMO) in p.geblokkeerd


def test_budgetvariant_budget_over_eigen_periode():
    teller = Teller()
    eerst = toekenning([BASIS[0]], teller, variant=BUDGET)
    (t,) = eerst.toewijzingen
    assert t.volume is None and t.code is None
    assert t.budget == centen(periodebedrag(Decimal("122.79"), date(2026, 12, 1), date(2027, 11, 30)))
    nieuw = [regel("moeder", "Wmo", "begeleiding_volwassenen", "61.40")]
    p = volgende("wijziging", nieuw, eerst.toewijzingen, teller, date(2027, 3, 1), date(2027, 11, 30), variant=BUDGET)
    oud = next(x for x in p.toewijzingen if x.nummer == 1)
    assert oud.budget == centen(periodebedrag(Decimal("122.79"), date(2026, 12, 1), date(2027, 2, 28)))


@pytest.mark.parametrize("bedrag,verwacht", [("0.005", 1), ("122.79", 12279), ("1", 100)])
def test_centen(bedrag, verwacht):
    assert centen(Decimal(bedrag)) == verwacht
