"""The engine applies R3–R12 with the interpretations of issue 3 §3 (pure: no database)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from pydantic import ValidationError

from tarieven.engine import Casus, bereken, standaard_einddatum

from .conftest import begroot, casus, lid, standaard_omgeving, valideer

D = Decimal


def regels(b, product=None, ref=None):
    return [r for r in b.regels if (product is None or r.product == product) and (ref is None or r.ref == ref)]


def tarief(doelgroep, pakket):
    return standaard_omgeving().tariefblad.uurtarief(doelgroep, pakket)


# --- R4/R5/R6: extramural ----------------------------------------------------------------------------

@pytest.mark.parametrize("pakket,uren_volw,uren_kind", [("1", "0.75", "1.5"), ("2", "1.5", "2"), ("3", "3", "3")])
def test_extramuraal_per_volwassene_en_jongste_kind(pakket, uren_volw, uren_kind):
    b = begroot(casus(pakket=pakket))
    volw = regels(b, "begeleiding_volwassenen")
    assert [r.ref for r in volw] == ["moeder", "vader"]  # R5: per participating adult
    for r in volw:
        assert r.uren_per_week == D(uren_volw) and r.wet == "Wmo" and r.extramuraal
        assert r.bedrag_per_week == (D(uren_volw) * tarief("volwassenen", pakket)).quantize(D("0.01"), ROUND_HALF_UP)
    (jeugd,) = regels(b, "begeleiding_kinderen")
    assert jeugd.ref == "kind2" and jeugd.wet == "Jeugdwet"  # R6: the youngest child
    assert jeugd.uren_per_week == D(uren_kind)
    uren = sum(r.uren_per_week for r in b.regels)
    assert uren == {"1": 3, "2": 5, "3": 9}[pakket]  # totals of the seed table


def test_toelichting_in_het_nederlands():
    b = begroot(casus(pakket="2"))
    (jeugd,) = regels(b, "begeleiding_kinderen")
    assert jeugd.toelichting.startswith("2,00 uur × € 81,86 = € 163,72 per week")
    assert "€ 163,72 × 365 / 7 = € 8.536,83" in jeugd.toelichting


def test_deelnemer_die_niet_meedoet_krijgt_niets_r5():
    leden = [lid("moeder", "1990-05-01"), lid("vader", "1988-02-01", "pleger", doet_mee=False),
             lid("kind", "2016-01-01")]
    b = begroot(casus(pakket="3", leden=leden))
    assert [r.ref for r in regels(b, "begeleiding_volwassenen")] == ["moeder"]
    assert "vader" not in b.per_persoon


def test_volwassen_op_de_ingangsdatum():
    # 18 on 1 March 2026 exactly: adult. One day younger: child.
    leden = [lid("ouder", "1980-01-01"), lid("achttien", "2008-03-01"), lid("zeventien", "2008-03-02")]
    b = begroot(casus(pakket="1", leden=leden))
    assert {r.ref for r in regels(b, "begeleiding_volwassenen")} == {"ouder", "achttien"}
    assert [r.ref for r in regels(b, "begeleiding_kinderen")] == ["zeventien"]


def test_jongste_kind_gelijke_geboortedatum_eerste_in_invoer():
    leden = [lid("ouder", "1980-01-01"), lid("tweeling_b", "2020-04-04"), lid("tweeling_a", "2020-04-04"),
             lid("ouder_kind", "2012-01-01")]
    b = begroot(casus(pakket="1", leden=leden))
    assert [r.ref for r in regels(b, "begeleiding_kinderen")] == ["tweeling_b"]


def test_alleen_kinderen_die_meedoen_tellen_voor_jongste():
    leden = [lid("ouder", "1980-01-01"), lid("groot", "2012-01-01"), lid("klein", "2020-01-01", doet_mee=False)]
    b = begroot(casus(pakket="1", leden=leden))
    assert [r.ref for r in regels(b, "begeleiding_kinderen")] == ["groot"]


def test_geen_kinderen_geen_jeugdregel():
    b = begroot(casus(pakket="2", leden=[lid("a", "1990-01-01"), lid("b", "1991-01-01")]))
    assert regels(b, "begeleiding_kinderen") == []
    assert sum(r.uren_per_week for r in b.regels) == 3


# --- Period --------------------------------------------------------------------------------------------

def test_standaard_einddatum_een_jaar_min_een_dag():
    from datetime import date

    assert standaard_einddatum(date(2026, 3, 1)) == date(2027, 2, 28)
    assert standaard_einddatum(date(2028, 2, 29)) == date(2029, 2, 28)
    assert standaard_einddatum(date(2026, 1, 1)) == date(2026, 12, 31)
    b = begroot(casus())
    assert b.dagen == 365 and str(b.einddatum) == "2027-02-28"


def test_periodebedrag_per_regel():
    b = begroot(casus(einddatum="2026-03-14"))
    assert b.dagen == 14
    for r in b.regels:
        assert r.bedrag_periode == (r.bedrag_per_week * 14 / 7).quantize(D("0.01"), ROUND_HALF_UP)


def test_totalen_zijn_sommen_van_regels():
    b = begroot(casus(pakket="3", maatwerk=[{"product": "schulddienstverlening", "trede": 2, "ref": "moeder"}]))
    assert b.totaal_per_week == sum(r.bedrag_per_week for r in b.regels)
    assert b.totaal_periode == sum(r.bedrag_periode for r in b.regels)
    assert b.per_persoon["moeder"].per_week == sum(r.bedrag_per_week for r in regels(b, ref="moeder"))
    assert b.tariefjaar == 2026


# --- Maatwerk (R7) ---------------------------------------------------------------------------------

def test_maatwerk_extramuraal():
    b = begroot(casus(pakket="1", maatwerk=[{"product": "nachtelijke_ondersteuning", "trede": 3, "ref": "vader"},
                                             {"product": "dagbesteding", "trede": 1, "ref": "moeder"}]))
    (nacht,) = regels(b, "nachtelijke_ondersteuning")
    assert nacht.ref == "vader" and nacht.trede == 3 and nacht.extramuraal
    assert nacht.bedrag_per_week == standaard_omgeving().tariefblad.maatwerk[("nachtelijke_ondersteuning", 3)]
    assert regels(b, "dagbesteding")[0].bedrag_per_week == D("85.00")


@pytest.mark.parametrize("maatwerk,melding", [
    ({"product": "dagbesteding", "trede": 1, "ref": "kind1"}, "alleen voor volwassenen"),
    ({"product": "dagbesteding", "trede": 1, "ref": "niemand"}, "staat niet in de leden"),
    ({"product": "dagbesteding", "trede": 4, "ref": "moeder"}, "trede 4 bestaat niet"),
    ({"product": "kookles", "trede": 1, "ref": "moeder"}, "geen maatwerkproduct"),
])
def test_maatwerk_fouten(maatwerk, melding):
    with pytest.raises(ValidationError, match=melding):
        valideer(casus(maatwerk=[maatwerk]))


def test_nachtelijke_ondersteuning_niet_als_maatwerk_semimuraal():
    with pytest.raises(ValidationError, match="niet toegestaan bij semimuraal"):
        valideer(casus("semimuraal", maatwerk=[{"product": "nachtelijke_ondersteuning", "trede": 1,
                                                "ref": "moeder"}]))


# --- Semi- and intramural (R8, R9, R10, R12) ---------------------------------------------------------

def test_semimuraal_pakket_3():
    b = begroot(casus("semimuraal", "3"))
    blad = standaard_omgeving().tariefblad
    # The pleger (only pleger) does not stay in the facility by default (R12).
    (m_begeleiding,) = regels(b, "begeleiding_volwassenen", "moeder")
    (v_begeleiding,) = regels(b, "begeleiding_volwassenen", "vader")
    assert m_begeleiding.uren_per_week == D("1.5") and not m_begeleiding.extramuraal
    assert v_begeleiding.extramuraal and "R12" in v_begeleiding.toelichting
    (ondersteuning,) = regels(b, "semimurale_ondersteuning")
    assert ondersteuning.ref == "moeder" and ondersteuning.trede == 3
    assert ondersteuning.bedrag_per_week == blad.trede_tarieven[("semimuraal", 3)].tarief_per_week
    (nacht,) = regels(b, "nachtelijke_ondersteuning")
    assert nacht.ref == "moeder" and nacht.trede == 2
    assert regels(b, "verblijf") == []  # verblijf only intramural
    (jeugd,) = regels(b, "begeleiding_kinderen")
    assert jeugd.uren_per_week == D("3") and not jeugd.extramuraal


def test_intramuraal_verblijf_per_volwassene_en_kind():
    leden = [lid("moeder", "1990-05-01", "slachtoffer"), lid("tante", "1985-01-01"),
             lid("vader", "1988-02-01", "pleger", verblijft=False),
             lid("kind1", "2014-06-01"), lid("kind2", "2018-09-15"), lid("kind3", "2012-01-01", verblijft=False)]
    b = begroot(casus("intramuraal", "2", leden=leden))
    blad = standaard_omgeving().tariefblad
    assert [r.ref for r in regels(b, "intramurale_ondersteuning")] == ["moeder", "tante"]
    assert {r.trede for r in regels(b, "intramurale_ondersteuning")} == {2}
    assert {r.trede for r in regels(b, "nachtelijke_ondersteuning")} == {3}
    verblijf = regels(b, "verblijf")
    assert [(r.ref, r.voor) for r in verblijf] == [("moeder", None), ("moeder", "kind1"), ("moeder", "kind2"),
                                                   ("tante", None)]
    assert verblijf[0].bedrag_per_week == blad.verblijf_volwassene
    assert verblijf[1].bedrag_per_week == blad.verblijf_kind
    assert regels(b, ref="vader")[0].extramuraal
    assert [r.product for r in regels(b, ref="vader")] == ["begeleiding_volwassenen"]


def test_semimuraal_zonder_volwassene_in_voorziening_is_fout():
    leden = [lid("moeder", "1990-05-01", verblijft=False), lid("kind", "2016-01-01")]
    with pytest.raises(ValidationError, match="verblijft ten minste één"):
        valideer(casus("semimuraal", "2", leden=leden))


@pytest.mark.parametrize("perceel", ["semimuraal", "intramuraal"])
def test_pakket_1_niet_semi_of_intramuraal_r3(perceel):
    with pytest.raises(ValidationError, match="Pakket 1"):
        valideer(casus(perceel, "1"))


# --- Vrije trede (R3) ------------------------------------------------------------------------------

def test_vrije_trede_verdeeld_met_restcent_naar_eerste():
    leden = [lid("a", "1980-01-01"), lid("b", "1981-01-01"), lid("c", "1982-01-01"), lid("k1", "2015-01-01"),
             lid("k2", "2017-01-01"), lid("k3", "2019-01-01"), lid("k4", "2021-01-01")]
    b = begroot(casus(pakket="vrij", leden=leden, vrije_trede={"wmo_per_week": "100.00", "jeugd_per_week": "250",
                                                               "motivering": "Gezin met vier kinderen."}))
    wmo = regels(b, "vrije_trede")
    assert [(r.ref, r.wet, r.bedrag_per_week) for r in wmo] == [
        ("a", "Wmo", D("33.34")), ("b", "Wmo", D("33.33")), ("c", "Wmo", D("33.33")), ("k4", "Jeugdwet", D("250.00"))]
    assert all(r.extramuraal and r.uren_per_week is None for r in wmo)
    assert "vier kinderen" in wmo[0].toelichting
    assert b.totaal_per_week == D("350.00")


@pytest.mark.parametrize("vrij,melding", [
    ({"wmo_per_week": "100"}, "motivering"),
    ({"wmo_per_week": "100", "motivering": "   "}, "motivering"),
    ({"wmo_per_week": "0", "jeugd_per_week": "0", "motivering": "x"}, "weekbedrag"),
    ({"wmo_per_week": "-5", "motivering": "x"}, "greater_than_equal"),
])
def test_vrije_trede_fouten(vrij, melding):
    with pytest.raises(ValidationError, match=melding):
        valideer(casus(pakket="vrij", vrije_trede=vrij))


def test_vrije_trede_alleen_extramuraal():
    with pytest.raises(ValidationError, match="alleen mogelijk bij extramurale"):
        valideer(casus("intramuraal", "vrij", vrije_trede={"wmo_per_week": "10", "motivering": "x"}))


# --- Other input errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("wijziging,melding", [
    ({"perceel": "ambulant"}, "onbekend perceel"),
    ({"pakket": "4"}, "onbekend pakket"),
    ({"einddatum": "2026-02-28"}, "vóór de ingangsdatum"),
    ({"gemeente": "Schiedam"}, "alleen voor huishoudens in Rotterdam"),
    ({"ingangsdatum": "2027-01-01"}, "geen tariefparameterset"),
    ({"bestaande_wmo_verblijf": True, "pakket": "2"}, "R11"),
    ({"vrije_trede": {"wmo_per_week": "5", "motivering": "x"}}, "alleen bij pakket 'vrij'"),
])
def test_invoerfouten(wijziging, melding):
    with pytest.raises(ValidationError, match=melding):
        valideer({**casus(), **wijziging})


def test_regio_voor_semimuraal_r14():
    b = begroot({**casus("semimuraal", "2"), "gemeente": "schiedam"})
    assert b.totaal_per_week > 0
    with pytest.raises(ValidationError, match="regio"):
        valideer({**casus("semimuraal", "2"), "gemeente": "Utrecht"})


def test_ledenfouten():
    with pytest.raises(ValidationError, match="meer dan eens"):
        valideer(casus(leden=[lid("a", "1990-01-01"), lid("a", "1991-01-01")]))
    with pytest.raises(ValidationError, match="in de toekomst"):
        valideer(casus(leden=[lid("a", "1990-01-01"), lid("b", "2027-01-01")]))
    with pytest.raises(ValidationError, match="Niemand"):
        valideer(casus(leden=[lid("a", "1990-01-01", doet_mee=False)]))


def test_onbekende_velden_worden_genegeerd():
    data = casus()
    data["veiligheid"] = "dreigend"
    data["leden"][0]["bsn"] = "999900011"
    assert begroot(data).totaal_per_week > 0


def test_bestaande_wmo_verblijf_pakket_1_ernaast_r11():
    b = begroot(casus(pakket="1", bestaande_wmo_verblijf=True))
    assert {r.product for r in b.regels} == {"begeleiding_volwassenen", "begeleiding_kinderen"}


def test_bereken_zonder_context_vraagt_omgeving():
    c = Casus.model_validate(casus(gemeente="Delft"))  # context-free checks pass
    with pytest.raises(ValueError, match="Rotterdam"):
        bereken(c, standaard_omgeving())
    with pytest.raises(TypeError):
        bereken(Casus.model_validate(casus()))


def test_json_uitvoer():
    uit = begroot(casus(pakket="3")).als_json()
    regel = uit["regels"][0]
    assert regel["uren_per_week"] == "3.00" and regel["tarief_per_uur"] == "77.69"
    assert regel["bedrag_per_week"] == "233.07" and regel["trede"] is None and regel["voor"] is None
    assert set(uit) >= {"regels", "per_persoon", "totaal_per_week", "totaal_periode", "dagen", "tariefjaar"}
    assert uit["per_persoon"]["moeder"] == {"per_week": "233.07", "periode": "12152.94"}


def test_gemeentenaam_en_bedragen_ruim_gelezen():
    assert begroot(casus(gemeente="  gemeente  ROTTERDAM ")).totaal_per_week > 0
    b = begroot(casus(pakket="vrij", vrije_trede={"wmo_per_week": 100.005, "motivering": "Past in geen pakket."}))
    assert [r.bedrag_per_week for r in b.regels] == [D("50.01"), D("50.00")]
    with pytest.raises(ValidationError):
        valideer(casus(pakket="vrij", vrije_trede={"wmo_per_week": "NaN", "motivering": "x"}))
