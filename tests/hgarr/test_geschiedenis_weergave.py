"""The change history reads as a user reads it; what is stored stays as it was written."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hgarr.accounts.roles import Rol
from hgarr.audit.models import Wijziging
from hgarr.audit.weergave import Opmaak

pytestmark = pytest.mark.django_db


def test_geschiedenis_toont_namen_labels_en_nederlandse_tijden(client_als, maak_gebruiker, indicatiesteller,
                                                               huishouden):

    oud = maak_gebruiker(Rol.INDICATIESTELLER, first_name="Olga", last_name="Oud")
    nieuw = maak_gebruiker(Rol.CASUSREGISSEUR, first_name="Nina", last_name="Nieuw")
    cato = huishouden.leden.get(voornamen="Cato")
    velden = {
        "gewijzigd_door_id": [oud.pk, nieuw.pk],
        "volgende_evaluatie_op": ["2027-01-05", "2027-02-16"],
    }
    Wijziging.objects.create(
        gebruiker=nieuw, gebruikersnaam=nieuw.username, soort="gewijzigd", objecttype="indicaties.indicatie",
        object_id="99", omschrijving="indicatie 99", huishouden_id=huishouden.pk, velden=velden,
        tijdstip=dt.datetime(2026, 11, 23, 15, 58, tzinfo=dt.UTC),
    )
    Wijziging.objects.create(
        gebruiker=nieuw, gebruikersnaam=nieuw.username, soort="gewijzigd", objecttype="indicaties.indicatieversie",
        object_id="98", omschrijving="indicatieversie 98", huishouden_id=huishouden.pk,
        velden={
            "status": ["concept", "ter_beoordeling"],
            "ingediend_op": [None, "2026-11-23T15:58:04.432Z"],
            "leden": [None, [{"ref": f"lid-{cato.pk}", "gezinslid_id": cato.pk, "geboortedatum": "2015-04-01",
                              "rollen": ["getuige"], "doet_mee": True}]],
        },
    )
    Wijziging.objects.create(
        gebruiker=nieuw, soort="gewijzigd", objecttype="huishoudens.gezinslid", object_id=str(cato.pk),
        omschrijving=f"gezinslid {cato.pk}", huishouden_id=huishouden.pk,
        velden={"bsn": ["", "999990019"], "relatie": ["overig", "kind"], "heeft_gezag": [True, False]},
    )
    tekst = client_als(indicatiesteller).get(reverse("geschiedenis:huishouden", args=[huishouden.pk])).text
    # Users by name, never by id; field labels; choice labels; Dutch local date-times.
    assert "Olga Oud" in tekst and "Nina Nieuw" in tekst
    assert "Gewijzigd door" in tekst and "gewijzigd_door" not in tekst
    assert "Ter beoordeling" in tekst and "ter_beoordeling" not in tekst
    assert "23 november 2026 16:58" in tekst  # 15:58 UTC is 16:58 in Rotterdam in November
    assert "2026-11-23T" not in tekst.replace('datetime="2026-11-23T', "")
    assert "16 februari 2027" in tekst and "2027-02-16" not in tekst
    # Nested snapshot: the member by name, readable keys, no technical refs or dictionaries.
    # (PostgreSQL's jsonb does not keep the key order, so the parts are checked, not their order.)
    lid = re.search(r"Cato Voorbeeld \(([^)]*)\)", tekst).group(1).split(", ")
    assert sorted(lid) == ["doet mee: ja", "geboortedatum: 1 april 2015", "rollen: getuige"]
    assert "{" not in tekst.split("<main", 1)[1].split("</main>", 1)[0]
    assert f"lid-{cato.pk}" not in tekst
    # A member's own change: named, BSN masked, choices and yes/no in Dutch.
    assert "Gezinslid: Cato Voorbeeld" in tekst
    assert "*****0019" in tekst and "999990019" not in tekst
    assert re.search(r">\s*Kind\s*<", tekst) and re.search(r">\s*nee\s*<", tekst)
    # The stored evidence is unchanged.
    assert Wijziging.objects.get(object_id="99").velden == velden


def test_verwijderd_object_en_diepe_json_blijven_leesbaar(huishouden):
    w = Wijziging.objects.create(
        soort="gewijzigd", objecttype="indicaties.indicatieversie", object_id="1", omschrijving="indicatieversie 1",
        huishouden_id=huishouden.pk,
        velden={
            "aanbieder_id": [12345, None],
            "begroting": [None, {"regels": [{"a": 1}, {"b": 2}], "tariefjaar": 2026}],
        },
    )
    regels = {r.veld: r for r in Opmaak([w]).regels(w)}
    assert regels["Aanbieder"].oud.tekst == "aanbieder 12345 (niet meer aanwezig)"
    assert regels["Begroting"].nieuw.regels == ["regels: (2 onderdelen)", "tariefjaar: 2026"]


def _versie(huishouden, door, nummer=2):
    from indicatie.indicaties.models import Aanbieder, Indicatie, Indicatieversie

    aanbieder = Aanbieder.objects.create(naam="Aanbieder Test", agb_code="12345678")
    indicatie = Indicatie.objects.create(huishouden=huishouden, aangemaakt_door=door)
    return Indicatieversie.objects.create(
        indicatie=indicatie, nummer=nummer, perceel="extramuraal", pakket="2", aanbieder=aanbieder,
        ingangsdatum=dt.date(2026, 12, 1), einddatum=dt.date(2027, 11, 30), motivering="m", auteur=door,
    )


def test_redenen_observaties_parameterset_bedragen_en_versie_zoals_gebruikers_ze_kennen(huishouden,
                                                                                       indicatiesteller):
    from tarieven.models import Parameterset

    anna = huishouden.leden.get(voornamen="Anna")
    ps = Parameterset.objects.create(jaar=2031, geldig_vanaf=dt.date(2031, 3, 1), naam="Tarieven HG 2026", data={})
    versie = _versie(huishouden, indicatiesteller)
    taxatie_velden = {
        "voorstel_redenen": [None, [{"regel": "R18", "tekst": "Dreiging en beperkte vaardigheden: Pakket 2."}]],
        "observaties": [{}, {str(anna.pk): "Wil graag hulp bij de kinderen."}],
        "voorstel_weekbudget": ["1234.5", "3089.68"],
    }
    taxatie = Wijziging.objects.create(soort="gewijzigd", objecttype="taxaties.taxatie", object_id="777",
                                       omschrijving="taxatie 777", huishouden_id=huishouden.pk, velden=taxatie_velden)
    begroting = {"parameterset": "tarieven 2026", "parameterset_id": ps.pk, "totaal_per_week": "3089.68",
                 "totaal_periode": "161104.56", "tariefjaar": 2026,
                 "regels": [{"product": "begeleiding_volwassenen", "uren_per_week": "1.50",
                             "bedrag_per_week": "122.79"}]}
    versie_rij = Wijziging.objects.create(
        soort="gewijzigd", objecttype="indicaties.indicatieversie", object_id=str(versie.pk),
        omschrijving=f"indicatieversie {versie.pk}", huishouden_id=huishouden.pk,
        velden={"begroting": [None, begroting], "parameterset_id": [None, ps.pk]})
    opmaak = Opmaak([taxatie, versie_rij])

    t = {r.veld: r for r in opmaak.regels(taxatie)}
    # Proposal reasons: the text, never the rule id.
    assert t["Redenen"].nieuw.regels == ["Dreiging en beperkte vaardigheden: Pakket 2."]
    assert "R18" not in str(t["Redenen"].nieuw)
    # Observations per member: the member's name, not the id.
    assert t["Observaties per gezinslid"].nieuw.regels == ["Anna Voorbeeld: Wil graag hulp bij de kinderen."]
    assert t["Observaties per gezinslid"].oud.tekst == "—"
    # A money field in Dutch format.
    assert t[next(k for k in t if k not in ("Redenen", "Observaties per gezinslid"))].nieuw.tekst == "€ 3.089,68"

    v = {r.veld: r for r in opmaak.regels(versie_rij)}
    regels = v["Begroting"].nieuw.regels
    assert "parameterset: Tarieven HG 2026" in regels
    assert "totaal per week: € 3.089,68" in regels and "totaal periode: € 161.104,56" in regels
    assert not any("parameterset id" in r or "3089.68" in r or "tarieven 2026" in r for r in regels)
    assert v["Parameterset"].nieuw.tekst == "Tarieven HG 2026"
    # The version as users know it, not by its row id.
    assert opmaak.wat(versie_rij) == "Versie 2 van indicatie " + str(versie.indicatie_id)
    assert f"Indicatieversie {versie.pk}" != opmaak.wat(versie_rij)
    # Stored evidence unchanged.
    taxatie.refresh_from_db()
    assert taxatie.velden == taxatie_velden


def test_uren_blijven_uren_en_geen_bedrag(huishouden):
    w = Wijziging.objects.create(soort="gewijzigd", objecttype="indicaties.indicatieversie", object_id="1",
                                 omschrijving="indicatieversie 1", huishouden_id=huishouden.pk,
                                 velden={"begroting": [None, {"uren_per_week": "1.50", "bedrag_per_week": "61.4"}]})
    regels = Opmaak([w]).regels(w)[0].nieuw.regels
    assert "uren per week: 1,50" in regels and "bedrag per week: € 61,40" in regels
