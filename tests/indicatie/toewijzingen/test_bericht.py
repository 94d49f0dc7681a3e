"""Every message kind validates against the XSD (two validators) and the iStandaard's extra rules; each
extra rule has a violating example that the XSD alone lets through (standaarden.md §1.4)."""

from datetime import date

import pytest
import xmlschema
from lxml import etree

from indicatie.toewijzingen.bericht import Adres, Wet
from indicatie.toewijzingen.regels import SCHEMA_BESTANDEN, controleer, controleer_xsd
from indicatie.toewijzingen.xml import normaliseer_postcode, splits_huisnummer, voorletters

from .helpers import bericht, bewerk, client, product, xml_van

SOORTEN = [
    pytest.param(Wet.WMO, False, id="WMO301-omvang"),
    pytest.param(Wet.WMO, True, id="WMO301-budget"),
    pytest.param(Wet.JEUGDWET, False, id="JW301-omvang"),
    pytest.param(Wet.JEUGDWET, True, id="JW301-budget"),
]


def _xsd_fouten(xml: bytes, wet: Wet):
    return controleer_xsd(etree.ElementTree(etree.fromstring(xml)), wet)


@pytest.mark.parametrize("wet,budget", SOORTEN)
def test_elke_berichtsoort_is_geldig(wet, budget):
    producten = [
        product(1, wet=wet, budget=budget),
        # a changed one (05) and a deleted one (13, Einddatum = Ingangsdatum: CS335)
        product(2, wet=wet, budget=budget, einddatum=date(2027, 3, 31), reden_wijziging="05"),
        product(3, wet=wet, budget=budget, einddatum=date(2026, 12, 1), reden_wijziging="13"),
    ]
    if wet == Wet.JEUGDWET and not budget:
        producten = [p.__class__(**{**p.__dict__, "code": "VBJ01"}) for p in producten]
    xml = xml_van(bericht(wet, producten=producten))
    assert controleer(xml, wet) == []
    # second opinion: xmlschema agrees with lxml
    xmlschema.XMLSchema(str(SCHEMA_BESTANDEN[wet])).validate(xml.decode())
    root = etree.fromstring(xml)
    assert root.tag.endswith("}Bericht")
    code = root.xpath("//*[local-name()='BerichtCode']/text()")[0]
    assert code == ("414" if wet == Wet.WMO else "436")
    if budget:
        assert root.xpath("//*[local-name()='Budget']/text()") == ["640000"] * 3
        assert root.xpath("//*[local-name()='Omvang']") == []
        assert root.xpath("//*[local-name()='Code']") == []
    else:
        assert root.xpath("//*[local-name()='Eenheid']/text()") == ["83"] * 3
        assert root.xpath("//*[local-name()='Frequentie']/text()") == ["2"] * 3
        assert root.xpath("//*[local-name()='Budget']") == []


def test_header_gemeentecode_agb_en_versies():
    xml = xml_van(bericht(Wet.WMO, afzender="0599", ontvanger="87654321", basisschema_versie="1.0.0"))
    root = etree.fromstring(xml)
    assert root.xpath("//*[local-name()='Afzender']/text()") == ["0599"]
    assert root.xpath("//*[local-name()='Ontvanger']/text()") == ["87654321"]
    assert root.xpath("//*[local-name()='BasisschemaXsdVersie']/text()") == ["1.0.0"]
    assert root.xpath("//*[local-name()='Identificatie']/text()") == ["HG0000000001"]


def _product_pad(n):
    return f"b:Client/b:ToegewezenProducten/b:ToegewezenProduct[{n}]"


def _regels(xml, wet=Wet.WMO):
    return {f.regel for f in controleer(xml, wet)}


def test_cd077_cd078_omvang_en_budget_sluiten_elkaar_uit():
    def voeg_budget_toe(root, n, maak):
        maak(root.xpath(_product_pad(1), namespaces=n)[0], "Budget", "1000")

    xml = bewerk(xml_van(bericht()), Wet.WMO, voeg_budget_toe)
    assert _xsd_fouten(xml, Wet.WMO) == []  # the XSD lets it through
    assert "CD077/CD078" in _regels(xml)


@pytest.mark.parametrize("budget,regel", [(True, "CD075"), (False, "CD076")])
def test_einddatum_verplicht_bij_budget_en_per_week(budget, regel):
    def zonder_einde(root, n, maak):
        el = root.xpath(_product_pad(1) + "/b:Einddatum", namespaces=n)[0]
        el.getparent().remove(el)

    xml = bewerk(xml_van(bericht(producten=[product(budget=budget)])), Wet.WMO, zonder_einde)
    assert _xsd_fouten(xml, Wet.WMO) == []
    assert regel in _regels(xml)


def test_cs002_bsn_elfproef():
    xml = xml_van(bericht(client=client(bsn="123456789")))  # 9 digits, fails the elfproef
    assert _xsd_fouten(xml, Wet.WMO) == []
    fouten = controleer(xml, Wet.WMO)
    assert [f.regel for f in fouten] == ["CS002"]
    assert "elfproef" in fouten[0].melding


def test_cd041_code_vraagt_omvang():
    def zonder_omvang(root, n, maak):
        el = root.xpath(_product_pad(1) + "/b:Omvang", namespaces=n)[0]
        el.getparent().remove(el)

    xml = bewerk(xml_van(bericht()), Wet.WMO, zonder_omvang)
    assert _xsd_fouten(xml, Wet.WMO) == []
    assert "CD041" in _regels(xml)


def test_cd080_omvang_vraagt_productcode():
    xml = xml_van(bericht(producten=[product(code=None)]))
    assert _xsd_fouten(xml, Wet.WMO) == []
    assert "CD080" in _regels(xml)


def test_cd079_zonder_budget_is_product_verplicht():
    xml = xml_van(bericht(producten=[product(categorie="", code=None, volume=None, eenheid=None, frequentie=None)]))
    assert "CD079" in _regels(xml)


def test_cs335_verwijderd_alleen_met_einddatum_is_ingangsdatum():
    xml = xml_van(bericht(producten=[product(reden_wijziging="13")]))
    assert _xsd_fouten(xml, Wet.WMO) == []
    assert "CS335" in _regels(xml)


def test_cs336_reden_01_vervallen():
    xml = xml_van(bericht(producten=[product(reden_wijziging="01")]))
    assert "CS336" in _regels(xml)


def test_cs338_eenheid_euro_vraagt_week_maand_of_totaal():
    xml = xml_van(bericht(producten=[product(frequentie="1")]))
    assert "CS338" in _regels(xml)


def test_toewijzingnummer_uniek_in_bericht():
    xml = xml_van(bericht(producten=[product(7), product(7, code="VBW02")]))
    assert "9332" in _regels(xml)


def test_einddatum_niet_voor_ingangsdatum():
    xml = xml_van(bericht(producten=[product(einddatum=date(2026, 11, 1))]))
    assert "HG-PERIODE" in _regels(xml)


def test_xsd_fout_wordt_gemeld():
    xml = xml_van(bericht(ontvanger="1234"))  # AGB must be 8 digits
    fouten = controleer(xml, Wet.WMO)
    assert fouten[0].regel == "XSD"
    assert "WMO301.xsd" in fouten[0].melding


def test_geen_xml():
    assert controleer(b"<geen", Wet.WMO)[0].regel == "XSD"


@pytest.mark.parametrize("element", ["Organisatie", "Relaties", "Commentaar"])
def test_privacyregels(element):
    def voeg_toe(root, n, maak):
        if element == "Organisatie":
            maak(root.xpath("b:Client/b:Contactgegevens/b:Contact", namespaces=n)[0], "Organisatie",
                 "Blijf Huis", na="b:Adres")
        elif element == "Relaties":
            relaties = maak(root.xpath("b:Client", namespaces=n)[0], "Relaties", na="b:Naam")
            relatie = maak(relaties, "Relatie")
            maak(relatie, "Nummer", "1")
            maak(relatie, "Soort", "18")
            naam = maak(relatie, "Naam")
            gn = maak(naam, "Geslachtsnaam", basis=True)
            maak(gn, "Achternaam", "Ander", basis=True)
            maak(naam, "NaamGebruik", "1", basis=True)
            contact = maak(relatie, "Contact")
            maak(contact, "Soort", "01")
        else:
            maak(root.xpath("b:Client", namespaces=n)[0], "Commentaar", "Vlucht na geweld", na="b:Naam")

    xml = bewerk(xml_van(bericht()), Wet.WMO, voeg_toe)
    assert _xsd_fouten(xml, Wet.WMO) == []
    assert _regels(xml) & {"HG-PRIVACY", "OP191"}


def test_alleen_eigen_adres_als_correspondentieadres():
    xml = xml_van(bericht(client=client(adres=Adres("Postbus", "1000", "3000 dd", "Rotterdam"))))
    root = etree.fromstring(xml)
    assert root.xpath("//*[local-name()='Contact']/*[local-name()='Soort']/text()") == ["02"]
    assert root.xpath("//*[local-name()='Postcode']/text()") == ["3000DD"]
    assert root.xpath("//*[local-name()='Organisatie']") == []
    assert root.xpath("//*[local-name()='Relaties']") == []


def test_zonder_veilig_adres_een_contact_zonder_adres():
    xml = xml_van(bericht(client=client(adres=None)))
    assert controleer(xml, Wet.WMO) == []
    root = etree.fromstring(xml)
    assert root.xpath("//*[local-name()='Adres']") == []
    assert root.xpath("//*[local-name()='Contact']/*[local-name()='Soort']/text()") == ["02"]


@pytest.mark.parametrize("tekst,verwacht", [
    ("12", (12, None, None)), ("12a", (12, "a", None)), ("12 A", (12, "A", None)),
    ("12-3", (12, None, "3")), ("12 bis", (12, None, "bis")), ("12a-2", (12, "a", "2")), ("geen", None),
])
def test_huisnummer_splitsen(tekst, verwacht):
    assert splits_huisnummer(tekst) == verwacht


def test_lange_en_rare_adressen_blijven_geldig():
    adres = Adres("Burgemeester Van Walsum-promenadeweg", "123456", "B-1000 Brussel", "Rotterdam")
    xml = xml_van(bericht(client=client(adres=adres, voornamen="Émile-Jean 2e", voorvoegsel="van der den de la")))
    assert controleer(xml, Wet.WMO) == []


def test_voorletters_en_postcode():
    assert voorletters("anna  maria") == "AM"
    assert voorletters("") is None
    assert normaliseer_postcode(" 3000 aa ") == "3000AA"
    assert normaliseer_postcode("") is None
