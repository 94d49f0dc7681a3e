"""Checks of a 301 message: the XSD (the app's own copies in ``xsd/``) and the iStandaard's conditions
and constraints the XSD cannot express (standaarden.md §1.4), plus this app's privacy rules.

``controleer(xml, wet)`` returns a list of ``Regelfout`` (empty = the message may be offered for
sending). The checks read the XML itself, so what is checked is exactly what would be sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from lxml import etree

from hgarr.bsn import is_geldig_bsn

from .bericht import Wet
from .xml import NAMESPACES

XSD_MAP = Path(__file__).resolve().parent / "xsd"
SCHEMA_BESTANDEN = {
    Wet.WMO: XSD_MAP / "iwmo-3.2" / "WMO301.xsd",
    Wet.JEUGDWET: XSD_MAP / "ijw-3.2" / "JW301.xsd",
}
GRENS_2020 = date(2020, 12, 31)


@dataclass(frozen=True)
class Regelfout:
    regel: str  # rule code: "XSD", "CD077/CD078", "CS002", ...
    melding: str  # one Dutch sentence

    def __str__(self) -> str:
        return f"Regel {self.regel}: {self.melding}"


@cache
def schema(wet: Wet) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_BESTANDEN[Wet(wet)])))


def _datum(tekst: str | None) -> date | None:
    try:
        return date.fromisoformat(tekst) if tekst else None
    except ValueError:
        return None


def controleer_xsd(doc: etree._ElementTree, wet: Wet) -> list[Regelfout]:
    xsd = schema(Wet(wet))
    if xsd.validate(doc):
        return []
    fout = xsd.error_log.last_error
    naam = Wet(wet).berichtnaam
    return [Regelfout("XSD", f"Het bericht voldoet niet aan {naam}.xsd (regel {fout.line}): {fout.message}")]


def controleer_regels(doc: etree._ElementTree, wet: Wet) -> list[Regelfout]:
    """The conditions and constraints of standaarden.md §1.4 and the privacy rules (§3.2)."""
    bericht_ns, basis_ns, _, _ = NAMESPACES[Wet(wet)]
    ns = {"b": bericht_ns, "g": basis_ns}
    root = doc.getroot()
    fouten: list[Regelfout] = []

    def tekst(el, pad: str) -> str | None:
        waarden = el.xpath(pad + "/text()", namespaces=ns)
        return waarden[0].strip() if waarden else None

    def heeft(el, pad: str) -> bool:
        return bool(el.xpath(pad, namespaces=ns))

    # CS002: the BSN passes the elfproef (the XSD only checks 9 digits, RS037).
    bsn = tekst(root, "b:Client/b:Bsn")
    if bsn is not None and not is_geldig_bsn(bsn):
        fouten.append(Regelfout("CS002", f"Het BSN van de cliënt ({bsn}) voldoet niet aan de elfproef."))

    # Privacy (standaarden.md §3.2): no other person's data, no shelter name, no narrative (OP191).
    if heeft(root, "b:Client/b:Relaties"):
        fouten.append(Regelfout("HG-PRIVACY", "Het bericht bevat Relaties: gegevens van andere personen "
                                              "worden niet meegestuurd."))
    if heeft(root, ".//b:Contact/b:Organisatie"):
        fouten.append(Regelfout("HG-PRIVACY", "Het bericht bevat een Organisatie bij het contact; die kan een "
                                              "opvanglocatie verraden."))
    if heeft(root, "b:Client/b:Commentaar") or heeft(root, ".//b:ToegewezenProduct/b:Commentaar"):
        fouten.append(Regelfout("OP191", "Het bericht bevat Commentaar; casusinformatie hoort niet in een "
                                         "toewijzing."))

    for contact in root.xpath(".//b:Contact", namespaces=ns):
        soort = tekst(contact, "b:Soort")
        if heeft(contact, "b:Periode") and soort != "04":
            fouten.append(Regelfout("CD009", "Een Periode bij een contact mag alleen bij Soort 04 "
                                             "(tijdelijk verblijfadres)."))
        if tekst(contact, "b:Adres/g:LandCode") == "NL" and not heeft(contact, "b:Adres/g:Huis"):
            fouten.append(Regelfout("CD025", "Een Nederlands adres (LandCode NL) moet een huisnummer hebben."))
        if soort in ("01", "03") and heeft(contact, "b:Adres") and not heeft(contact, "b:Adres/g:Postcode"):
            fouten.append(Regelfout("CD034", f"Een adres van Soort {soort} moet een postcode hebben."))

    gezien: set[str] = set()
    for tp in root.xpath(".//b:ToegewezenProduct", namespaces=ns):
        nummer = tekst(tp, "b:ToewijzingNummer") or "?"
        wie = f"toewijzing {nummer}"
        if nummer in gezien:
            fouten.append(Regelfout("9332", f"ToewijzingNummer {nummer} komt meer dan eens voor; het moet "
                                            "uniek zijn binnen de wet."))
        gezien.add(nummer)
        code = tekst(tp, "b:Product/g:Code")
        heeft_product = heeft(tp, "b:Product")
        heeft_omvang = heeft(tp, "b:Omvang")
        budget = tekst(tp, "b:Budget")
        ingang = _datum(tekst(tp, "b:Ingangsdatum"))
        einde_tekst = tekst(tp, "b:Einddatum")
        einde = _datum(einde_tekst)
        eenheid = tekst(tp, "b:Omvang/g:Eenheid")
        frequentie = tekst(tp, "b:Omvang/g:Frequentie")
        reden = tekst(tp, "b:RedenWijziging")
        na_2020 = einde is None or einde > GRENS_2020

        if budget is None and not heeft_product:
            fouten.append(Regelfout("CD079", f"{wie}: zonder Budget is een Product verplicht."))
        if code and not heeft_omvang:
            fouten.append(Regelfout("CD041", f"{wie}: met een productcode is een Omvang verplicht."))
        if heeft_omvang and not code and na_2020:
            fouten.append(Regelfout("CD080", f"{wie}: een Omvang vraagt een productcode; zonder code moet de "
                                             "Omvang leeg zijn."))
        if heeft_omvang and budget is not None:
            fouten.append(Regelfout("CD077/CD078", f"{wie}: Omvang en Budget sluiten elkaar uit."))
        if budget is not None and einde_tekst is None:
            fouten.append(Regelfout("CD075", f"{wie}: bij een Budget is een Einddatum verplicht."))
        if frequentie == "2" and einde_tekst is None:
            fouten.append(Regelfout("CD076", f"{wie}: bij de frequentie 'per week' is een Einddatum "
                                             "verplicht."))
        if eenheid in ("14", "16", "83", "84") and na_2020 and frequentie not in ("2", "4", "6"):
            fouten.append(Regelfout("CS338", f"{wie}: bij eenheid {eenheid} moet de frequentie per week, per "
                                             "maand of totaal zijn."))
        if reden == "01":
            fouten.append(Regelfout("CS336", f"{wie}: RedenWijziging 01 is vervallen en mag niet worden "
                                             "gebruikt."))
        if reden == "13" and (einde is None or einde != ingang):
            fouten.append(Regelfout("CS335", f"{wie}: RedenWijziging 13 (verwijderd) mag alleen als de "
                                             "Einddatum gelijk is aan de Ingangsdatum."))
        if ingang and einde and einde < ingang:
            fouten.append(Regelfout("HG-PERIODE", f"{wie}: de Einddatum ligt vóór de Ingangsdatum."))
    return fouten


def controleer(xml: bytes, wet: Wet | str) -> list[Regelfout]:
    """All checks. A message that is not well-formed XML gives one XSD error."""
    wet = Wet(wet)
    try:
        doc = etree.ElementTree(etree.fromstring(xml))
    except etree.XMLSyntaxError as fout:
        return [Regelfout("XSD", f"Het bericht is geen geldige XML: {fout}")]
    return controleer_xsd(doc, wet) + controleer_regels(doc, wet)
