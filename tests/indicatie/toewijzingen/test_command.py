"""manage.py toewijzing FILE --uit DIR (issue 8 §5): files named <ref>-WMO301.xml / <ref>-JW301.xml, a
line per file on stdout, no message under OP003, status 2 with one Dutch line on bad input."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from lxml import etree

from indicatie.toewijzingen.regels import controleer
from tests.factories import nieuw_test_bsn

pytestmark = pytest.mark.django_db


def casus(**extra):
    data = {
        "perceel": "extramuraal", "pakket": "2", "ingangsdatum": "2026-12-01", "gemeente": "Rotterdam",
        "kenmerk": "HG-TEST-1",
        "aanbieder": {"naam": "Testaanbieder", "agb": "12345678"},
        "beslisser": {"naam": "T. Beslisser", "functie": "beslisser"},
        "leden": [
            {"ref": "moeder", "geboortedatum": "1988-03-14", "rollen": ["slachtoffer"], "doet_mee": True,
             "voornamen": "Anna", "achternaam": "Voorbeeld", "bsn": nieuw_test_bsn(), "geslacht": "2",
             "vertrouwelijk_adres": True,
             "adres": {"straat": "Geheimeweg", "huisnummer": "7", "postcode": "3011 AA", "plaats": "Rotterdam"},
             "correspondentieadres": {"straat": "Postbus", "huisnummer": "1000", "postcode": "3000 DD",
                                      "plaats": "Rotterdam"}},
            {"ref": "vader", "geboortedatum": "1986-07-02", "rollen": ["pleger"], "doet_mee": True,
             "voornamen": "Ben", "achternaam": "Voorbeeld", "bsn": nieuw_test_bsn(), "geslacht": "1",
             "adres": {"straat": "Anderestraat", "huisnummer": 3, "postcode": "3000 BB", "plaats": "Rotterdam"}},
            {"ref": "kind_a", "geboortedatum": "2014-05-20", "rollen": ["getuige"], "doet_mee": True,
             "voornamen": "Cato", "achternaam": "Voorbeeld", "bsn": nieuw_test_bsn(), "geslacht": "2"},
            {"ref": "kind_b", "geboortedatum": "2018-11-01", "rollen": ["getuige"], "doet_mee": True,
             "voornamen": "Daan", "achternaam": "Voorbeeld", "bsn": nieuw_test_bsn(), "geslacht": "1"},
        ],
    }
    data.update(extra)
    return data


def draai(tmp_path, data, capsys, *extra_args):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    uit = tmp_path / "uit"
    code = 0
    try:
        call_command("toewijzing", str(bestand), "--uit", str(uit), *extra_args)
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    return code, out.splitlines(), err, uit


def _tekst(pad, naam):
    return etree.parse(str(pad)).getroot().xpath(f"//*[local-name()='{naam}']/text()")


def test_gezin_met_twee_volwassenen_en_kinderen(tmp_path, capsys):
    code, regels, err, uit = draai(tmp_path, casus(), capsys)
    assert code == 0, err
    assert err == ""
    assert regels == ["moeder-WMO301.xml", "vader-WMO301.xml", "kind_b-JW301.xml"]
    assert sorted(p.name for p in uit.iterdir()) == sorted(regels)
    for naam in regels:
        xml = (uit / naam).read_bytes()
        wet = "Wmo" if naam.endswith("WMO301.xml") else "Jeugdwet"
        assert controleer(xml, wet) == []
    # R6: the youth budget is on the youngest child; adults get Wmo only.
    assert _tekst(uit / "kind_b-JW301.xml", "BerichtCode") == ["436"]
    assert _tekst(uit / "moeder-WMO301.xml", "BerichtCode") == ["414"]
    assert _tekst(uit / "moeder-WMO301.xml", "Afzender") == ["0599"]
    assert _tekst(uit / "moeder-WMO301.xml", "Ontvanger") == ["12345678"]
    assert _tekst(uit / "moeder-WMO301.xml", "Eenheid") == ["83"]
    assert _tekst(uit / "moeder-WMO301.xml", "Frequentie") == ["2"]
    assert _tekst(uit / "moeder-WMO301.xml", "Einddatum") == ["2027-11-30"]


def test_geen_adres_van_een_ander_of_vertrouwelijk_adres(tmp_path, capsys):
    code, regels, err, uit = draai(tmp_path, casus(), capsys)
    assert code == 0, err
    moeder = (uit / "moeder-WMO301.xml").read_text(encoding="utf-8")
    assert "Postbus" in moeder  # her correspondence address
    assert "Geheimeweg" not in moeder  # never her confidential address
    assert "Anderestraat" not in moeder  # never another member's address
    vader = (uit / "vader-WMO301.xml").read_text(encoding="utf-8")
    assert "Anderestraat" in vader and "Postbus" not in vader and "Geheimeweg" not in vader
    kind = (uit / "kind_b-JW301.xml").read_text(encoding="utf-8")
    # the child has no own address in the case: no address at all, never a parent's
    for straat in ("Postbus", "Geheimeweg", "Anderestraat"):
        assert straat not in kind
    for naam in regels:
        tekst = (uit / naam).read_text(encoding="utf-8")
        assert "Organisatie" not in tekst and "Relaties" not in tekst
        assert tekst.count("<wmo301:Bsn>") + tekst.count("<jw301:Bsn>") == 1


def test_op003_volwassene_krijgt_geen_bericht(tmp_path, capsys):
    data = casus()
    data["leden"][0]["geen_berichtenverkeer"] = True
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert regels == ["vader-WMO301.xml", "kind_b-JW301.xml"]
    assert not (uit / "moeder-WMO301.xml").exists()
    bsn_moeder = data["leden"][0]["bsn"]
    assert all(bsn_moeder not in (uit / n).read_text(encoding="utf-8") for n in regels)


def test_op003_jongste_kind_geen_jw301(tmp_path, capsys):
    data = casus()
    data["leden"][3]["geen_berichtenverkeer"] = True
    code, regels, err, uit = draai(tmp_path, data, capsys, "-v", "2")
    assert code == 0
    assert regels == ["moeder-WMO301.xml", "vader-WMO301.xml"]
    assert "OP003" in err and "alternatieve route" in err


def test_iedereen_op003_geen_bestanden(tmp_path, capsys):
    data = casus()
    for lid in data["leden"]:
        lid["geen_berichtenverkeer"] = True
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0 and regels == [] and err == ""
    assert list(uit.iterdir()) == []


def test_wie_niet_meedoet_krijgt_geen_bericht(tmp_path, capsys):
    data = casus()
    data["leden"][1]["doet_mee"] = False  # R5
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert regels == ["moeder-WMO301.xml", "kind_b-JW301.xml"]


def test_intramuraal_met_maatwerk_en_verblijf(tmp_path, capsys):
    data = casus(perceel="intramuraal", pakket="3",
                 maatwerk=[{"product": "dagbesteding", "trede": 2, "ref": "moeder"}])
    data["leden"][0]["verblijft_in_voorziening"] = True
    data["leden"][1]["verblijft_in_voorziening"] = False
    data["leden"][2]["verblijft_in_voorziening"] = True
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert "moeder-WMO301.xml" in regels and "kind_b-JW301.xml" in regels
    codes = _tekst(uit / "moeder-WMO301.xml", "Code")
    assert len(codes) == len(set(codes)) >= 3  # one toegewezen product per product code
    nummers = [n for naam in ("moeder-WMO301.xml", "vader-WMO301.xml") for n in _tekst(uit / naam, "ToewijzingNummer")]
    assert len(nummers) == len(set(nummers))  # unique within the Wmo
    for naam in regels:
        assert controleer((uit / naam).read_bytes(), "Wmo" if "WMO" in naam else "Jeugdwet") == []


def test_vrije_trede(tmp_path, capsys):
    data = casus(pakket="vrij",
                 vrije_trede={"wmo_per_week": "250.01", "jeugd_per_week": "100", "motivering": "Groot gezin"})
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    volumes = _tekst(uit / "moeder-WMO301.xml", "Volume") + _tekst(uit / "vader-WMO301.xml", "Volume")
    assert sorted(volumes) == ["12500", "12501"]  # cents remainder to the first adult
    assert _tekst(uit / "kind_b-JW301.xml", "Volume") == ["10000"]


def test_budgetvariant(tmp_path, capsys, settings):
    settings.HGARR_TOEWIJZING_VARIANT = "budget"
    code, regels, err, uit = draai(tmp_path, casus(), capsys)
    assert code == 0, err
    for naam in regels:
        pad = uit / naam
        assert _tekst(pad, "Budget") and not _tekst(pad, "Volume") and not _tekst(pad, "Code")
        assert _tekst(pad, "Einddatum") == ["2027-11-30"]  # CD075
        assert controleer(pad.read_bytes(), "Wmo" if "WMO" in naam else "Jeugdwet") == []


def test_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(casus())))
    call_command("toewijzing", "-", "--uit", str(tmp_path / "x"))
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3


def _fout(tmp_path, capsys, data):
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 2
    assert regels == []
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert not uit.exists() or list(uit.iterdir()) == []
    return err


def test_bsn_zonder_elfproef_status_2(tmp_path, capsys):
    data = casus()
    data["leden"][1]["bsn"] = "123456789"
    err = _fout(tmp_path, capsys, data)
    assert "CS002" in err and "vader-WMO301.xml" in err


def test_ontbrekend_bsn_status_2(tmp_path, capsys):
    data = casus()
    del data["leden"][3]["bsn"]
    assert "BSN" in _fout(tmp_path, capsys, data)


def test_ontbrekende_achternaam_status_2(tmp_path, capsys):
    data = casus()
    data["leden"][0]["achternaam"] = ""
    assert "achternaam" in _fout(tmp_path, capsys, data)


@pytest.mark.parametrize("aanbieder", [None, {"naam": "X"}, {"naam": "X", "agb": "1234"}])
def test_aanbieder_zonder_geldige_agb_status_2(tmp_path, capsys, aanbieder):
    data = casus(aanbieder=aanbieder)
    assert "AGB" in _fout(tmp_path, capsys, data)


def test_op003_lid_zonder_bsn_is_geen_fout(tmp_path, capsys):
    data = casus()
    data["leden"][0]["geen_berichtenverkeer"] = True
    del data["leden"][0]["bsn"]
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err


@pytest.mark.parametrize("aanpassing", [
    lambda d: d.update(perceel="nergens"),
    lambda d: d["leden"][0].update(geslacht="z"),
    lambda d: d["leden"][0].update(ref="../weg"),
    lambda d: d.pop("leden"),
])
def test_ongeldige_invoer_status_2(tmp_path, capsys, aanpassing):
    data = copy.deepcopy(casus())
    aanpassing(data)
    _fout(tmp_path, capsys, data)


def test_kapotte_json_status_2(tmp_path, capsys):
    _fout(tmp_path, capsys, "{kapot")


def test_zonder_uit_status_2(tmp_path, capsys):
    bestand = tmp_path / "c.json"
    bestand.write_text(json.dumps(casus()))
    with pytest.raises(SystemExit) as e:
        call_command("toewijzing", str(bestand))
    assert e.value.code == 2


def test_datum_is_dagtekening_en_toewijzingsdatum(tmp_path, capsys):
    code, regels, err, uit = draai(tmp_path, casus(datum="2026-11-20"), capsys)
    assert code == 0, err
    assert _tekst(uit / "moeder-WMO301.xml", "Dagtekening") == ["2026-11-20"]
    assert _tekst(uit / "moeder-WMO301.xml", "Toewijzingsdatum") == ["2026-11-20"]


def test_wijziging_met_vorige_versie_houdt_nummers_OP033x1(tmp_path, capsys):
    data = casus(soort="wijziging", pakket="3", vorige={"pakket": "2", "ingangsdatum": "2026-09-01",
                                                        "einddatum": "2027-08-31"},
                 einddatum="2027-08-31")
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert regels == ["moeder-WMO301.xml", "vader-WMO301.xml", "kind_b-JW301.xml"]
    assert _tekst(uit / "moeder-WMO301.xml", "ToewijzingNummer") == ["1", "3"]
    assert _tekst(uit / "vader-WMO301.xml", "ToewijzingNummer") == ["2", "4"]
    assert _tekst(uit / "kind_b-JW301.xml", "ToewijzingNummer") == ["1", "2"]
    assert _tekst(uit / "moeder-WMO301.xml", "RedenWijziging") == ["05"]
    assert _tekst(uit / "moeder-WMO301.xml", "Einddatum") == ["2026-11-30", "2027-08-31"]
    for naam in regels:
        assert controleer((uit / naam).read_bytes(), "Wmo" if "WMO" in naam else "Jeugdwet") == []


def test_beeindiging_verkort_met_reden_05(tmp_path, capsys):
    data = casus(soort="beëindiging", einddatum="2027-03-31")
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert len(regels) == 3
    for naam in regels:
        assert _tekst(uit / naam, "Einddatum") == ["2027-03-31"]
        assert _tekst(uit / naam, "RedenWijziging") == ["05"]
        assert _tekst(uit / naam, "ToewijzingNummer") in (["1"], ["2"])


def test_afwijzing_geen_berichten(tmp_path, capsys):
    code, regels, err, uit = draai(tmp_path, casus(soort="afwijzing"), capsys)
    assert code == 0 and regels == [] and err == ""


def test_geslacht_als_woord_en_bsn_als_getal(tmp_path, capsys):
    data = casus()
    data["leden"][0]["geslacht"] = "vrouw"
    data["leden"][1]["geslacht"] = None
    data["leden"][1]["bsn"] = int(data["leden"][1]["bsn"])
    data["leden"][0]["ref"] = "m1"
    code, regels, err, uit = draai(tmp_path, data, capsys)
    assert code == 0, err
    assert _tekst(uit / "m1-WMO301.xml", "Geslacht") == ["2"]
    assert _tekst(uit / "vader-WMO301.xml", "Geslacht") == ["0"]
    assert _tekst(uit / "vader-WMO301.xml", "Bsn") == [data["leden"][1]["bsn"].__str__().zfill(9)]
