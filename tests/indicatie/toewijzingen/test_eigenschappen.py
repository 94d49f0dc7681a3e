"""Hypothesis: every valid case gives messages that pass the XSD and every extra rule, none for a
member under OP003, never another member's address, numbers unique per law (issue 8 §6)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from indicatie.huishoudens.demodata import test_bsn as demo_bsn
from tests.tarieven.test_eigenschappen import casussen

from .helpers import berichten_van_json

INSTELLINGEN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LETTERS = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F)
NAAM = st.text(LETTERS | st.sampled_from(" -'"), min_size=1, max_size=40).filter(lambda s: s.strip(" -'"))


@st.composite
def adressen(draw, teken: str):
    # every street carries a unique marker, so a leak into another member's message is visible
    return {
        "straat": f"{teken}{draw(st.text(LETTERS | st.just(' '), max_size=40))}",
        "huisnummer": draw(st.sampled_from(["1", "12a", "12 A", "3-2", "100 bis", "99999", "7"])),
        "postcode": draw(st.sampled_from(["3000 AA", "3011xy", "", "B-1000", "  "])),
        "plaats": draw(st.sampled_from(["Rotterdam", "Schiedam", "'s-Gravenhage"])),
    }


@st.composite
def toewijzingscasussen(draw):
    data = draw(casussen())
    for i, lid in enumerate(data["leden"]):
        lid.update(voornamen=draw(NAAM), achternaam=draw(NAAM), bsn=demo_bsn(500 + i),
                   geslacht=draw(st.sampled_from(["0", "1", "2", "man", "V", None])),
                   geen_berichtenverkeer=draw(st.booleans()) and draw(st.booleans()))
        if draw(st.booleans()):
            lid["voorvoegsel"] = draw(st.sampled_from(["van", "de", "van der", "el", "van den bosch tot"]))
        if draw(st.booleans()):
            lid["adres"] = draw(adressen(f"Eigen{i}x"))
        if draw(st.booleans()):
            lid["vertrouwelijk_adres"] = True
        if draw(st.booleans()):
            lid["correspondentieadres"] = draw(adressen(f"Post{i}x"))
    data["aanbieder"] = {"naam": "Testaanbieder", "agb": "01234567"}
    return data


@INSTELLINGEN
@given(toewijzingscasussen(), st.sampled_from(["omvang", "budget"]))
def test_elke_geldige_casus_geeft_geldige_berichten(data, variant):
    begroting, uitkomst = berichten_van_json(data, variant)
    leden = {lid["ref"]: lid for lid in data["leden"]}
    nummers = set()
    ontvangers = set()
    for klaar in uitkomst.berichten:
        assert klaar.fouten == [], klaar.fouten
        ref = klaar.bericht.client.ref
        ontvangers.add(ref)
        assert not leden[ref].get("geen_berichtenverkeer")  # OP003
        tekst = klaar.xml.decode()
        for ander, lid in leden.items():
            if ander != ref:
                assert f"Eigen{data['leden'].index(lid)}x" not in tekst
                assert f"Post{data['leden'].index(lid)}x" not in tekst
        eigen = leden[ref]
        if eigen.get("vertrouwelijk_adres"):
            assert f"Eigen{data['leden'].index(eigen)}x" not in tekst  # never a confidential address
        root = etree.fromstring(klaar.xml)
        for n in root.xpath("//*[local-name()='ToewijzingNummer']/text()"):
            assert (klaar.bericht.wet, n) not in nummers
            nummers.add((klaar.bericht.wet, n))
    # everyone with a positive amount who is not under OP003 gets exactly one message per law
    verwacht = {(r.ref, r.wet) for r in begroting.regels if r.bedrag_per_week > 0
                and not leden[r.ref].get("geen_berichtenverkeer")}
    assert {(k.bericht.client.ref, str(k.bericht.wet)) for k in uitkomst.berichten} == verwacht
    assert {(r, str(w)) for r, w in uitkomst.geblokkeerd} == {
        (r.ref, r.wet) for r in begroting.regels if r.bedrag_per_week > 0 and leden[r.ref].get("geen_berichtenverkeer")}
