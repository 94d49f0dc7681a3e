"""The proposal rules of issue 4, one test per rule (R2, R3, R11, R13, R18, R19), on the default table."""

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from pakketten.beslistabel import Beslistabel
from pakketten.voorstel import VoorstelInvoer, stel_voor

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "beslistabel" / "beslistabel_2026.json"
TABEL = Beslistabel.model_validate(json.loads(FIXTURE.read_text(encoding="utf-8"))["data"])
PEILDATUM = date(2026, 12, 1)
VOLWASSENE = {"ref": "v1", "geboortedatum": "1990-01-01", "rollen": ["slachtoffer"]}


def kind(n: int, geboren: str = "2016-01-01") -> dict:
    return {"ref": f"k{n}", "geboortedatum": geboren, "rollen": ["getuige"]}


def invoer(**over) -> VoorstelInvoer:
    basis = {
        "veiligheid": "dreigend",
        "vaardigheden": "beperkt",
        "nabijheid_24_uur": False,
        "niet_zelfstandig_wonen": False,
        "bestaande_wmo_verblijf": False,
        "langdurig_of_specialistisch": True,
        "ingangsdatum": PEILDATUM.isoformat(),
        "leden": [VOLWASSENE, kind(1)],
    }
    basis.update(over)
    return VoorstelInvoer.model_validate(basis)


def regels(voorstel) -> list[str]:
    return [r.regel for r in voorstel.redenen]


@pytest.mark.parametrize(
    "veiligheid,vaardigheden,pakket",
    [
        ("stabiel_kwetsbaar", "voldoende", "1"),
        ("stabiel_kwetsbaar", "beperkt", "1"),
        ("stabiel_kwetsbaar", "ontbrekend", "2"),
        ("dreigend", "voldoende", "1"),
        ("dreigend", "beperkt", "2"),
        ("dreigend", "ontbrekend", "3"),
        ("structureel_onveilig", "voldoende", "2"),
        ("structureel_onveilig", "beperkt", "3"),
        ("structureel_onveilig", "ontbrekend", "3"),
    ],
)
def test_r18_standaardtabel_extramuraal(veiligheid, vaardigheden, pakket):
    v = stel_voor(invoer(veiligheid=veiligheid, vaardigheden=vaardigheden), TABEL)
    assert (v.advies, v.perceel, v.pakket) == ("hg-arrangement", "extramuraal", pakket)
    assert regels(v)[0] == "R18" and f"geeft Pakket {pakket}" in v.redenen[0].tekst


def test_r18_ontbrekende_vaardigheden_maken_een_stap_zwaarder():
    assert stel_voor(invoer(vaardigheden="ontbrekend", veiligheid="stabiel_kwetsbaar"), TABEL).pakket == "2"
    assert stel_voor(invoer(vaardigheden="ontbrekend"), TABEL).pakket == "3"


def test_r18_voldoende_vaardigheden_maken_dreigend_een_stap_lichter():
    assert stel_voor(invoer(vaardigheden="voldoende"), TABEL).pakket == "1"
    assert stel_voor(invoer(vaardigheden="beperkt"), TABEL).pakket == "2"


def test_r18_zwaarste_combinatie_is_pakket_3():
    assert TABEL.pakket("acuut_onveilig", "ontbrekend") == "3"


def test_r19_acuut_onveilig_eerst_directe_veiligheid_en_intramuraal():
    v = stel_voor(invoer(veiligheid="acuut_onveilig", vaardigheden="voldoende"), TABEL)
    assert v.advies == "eerst-directe-veiligheid"
    assert v.perceel == "intramuraal" and v.pakket in ("2", "3")
    assert regels(v)[0] == "R19"
    assert "crisisopvang" in v.redenen[0].tekst and "Veilig Thuis" in v.redenen[0].tekst


def test_r19_acuut_gaat_voor_basishulp():
    v = stel_voor(invoer(veiligheid="acuut_onveilig", langdurig_of_specialistisch=False), TABEL)
    assert v.advies == "eerst-directe-veiligheid" and v.perceel == "intramuraal"


def test_r13_geen_langdurige_of_specialistische_hulp_geeft_basishulp():
    v = stel_voor(invoer(langdurig_of_specialistisch=False, veiligheid="structureel_onveilig"), TABEL)
    assert (v.advies, v.perceel, v.pakket) == ("basishulp", None, None)
    assert regels(v) == ["R13"]
    assert v.als_json() == {
        "perceel": None,
        "pakket": None,
        "advies": "basishulp",
        "redenen": [{"regel": "R13", "tekst": v.redenen[0].tekst}],
    }


def test_r2_nabijheid_24_uur_geeft_semimuraal():
    assert stel_voor(invoer(nabijheid_24_uur=True), TABEL).perceel == "semimuraal"


def test_r2_niet_zelfstandig_wonen_geeft_intramuraal_ook_met_nabijheid():
    v = stel_voor(invoer(nabijheid_24_uur=True, niet_zelfstandig_wonen=True), TABEL)
    assert v.perceel == "intramuraal"


@pytest.mark.parametrize(
    "vlag,perceel", [("nabijheid_24_uur", "semimuraal"), ("niet_zelfstandig_wonen", "intramuraal")]
)
def test_r3_semi_en_intramuraal_nooit_onder_pakket_2(vlag, perceel):
    v = stel_voor(invoer(veiligheid="stabiel_kwetsbaar", vaardigheden="voldoende", **{vlag: True}), TABEL)
    assert (v.perceel, v.pakket) == (perceel, "2")
    assert "R3" in regels(v)


def test_r3_semimuraal_houdt_pakket_3_uit_de_tabel():
    v = stel_voor(invoer(veiligheid="structureel_onveilig", nabijheid_24_uur=True), TABEL)
    assert (v.perceel, v.pakket) == ("semimuraal", "3")
    assert "R3" not in regels(v)


def test_r11_bestaande_wmo_verblijf_geeft_extramuraal_pakket_1_ernaast():
    v = stel_voor(
        invoer(
            bestaande_wmo_verblijf=True,
            veiligheid="structureel_onveilig",
            vaardigheden="ontbrekend",
            niet_zelfstandig_wonen=True,
        ),
        TABEL,
    )
    assert (v.advies, v.perceel, v.pakket) == ("hg-arrangement", "extramuraal", "1")
    assert "R11" in regels(v)


def test_r3_meer_dan_drie_kinderen_geeft_vrije_trede():
    leden = [VOLWASSENE] + [kind(i) for i in range(4)]
    v = stel_voor(invoer(leden=leden), TABEL)
    assert v.pakket == "vrij" and v.zwaarte == 2
    assert "4 kinderen" in v.redenen[-2].tekst


def test_r3_drie_kinderen_houdt_vast_pakket():
    leden = [VOLWASSENE] + [kind(i) for i in range(3)]
    assert stel_voor(invoer(leden=leden), TABEL).pakket == "2"


def test_kinderen_worden_geteld_op_de_ingangsdatum_en_alleen_als_ze_meedoen():
    # The fourth child turns 18 on 2026-11-30, before the start date: an adult then.
    leden = [VOLWASSENE] + [kind(i) for i in range(3)] + [kind(9, "2008-11-30")]
    assert stel_voor(invoer(leden=leden), TABEL).pakket == "2"
    assert stel_voor(invoer(leden=leden, ingangsdatum="2026-11-29"), TABEL).pakket == "vrij"
    niet_mee = [VOLWASSENE] + [kind(i) for i in range(3)] + [{**kind(8), "doet_mee": False}]
    assert stel_voor(invoer(leden=niet_mee), TABEL).pakket == "2"


def test_r3_vast_pakket_past_niet_geeft_vrije_trede():
    v = stel_voor(invoer(vast_pakket_past_niet=True), TABEL)
    assert v.pakket == "vrij" and "R3" in regels(v)


def test_elk_voorstel_laat_de_beslissing_bij_de_professional():
    v = stel_voor(invoer(), TABEL)
    assert v.redenen[-1].regel == "R18" and "afwijken" in v.redenen[-1].tekst


def test_invoer_negeert_onbekende_velden_maar_eist_booleans():
    assert invoer(iets_anders=1).veiligheid == "dreigend"
    with pytest.raises(ValidationError):
        invoer(nabijheid_24_uur="ja")
    with pytest.raises(ValidationError):
        invoer(veiligheid="onbekend")


def test_invoer_weigert_geboortedatum_na_ingangsdatum():
    with pytest.raises(ValidationError, match="na de ingangsdatum"):
        invoer(leden=[{"ref": "x", "geboortedatum": "2027-01-01"}])


def test_tabel_parameters_worden_gebruikt():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]
    data["max_kinderen_vast_pakket"] = 1
    data["minimum_pakket_semi_intramuraal"] = "3"
    tabel = Beslistabel.model_validate(data)
    assert stel_voor(invoer(leden=[VOLWASSENE, kind(1), kind(2)]), tabel).pakket == "vrij"
    assert stel_voor(invoer(nabijheid_24_uur=True, veiligheid="stabiel_kwetsbaar"), tabel).pakket == "3"


@pytest.mark.parametrize("vlag", ["nabijheid_24_uur", "niet_zelfstandig_wonen"])
def test_r3_vrije_trede_alleen_extramuraal(vlag):
    leden = [VOLWASSENE] + [kind(i) for i in range(5)]
    v = stel_voor(invoer(leden=leden, **{vlag: True}), TABEL)
    assert v.perceel != "extramuraal" and v.pakket in ("2", "3")
    assert "alleen mogelijk als extramurale" in v.redenen[-2].tekst


def test_r11_geen_vrije_trede_naast_wmo_verblijf():
    leden = [VOLWASSENE] + [kind(i) for i in range(5)]
    v = stel_voor(invoer(leden=leden, bestaande_wmo_verblijf=True), TABEL)
    assert (v.perceel, v.pakket) == ("extramuraal", "1")


@pytest.mark.parametrize(
    "geschreven, code",
    [
        ("acuut onveilig", "acuut_onveilig"),
        ("Structureel onveilig", "structureel_onveilig"),
        ("stabiel maar kwetsbaar", "stabiel_kwetsbaar"),
        ("stabiel_kwetsbaar", "stabiel_kwetsbaar"),
        ("dreigend", "dreigend"),
    ],
)
def test_schaal_zoals_de_issue_hem_schrijft_en_als_code(geschreven, code):
    assert invoer(veiligheid=geschreven).veiligheid == code


def test_onbekende_schaalwaarde_blijft_een_validatiefout():
    with pytest.raises(ValidationError):
        invoer(veiligheid="een beetje onveilig")
