"""Invented test data for the toewijzing messages (BSNs from the test range, elfproef valid)."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import assume
from lxml import etree
from pydantic import ValidationError

from indicatie.toewijzingen.bericht import Adres, Bericht, Client, ToegewezenProduct, Wet
from indicatie.toewijzingen.xml import NAMESPACES, naar_xml
from tests.factories import nieuw_test_bsn
from tests.tarieven.conftest import valideer


def client(ref: str = "moeder", **kwargs) -> Client:
    gegevens = dict(
        ref=ref, bsn=nieuw_test_bsn(), geboortedatum=date(1988, 3, 14), geslacht="2", achternaam="Voorbeeld",
        voornamen="Anna Maria", voorvoegsel="van", adres=Adres("Teststraat", "12a", "3000 AA", "Rotterdam"),
    )
    gegevens.update(kwargs)
    return Client(**gegevens)


def product(nummer: int = 1, *, wet: Wet = Wet.WMO, budget: bool = False, **kwargs) -> ToegewezenProduct:
    gegevens = dict(
        nummer=nummer, categorie="10" if wet == Wet.WMO else "50", code=None if budget else "VBW01",
        toewijzingsdatum=date(2026, 11, 23), toewijzingstijd=time(10, 15), ingangsdatum=date(2026, 12, 1),
        einddatum=date(2027, 11, 30),
    )
    if budget:
        gegevens["budget"] = 640000
    else:
        gegevens.update(volume=12279, eenheid="83", frequentie="2")
    gegevens.update(kwargs)
    return ToegewezenProduct(**gegevens)


def bericht(wet: Wet = Wet.WMO, *, producten=None, **kwargs) -> Bericht:
    gegevens = dict(
        wet=wet, afzender="0599", ontvanger="12345678", identificatie="HG0000000001",
        dagtekening=date(2026, 11, 23), basisschema_versie="1.0.0", bericht_versie="1.0.0",
        client=client(), producten=tuple(producten or [product(wet=wet)]),
    )
    gegevens.update(kwargs)
    return Bericht(**gegevens)


def ns(wet: Wet) -> dict[str, str]:
    b, g, _, _ = NAMESPACES[wet]
    return {"b": b, "g": g}


def bewerk(xml: bytes, wet: Wet, functie) -> bytes:
    """Parse, let ``functie(root, ns, maak)`` change the tree, serialise again."""
    root = etree.fromstring(xml)
    n = ns(wet)

    def maak(ouder, naam: str, tekst: str | None = None, basis: bool = False, na: str | None = None):
        el = etree.Element(f"{{{n['g' if basis else 'b']}}}{naam}")
        if tekst is not None:
            el.text = tekst
        if na is not None:
            ouder.xpath(na, namespaces=n)[0].addnext(el)
        else:
            ouder.append(el)
        return el

    functie(root, n, maak)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def xml_van(b: Bericht) -> bytes:
    return naar_xml(b)


def berichten_van_json(data: dict, variant: str):
    """(begroting, uitkomst) of a JSON case as ``manage.py toewijzing`` makes them; a case the engine
    refuses is skipped by hypothesis."""
    from indicatie.toewijzingen.invoer import ToewijzingInvoer
    from indicatie.toewijzingen.samenstellen import berichten_voor_casus
    from tarieven.engine import bereken

    try:
        casus = valideer(data)
    except ValidationError:
        assume(False)
    begroting = bereken(casus)
    invoer = ToewijzingInvoer.model_validate(data)
    return begroting, berichten_voor_casus(invoer, begroting, moment=datetime(2026, 11, 23, 10, 0), variant=variant)
