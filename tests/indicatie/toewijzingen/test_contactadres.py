"""The contact address of a WMO301 / JW301 (issue 8 §1, standaarden.md §3.2, contactadres.py): never another
member's address, never a confidential address, and never the household address for a child whose parent
with gezag has a confidential address; the messages stay XSD-valid, and the outbox says which address was
used and why. All addresses and people are invented."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from hgarr.datums import is_volwassen_op
from indicatie.huishoudens.demodata import test_bsn as demo_bsn
from indicatie.toewijzingen import services
from indicatie.toewijzingen.bericht import Adres
from indicatie.toewijzingen.contactadres import Bewoner, kies_contactadres
from indicatie.toewijzingen.models import BerichtStatus, Uitgaandbericht
from indicatie.toewijzingen.regels import controleer
from tests.factories import GezinslidFactory, HuishoudenFactory
from tests.tarieven.test_eigenschappen import casussen

from .conftest import maak_taxatie, vastgesteld
from .helpers import berichten_van_json

THUIS = Adres("Voorbeeldkade", "101", "3000 AB", "Rotterdam")
OPVANG = Adres("Schuilhof", "5", "3000 CD", "Rotterdam")
POST_MOEDER = Adres("Postbus", "1000", "3000 DD", "Rotterdam")
POST_KIND = Adres("Correspondentieweg", "7", "3000 EF", "Rotterdam")
ELDERS = Adres("Anderlaan", "8", "3000 GH", "Rotterdam")


def _adressen(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    return root.xpath("//*[local-name()='Contact']/*[local-name()='Adres']/*[local-name()='Straatnaam']/text()")


# --- the rule itself, as a table ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("bewoners", "ref", "verwacht", "uitleg"),
    [
        # the reviewer's case: mother with gezag and a confidential address lives with the child
        ([Bewoner("moeder", THUIS, POST_MOEDER, vertrouwelijk=True, gezag_over=frozenset({"kind"})),
          Bewoner("kind", THUIS)], "kind", None, "ouder met gezag heeft een vertrouwelijk adres"),
        ([Bewoner("moeder", THUIS, POST_MOEDER, vertrouwelijk=True, gezag_over=frozenset({"kind"})),
          Bewoner("kind", THUIS)], "moeder", POST_MOEDER, "eigen correspondentieadres"),
        # the mother is in a shelter, the child at the old address: still no address for the child
        ([Bewoner("moeder", OPVANG, POST_MOEDER, vertrouwelijk=True, gezag_over=frozenset({"kind"})),
          Bewoner("vader", THUIS), Bewoner("kind", THUIS)], "kind", None, "ouder met gezag"),
        ([Bewoner("moeder", OPVANG, POST_MOEDER, vertrouwelijk=True, gezag_over=frozenset({"kind"})),
          Bewoner("vader", THUIS), Bewoner("kind", THUIS)], "vader", THUIS, "Het woonadres"),
        # a confidential member without gezag makes the shared address confidential for everyone there
        ([Bewoner("moeder", THUIS, POST_MOEDER, vertrouwelijk=True),
          Bewoner("vader", THUIS, gezag_over=frozenset({"kind"})), Bewoner("kind", THUIS)], "vader", None,
         "woont een gezinslid met een vertrouwelijk adres"),
        # the same address written differently is still the same address
        ([Bewoner("moeder", Adres("VOORBEELDKADE", "101", "", "rotterdam"), None, vertrouwelijk=True),
          Bewoner("kind", THUIS)], "kind", None, "vertrouwelijk"),
        # a child's own correspondence address is the child's own
        ([Bewoner("moeder", THUIS, POST_MOEDER, vertrouwelijk=True, gezag_over=frozenset({"kind"})),
          Bewoner("kind", THUIS, POST_KIND)], "kind", POST_KIND, "eigen correspondentieadres"),
        # a child with a confidential address and no correspondence address: nothing
        ([Bewoner("moeder", THUIS, gezag_over=frozenset({"kind"})), Bewoner("kind", THUIS, vertrouwelijk=True)],
         "kind", None, "dit gezinslid heeft een vertrouwelijk adres"),
        # a correspondence address that is in fact someone's confidential address is not sent
        ([Bewoner("moeder", OPVANG, None, vertrouwelijk=True), Bewoner("vader", THUIS, OPVANG)], "vader", None,
         "vertrouwelijk"),
        # nobody confidential: the residential address
        ([Bewoner("moeder", THUIS, gezag_over=frozenset({"kind"})), Bewoner("vader", ELDERS), Bewoner("kind", THUIS)],
         "kind", THUIS, "geen vertrouwelijk adres"),
        ([Bewoner("moeder", THUIS, gezag_over=frozenset({"kind"})), Bewoner("kind", None)], "kind", None,
         "geen volledig postadres"),
    ],
)
def test_keuze_van_het_contactadres(bewoners, ref, verwacht, uitleg):
    keuze = kies_contactadres(ref, bewoners)
    assert keuze.adres == verwacht
    assert uitleg in keuze.uitleg
    assert keuze.omschrijving == ("" if verwacht is None else f"{verwacht.straat} {verwacht.huisnummer}, "
                                                               f"{verwacht.postcode} {verwacht.plaats}")


# --- property: the JSON case of ``manage.py toewijzing`` ------------------------------------------------

INSTELLINGEN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _adres_json(straat: str, huisnummer: str = "1") -> dict:
    return {"straat": straat, "huisnummer": huisnummer, "postcode": "3000 AA", "plaats": "Rotterdam"}


@st.composite
def huishoudens_met_vertrouwelijke_adressen(draw):
    """Members who share the household address ("Thuisx", written in different ways) or live elsewhere
    ("Eigen<i>x"), with random confidential flags, correspondence addresses ("Post<i>x") and gezag."""
    data = draw(casussen())
    start = date.fromisoformat(data["ingangsdatum"])
    kinderen = [lid["ref"] for lid in data["leden"]
                if not is_volwassen_op(date.fromisoformat(lid["geboortedatum"]), start)]
    for i, lid in enumerate(data["leden"]):
        lid.update(voornamen="Test", achternaam="Voorbeeld", bsn=demo_bsn(700 + i), geslacht="0")
        if draw(st.integers(0, 3)):
            lid["adres"] = _adres_json(draw(st.sampled_from(["Thuisx", "THUISX", "thuisx "])), "101")
        elif draw(st.booleans()):
            lid["adres"] = _adres_json(f"Eigen{i}x")
        lid["vertrouwelijk_adres"] = draw(st.booleans())
        if draw(st.booleans()):
            lid["correspondentieadres"] = _adres_json(f"Post{i}x")
        if lid["ref"] not in kinderen and draw(st.booleans()):
            lid["gezag_over"] = [k for k in kinderen if draw(st.booleans())]
    # make the interesting case frequent: an adult with gezag and a confidential address
    volwassenen = [lid for lid in data["leden"] if lid["ref"] not in kinderen]
    if kinderen and volwassenen and draw(st.booleans()):
        ouder = draw(st.sampled_from(volwassenen))
        ouder.update(vertrouwelijk_adres=True, gezag_over=list(kinderen))
    data["aanbieder"] = {"naam": "Testaanbieder", "agb": "01234567"}
    return data


def _marker(lid: dict) -> str | None:
    adres = lid.get("adres")
    return adres["straat"].strip().casefold() if adres else None


@INSTELLINGEN
@given(huishoudens_met_vertrouwelijke_adressen(), st.sampled_from(["omvang", "budget"]))
def test_nooit_adres_van_een_ander_vertrouwelijk_of_van_het_huishouden(data, variant):
    begroting, uitkomst = berichten_van_json(data, variant)
    leden = {lid["ref"]: lid for lid in data["leden"]}
    vertrouwelijk = {_marker(lid) for lid in leden.values() if lid["vertrouwelijk_adres"]} - {None}
    for klaar in uitkomst.berichten:
        assert klaar.fouten == [], klaar.fouten  # XSD and the extra rules still pass
        ref = klaar.bericht.client.ref
        eigen = leden[ref]
        gestuurd = [s.casefold() for s in _adressen(klaar.xml)]
        assert len(gestuurd) <= 1
        for ander_ref, ander in leden.items():
            if ander_ref != ref:
                assert f"post{data['leden'].index(ander)}x" not in gestuurd  # never another member's
                assert f"eigen{data['leden'].index(ander)}x" not in gestuurd
        assert not vertrouwelijk & set(gestuurd)  # never a confidential address (also not one's own)
        ouder_vertrouwelijk = any(ref in lid.get("gezag_over", []) and lid["vertrouwelijk_adres"]
                                  for lid in leden.values())
        if ouder_vertrouwelijk:
            assert "thuisx" not in gestuurd  # never the household address
            assert f"eigen{data['leden'].index(eigen)}x" not in gestuurd
        # and not more careful than needed: the own correspondence address, or else the own residential
        # address when nothing confidential is involved, does go
        post = eigen.get("correspondentieadres")
        if post and post["straat"].casefold() not in vertrouwelijk:
            assert gestuurd == [post["straat"].casefold()]
        elif not post and not eigen["vertrouwelijk_adres"] and not ouder_vertrouwelijk and _marker(eigen) \
                and _marker(eigen) not in vertrouwelijk:
            assert gestuurd == [_marker(eigen)]
        assert klaar.contact is not None and klaar.contact.uitleg
        assert (klaar.contact.adres is None) == (gestuurd == [])


# --- the decided versions in the database, and the screens ---------------------------------------------

@dataclass
class Lid:
    naam: str
    geboren: date = date(1988, 3, 14)
    gezag: bool = False
    vertrouwelijk: bool = False
    elders: Adres | None = None
    post: Adres | None = None
    rollen: list[str] = field(default_factory=lambda: ["slachtoffer"])


GEVALLEN = {
    "moeder met gezag en vertrouwelijk adres woont met het kind": (
        [Lid("Moeder", gezag=True, vertrouwelijk=True, post=POST_MOEDER), Lid("Kind", date(2015, 4, 1))],
        {"Moeder": "Postbus", "Kind": None},
    ),
    "moeder met gezag in de opvang, kind bij de vader": (
        [Lid("Moeder", gezag=True, vertrouwelijk=True, elders=OPVANG, post=POST_MOEDER),
         Lid("Vader", date(1986, 7, 2), rollen=["pleger"]), Lid("Kind", date(2015, 4, 1))],
        {"Moeder": "Postbus", "Vader": "Voorbeeldkade", "Kind": None},
    ),
    "moeder zonder gezag met vertrouwelijk adres, vader met gezag woont er ook": (
        [Lid("Moeder", vertrouwelijk=True, post=POST_MOEDER), Lid("Vader", date(1986, 7, 2), gezag=True),
         Lid("Kind", date(2015, 4, 1))],
        {"Moeder": "Postbus", "Vader": None, "Kind": None},
    ),
    "kind met eigen vertrouwelijk adres en correspondentieadres": (
        [Lid("Moeder", gezag=True), Lid("Kind", date(2015, 4, 1), vertrouwelijk=True, post=POST_KIND)],
        {"Moeder": None, "Kind": "Correspondentieweg"},
    ),
    "kind met eigen correspondentieadres bij een vertrouwelijke ouder": (
        [Lid("Moeder", gezag=True, vertrouwelijk=True, post=POST_MOEDER),
         Lid("Kind", date(2015, 4, 1), post=POST_KIND)],
        {"Moeder": "Postbus", "Kind": "Correspondentieweg"},
    ),
    "niemand vertrouwelijk": (
        [Lid("Moeder", gezag=True), Lid("Vader", date(1986, 7, 2), gezag=True, elders=ELDERS),
         Lid("Kind", date(2015, 4, 1))],
        {"Moeder": "Voorbeeldkade", "Vader": "Anderlaan", "Kind": "Voorbeeldkade"},
    ),
}


def _huishouden(team, leden: list[Lid]):
    h = HuishoudenFactory(team=team, straat=THUIS.straat, huisnummer=THUIS.huisnummer, postcode=THUIS.postcode,
                          plaats=THUIS.plaats)
    for volgorde, lid in enumerate(leden):
        extra = {}
        if lid.elders:
            extra.update(woont_elders=True, straat=lid.elders.straat, huisnummer=lid.elders.huisnummer,
                         postcode=lid.elders.postcode, plaats=lid.elders.plaats)
        if lid.post:
            extra.update(corr_straat=lid.post.straat, corr_huisnummer=lid.post.huisnummer,
                         corr_postcode=lid.post.postcode, corr_plaats=lid.post.plaats)
        volwassen = is_volwassen_op(lid.geboren, date(2026, 2, 2))
        GezinslidFactory(huishouden=h, voornamen=lid.naam, achternaam="Voorbeeld", geboortedatum=lid.geboren,
                         relatie="ouder" if volwassen else "kind", rollen=lid.rollen if volwassen else ["getuige"],
                         heeft_gezag=lid.gezag, vertrouwelijk_adres=lid.vertrouwelijk, volgorde=volgorde, **extra)
    return h


def _verboden(leden: list[Lid], naam: str) -> set[str]:
    """Streets that must not be in the message of ``naam``."""
    verboden = set()
    for lid in leden:
        woont = (lid.elders or THUIS).straat
        if lid.naam != naam:
            verboden |= {a.straat for a in (lid.elders, lid.post) if a is not None}
        if lid.vertrouwelijk:
            verboden.add(woont)
    ik = next(lid for lid in leden if lid.naam == naam)
    if not is_volwassen_op(ik.geboren, date(2026, 2, 2)) and any(lid.gezag and lid.vertrouwelijk for lid in leden):
        verboden.add(THUIS.straat)
    return verboden


@pytest.mark.django_db
@pytest.mark.parametrize("geval", list(GEVALLEN), ids=list(GEVALLEN))
def test_vastgestelde_versie_kiest_veilig_contactadres(geval, team, aanbieder, indicatiesteller, beslisser):
    leden, verwacht = GEVALLEN[geval]
    h = _huishouden(team, leden)
    versie = vastgesteld(h, aanbieder, maak_taxatie(h, indicatiesteller), indicatiesteller, beslisser)
    berichten = {b.gezinslid.voornamen: b for b in Uitgaandbericht.objects.filter(versie=versie)}
    assert set(berichten) == set(verwacht)
    for naam, b in berichten.items():
        xml = bytes(b.xml)
        assert b.status == BerichtStatus.KLAAR, b.regelfouten
        assert controleer(xml, b.wet) == []
        assert b.berichtsoort == ("JW301" if naam == "Kind" else "WMO301")
        gestuurd = _adressen(xml)
        assert gestuurd == ([verwacht[naam]] if verwacht[naam] else [])
        for straat in _verboden(leden, naam):
            assert straat not in xml.decode(), (naam, straat)
        assert b.contactadres_uitleg
        assert (b.contactadres == "") == (verwacht[naam] is None)
        if verwacht[naam]:
            assert b.contactadres.startswith(verwacht[naam])


@pytest.mark.django_db
def test_scherm_toont_welk_adres_en_waarom(client_als, team, aanbieder, indicatiesteller, beslisser):
    leden, _ = GEVALLEN["moeder met gezag en vertrouwelijk adres woont met het kind"]
    h = _huishouden(team, leden)
    versie = vastgesteld(h, aanbieder, maak_taxatie(h, indicatiesteller), indicatiesteller, beslisser)
    kind = Uitgaandbericht.objects.get(versie=versie, berichtsoort="JW301")
    web = client_als(indicatiesteller)
    tekst = web.get(reverse("toewijzingen:detail", args=[kind.pk])).content.decode()
    assert "Contactadres in het bericht" in tekst
    assert "<strong>geen adres</strong>" in tekst
    assert "een ouder met gezag heeft een vertrouwelijk adres" in tekst, tekst[tekst.find("Contactadres in"):][:900]
    assert "Voorbeeldkade" not in tekst and "Postbus" not in tekst
    overzicht = web.get(reverse("toewijzingen:versie", args=[versie.pk])).content.decode()
    assert "<strong>Postbus 1000, 3000 DD Rotterdam</strong>" in overzicht
    assert "Het eigen correspondentieadres van dit gezinslid." in overzicht
    assert "Voorbeeldkade" not in overzicht


@pytest.mark.django_db
def test_opnieuw_controleren_houdt_dezelfde_regel(team, aanbieder, indicatiesteller, beslisser):
    leden, _ = GEVALLEN["moeder met gezag en vertrouwelijk adres woont met het kind"]
    h = _huishouden(team, leden)
    kind = h.leden.get(voornamen="Kind")
    kind.bsn = "123456789"  # fails the elfproef: the message is rejected first
    kind.save()
    versie = vastgesteld(h, aanbieder, maak_taxatie(h, indicatiesteller), indicatiesteller, beslisser)
    b = Uitgaandbericht.objects.get(versie=versie, gezinslid=kind)
    assert b.status == BerichtStatus.AFGEKEURD
    kind.bsn = "999900018"
    kind.save()
    b = services.controleer_opnieuw(bericht=b, door=beslisser)
    assert b.status == BerichtStatus.KLAAR
    assert _adressen(bytes(b.xml)) == [] and "Voorbeeldkade" not in bytes(b.xml).decode()
    assert "ouder met gezag" in b.contactadres_uitleg


@pytest.mark.django_db
def test_commando_volgt_dezelfde_regel_en_meldt_de_keuze(tmp_path, capsys):
    from .test_command import casus, draai

    data = casus()
    moeder, vader, kind_a, kind_b = data["leden"]
    moeder["gezag_over"] = ["kind_a", "kind_b"]
    for kind in (kind_a, kind_b):  # the children live at the mother's confidential address
        kind["adres"] = dict(moeder["adres"])
    code, _, fout, uit = draai(tmp_path, data, capsys, "--verbosity", "2")
    assert code == 0, fout
    kind = (uit / "kind_b-JW301.xml").read_bytes()
    assert _adressen(kind) == [] and b"Geheimeweg" not in kind and b"Postbus" not in kind
    assert _adressen((uit / "moeder-WMO301.xml").read_bytes()) == ["Postbus"]
    assert "Contactadres in kind_b-JW301.xml: geen adres. Geen adres in het bericht: een ouder met gezag" in fout
