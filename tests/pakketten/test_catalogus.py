"""The catalogue reproduces every number of the seed tables (B3 §3.1–§3.3; R4, R8, R9, R10) and is a
validated, versioned table present after migrate."""

import copy
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from pydantic import ValidationError

from pakketten.catalogus import Catalogus
from pakketten.laden import CATALOGUS_FIXTURE, lees_tabelfixture
from pakketten.models import Tabelversie
from pakketten.selectors import catalogus_op
from pakketten.services import TabelInGebruik, markeer_in_gebruik, nieuwe_tabelversie, wijzig_tabelversie

D = Decimal


@pytest.fixture(scope="module")
def cat() -> Catalogus:
    return Catalogus.model_validate(json.loads(CATALOGUS_FIXTURE.read_text(encoding="utf-8"))["data"])


@pytest.mark.parametrize("pakket,volw,kind,totaal", [("1", "0.75", "1.5", 3), ("2", "1.5", "2", 5), ("3", "3", "3", 9)])
def test_extramurale_uren_r4(cat, pakket, volw, kind, totaal):
    p = cat.perceel("extramuraal").pakket(pakket)
    assert p.uren_per_volwassene == D(volw)
    assert p.uren_kinderen == D(kind)
    # "Totaal gezin": two adults and the children.
    assert 2 * p.uren_per_volwassene + p.uren_kinderen == totaal


@pytest.mark.parametrize("perceel,trede_product,nacht", [
    ("semimuraal", "semimurale_ondersteuning", {"2": 2, "3": 2}),
    ("intramuraal", "intramurale_ondersteuning", {"2": 3, "3": 3}),
])
def test_semi_en_intramuraal_r8_r9(cat, perceel, trede_product, nacht):
    pc = cat.perceel(perceel)
    assert [p.code for p in pc.pakketten] == ["2", "3"]  # R3: no Pakket 1
    for code, volw, kind, totaal, trede in [("2", "1", "2", 4, 2), ("3", "1.5", "3", 6, 3)]:
        p = pc.pakket(code)
        assert (p.uren_per_volwassene, p.uren_kinderen) == (D(volw), D(kind))
        assert 2 * p.uren_per_volwassene + p.uren_kinderen == totaal
        assert p.tredes[trede_product] == trede
        assert p.tredes["nachtelijke_ondersteuning"] == nacht[code]
        assert p.verblijf is (perceel == "intramuraal")
    assert pc.vrije_trede is False
    assert pc.maatwerk == ["schulddienstverlening", "dagbesteding"]


def test_maatwerk_extramuraal_r7(cat):
    assert cat.perceel("extramuraal").maatwerk == ["schulddienstverlening", "dagbesteding", "nachtelijke_ondersteuning"]
    assert cat.perceel("extramuraal").vrije_trede is True


def test_bezetting_r10(cat):
    rijen = {t.trede: (t.diensturen_weekdagen, t.diensturen_weekend, t.diensturen_per_week)
             for t in cat.trede_bezetting}
    assert rijen == {1: (140, 56, 196), 2: (160, 64, 224), 3: (200, 80, 280)}


def test_productcodes(cat):
    assert {p.code for p in cat.producten} == {
        "begeleiding_volwassenen", "begeleiding_kinderen", "semimurale_ondersteuning", "intramurale_ondersteuning",
        "nachtelijke_ondersteuning", "verblijf", "schulddienstverlening", "dagbesteding", "vrije_trede"}
    assert cat.product("begeleiding_kinderen").wet == "Jeugdwet"


def test_schema_weigert_onzin(cat):
    data = cat.model_dump(mode="json")
    kapot = copy.deepcopy(data)
    kapot["percelen"][1]["maatwerk"].append("fietsles")
    with pytest.raises(ValidationError):
        Catalogus.model_validate(kapot)
    kapot = copy.deepcopy(data)
    kapot["percelen"][2]["pakketten"][0]["tredes"]["intramurale_ondersteuning"] = 9
    with pytest.raises(ValidationError):
        Catalogus.model_validate(kapot)
    kapot = copy.deepcopy(data)
    kapot["producten"].pop()
    with pytest.raises(ValidationError):
        Catalogus.model_validate(kapot)


def test_fixture_heeft_geldigheidsdatum():
    inhoud = lees_tabelfixture(CATALOGUS_FIXTURE)
    assert inhoud["soort"] == "catalogus"
    assert inhoud["geldig_vanaf"] == date(2025, 1, 1)


@pytest.mark.django_db
def test_catalogus_na_migrate_aanwezig():
    versie, catalogus = catalogus_op(date(2026, 6, 1))
    assert versie.soort == "catalogus" and not versie.in_gebruik
    assert catalogus.perceel("intramuraal").pakket("3").tredes["intramurale_ondersteuning"] == 3
    assert catalogus_op(date(2024, 12, 31)) is None


@pytest.mark.django_db
def test_nieuwe_versie_vanaf_datum_en_geen_wijziging_in_gebruik():
    oud, catalogus = catalogus_op(date(2026, 6, 1))
    data = catalogus.model_dump(mode="json")
    data["percelen"][0]["pakketten"][2]["uren_per_volwassene"] = "3.25"
    nieuw = nieuwe_tabelversie(soort="catalogus", geldig_vanaf=date(2027, 1, 1), data=data, bron="test")
    assert catalogus_op(date(2026, 12, 31))[0] == oud
    assert catalogus_op(date(2027, 1, 1))[0] == nieuw
    assert catalogus_op(date(2027, 1, 1))[1].perceel("extramuraal").pakket("3").uren_per_volwassene == D("3.25")
    with pytest.raises(DjangoValidationError):
        nieuwe_tabelversie(soort="catalogus", geldig_vanaf=date(2027, 1, 1), data=data)
    with pytest.raises(DjangoValidationError):
        nieuwe_tabelversie(soort="catalogus", geldig_vanaf=date(2028, 1, 1), data={"naam": "leeg"})
    markeer_in_gebruik(versie_id=oud.pk)
    with pytest.raises(TabelInGebruik):
        wijzig_tabelversie(versie=oud, data=data)
    wijzig_tabelversie(versie=nieuw, data=data, toelichting="aangepast")
    assert Tabelversie.objects.get(pk=nieuw.pk).toelichting == "aangepast"


@pytest.mark.django_db
def test_beheer_alleen_voor_functioneel_beheerder(rf, beheerder, maak_gebruiker):
    from django.contrib import admin

    from hgarr.accounts.roles import Rol

    versie, catalogus = catalogus_op(date(2026, 6, 1))
    model_admin = admin.site._registry[Tabelversie]
    verzoek = rf.get("/")
    verzoek.user = beheerder
    assert model_admin.has_change_permission(verzoek, versie)
    assert model_admin.has_add_permission(verzoek)
    andere = rf.get("/")
    andere.user = maak_gebruiker(Rol.INDICATIESTELLER, is_staff=True)
    assert not model_admin.has_view_permission(andere, versie)
    assert not model_admin.has_change_permission(andere, versie)
    # The form validates the content with the pydantic schema.
    form_cls = model_admin.get_form(verzoek, versie)
    kapot = catalogus.model_dump(mode="json")
    kapot["maatwerk_tredes"] = []
    form = form_cls(data={"soort": "catalogus", "geldig_vanaf": "2025-01-01", "data": json.dumps(kapot),
                          "bron": "x", "toelichting": ""}, instance=versie)
    assert not form.is_valid() and "data" in form.errors
    # A version in use is read-only.
    markeer_in_gebruik(versie_id=versie.pk)
    versie.refresh_from_db()
    assert not model_admin.has_change_permission(verzoek, versie)
    assert not model_admin.has_delete_permission(verzoek, versie)
