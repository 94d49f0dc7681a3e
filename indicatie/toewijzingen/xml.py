"""From a ``Bericht`` to the XML of a WMO301 / JW301 (iWmo / iJw 3.2), element order as in the XSD.

Privacy (standaarden.md §3.2, DESIGN.md §4): the message carries the client's own data only. No
``Relaties`` (no other member's name or address), no ``Organisatie`` (it could reveal a shelter), no
``Commentaar`` (OP191: no case narrative), and one ``Contact`` of Soort 02 (correspondentie) with the
client's own safe postal address, or without an address when there is none (XSD-valid).
"""

from __future__ import annotations

import re

from lxml import etree

from .bericht import (
    CONTACT_CORRESPONDENTIE,
    NAAMGEBRUIK_EIGEN,
    Adres,
    Bericht,
    Client,
    ToegewezenProduct,
    Wet,
)

NAMESPACES = {
    Wet.WMO: (
        "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema",
        "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
        "wmo301",
        "iwmo",
    ),
    Wet.JEUGDWET: (
        "http://www.istandaarden.nl/ijw/3_2/jw301/schema",
        "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        "jw301",
        "ijw",
    ),
}

_HUISNUMMER = re.compile(r"^\s*(\d{1,5})\s*(?:([A-Za-z])(?![A-Za-z]))?\s*[-/\s]?\s*(.*?)\s*$")
_POSTCODE_NL = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_LETTER = re.compile(r"[a-zA-ZÀ-ỳ]")


def splits_huisnummer(waarde: str) -> tuple[int, str | None, str | None] | None:
    """'12' -> (12, None, None); '12a' -> (12, 'a', None); '12-3' / '12 bis' -> (12, None, '3'/'bis')."""
    m = _HUISNUMMER.match(waarde or "")
    if not m:
        return None
    nummer = int(m.group(1))
    letter = m.group(2) or None
    toevoeging = re.sub(r"\s+", "", m.group(3) or "")[:4] or None
    return nummer, letter, toevoeging


def normaliseer_postcode(waarde: str) -> str | None:
    """Dutch postcodes without a space and in capitals ('3000 aa' -> '3000AA'); others as given (max 8)."""
    compact = re.sub(r"\s+", "", waarde or "").upper()
    if not compact:
        return None
    if _POSTCODE_NL.match(compact):
        return compact
    kort = " ".join((waarde or "").split())
    return kort[:8] if kort else None


def voorletters(voornamen: str) -> str | None:
    letters = ""
    for naam in (voornamen or "").split():
        m = _LETTER.search(naam)
        if m:
            letters += m.group(0).upper()
    return letters[:6] or None


def _tekst(waarde: str, maximum: int) -> str | None:
    waarde = " ".join((waarde or "").split())
    return waarde[:maximum].rstrip() or None


class _Schrijver:
    def __init__(self, wet: Wet):
        self.bericht_ns, self.basis_ns, self.bericht_prefix, self.basis_prefix = NAMESPACES[wet]

    def b(self, ouder, naam: str, tekst: str | None = None):
        """An element of the message schema (wmo301 / jw301)."""
        return self._sub(ouder, self.bericht_ns, naam, tekst)

    def g(self, ouder, naam: str, tekst: str | None = None):
        """An element of a basisschema type (iwmo / ijw)."""
        return self._sub(ouder, self.basis_ns, naam, tekst)

    @staticmethod
    def _sub(ouder, ns, naam, tekst):
        el = etree.SubElement(ouder, f"{{{ns}}}{naam}")
        if tekst is not None:
            el.text = str(tekst)
        return el


def _adres(s: _Schrijver, contact, adres: Adres) -> None:
    huis = splits_huisnummer(adres.huisnummer)
    straat = _tekst(adres.straat, 24)
    plaats = _tekst(adres.plaats, 80)
    postcode = normaliseer_postcode(adres.postcode)
    if not (huis or straat or plaats or postcode):
        return
    el = s.b(contact, "Adres")
    if huis is not None:
        h = s.g(el, "Huis")
        s.g(h, "Huisnummer", str(huis[0]))
        if huis[1]:
            s.g(h, "Huisletter", huis[1])
        if huis[2]:
            s.g(h, "HuisnummerToevoeging", huis[2])
    if postcode:
        s.g(el, "Postcode", postcode)
    if straat:
        s.g(el, "Straatnaam", straat)
    if plaats:
        s.g(el, "Plaatsnaam", plaats)
    if huis is not None:
        s.g(el, "LandCode", "NL")  # CD025: with LandCode NL a Huis is required, and it is there


def _client(s: _Schrijver, root, client: Client, producten) -> None:
    c = s.b(root, "Client")
    s.b(c, "Bsn", client.bsn)
    gd = s.b(c, "Geboortedatum")
    s.g(gd, "Datum", client.geboortedatum.isoformat())
    s.b(c, "Geslacht", client.geslacht)
    naam = s.b(c, "Naam")
    gn = s.g(naam, "Geslachtsnaam")
    s.g(gn, "Achternaam", _tekst(client.achternaam, 200))
    voorvoegsel = _tekst(client.voorvoegsel, 10)
    if voorvoegsel:
        s.g(gn, "Voorvoegsel", voorvoegsel)
    voornamen = _tekst(client.voornamen, 200)
    if voornamen:
        s.g(naam, "Voornamen", voornamen)
    letters = voorletters(client.voornamen)
    if letters:
        s.g(naam, "Voorletters", letters)
    s.g(naam, "NaamGebruik", NAAMGEBRUIK_EIGEN)
    contactgegevens = s.b(c, "Contactgegevens")
    contact = s.b(contactgegevens, "Contact")
    s.b(contact, "Soort", CONTACT_CORRESPONDENTIE)
    if client.adres is not None and client.adres.is_compleet:
        _adres(s, contact, client.adres)
    tp = s.b(c, "ToegewezenProducten")
    for product in producten:
        _product(s, tp, product)


def _product(s: _Schrijver, ouder, p: ToegewezenProduct) -> None:
    el = s.b(ouder, "ToegewezenProduct")
    s.b(el, "ToewijzingNummer", str(p.nummer))
    if p.categorie:
        prod = s.b(el, "Product")
        s.g(prod, "Categorie", p.categorie)
        if p.code:
            s.g(prod, "Code", p.code)
    s.b(el, "Toewijzingsdatum", p.toewijzingsdatum.isoformat())
    s.b(el, "Toewijzingstijd", p.toewijzingstijd.replace(microsecond=0, tzinfo=None).isoformat())
    s.b(el, "Ingangsdatum", p.ingangsdatum.isoformat())
    if p.einddatum is not None:
        s.b(el, "Einddatum", p.einddatum.isoformat())
    if p.reden_wijziging:
        s.b(el, "RedenWijziging", p.reden_wijziging)
    if p.volume is not None:
        omvang = s.b(el, "Omvang")
        s.g(omvang, "Volume", str(p.volume))
        s.g(omvang, "Eenheid", p.eenheid or "")
        s.g(omvang, "Frequentie", p.frequentie or "")
    if p.budget is not None:
        s.b(el, "Budget", str(p.budget))


def naar_xml(bericht: Bericht) -> bytes:
    s = _Schrijver(bericht.wet)
    root = etree.Element(
        f"{{{s.bericht_ns}}}Bericht", nsmap={s.bericht_prefix: s.bericht_ns, s.basis_prefix: s.basis_ns}
    )
    header = s.b(root, "Header")
    s.b(header, "BerichtCode", bericht.wet.berichtcode)
    s.b(header, "BerichtVersie", "3")
    s.b(header, "BerichtSubversie", "2")
    s.b(header, "Afzender", bericht.afzender)
    s.b(header, "Ontvanger", bericht.ontvanger)
    bi = s.b(header, "BerichtIdentificatie")
    s.g(bi, "Identificatie", bericht.identificatie)
    s.g(bi, "Dagtekening", bericht.dagtekening.isoformat())
    xv = s.b(header, "XsdVersie")
    s.g(xv, "BasisschemaXsdVersie", bericht.basisschema_versie)
    s.g(xv, "BerichtXsdVersie", bericht.bericht_versie)
    _client(s, root, bericht.client, bericht.producten)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
