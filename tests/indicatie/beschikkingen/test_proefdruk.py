"""``manage.py proefdruk FILE --uit DIR`` (issue 6 §6): every valid case renders, names are exact,
one line per file on stdout; bad input gives status 2 and one Dutch line on stderr."""

import copy
import io
import json

import pikepdf
import pytest
from django.core.management import call_command

from indicatie.beschikkingen.opstellen import regels_uit_begroting
from tarieven.services import begroting

pytestmark = pytest.mark.django_db

CASUS = {
    "perceel": "extramuraal",
    "pakket": "2",
    "ingangsdatum": "2026-03-01",
    "gemeente": "Rotterdam",
    "kenmerk": "HG-2026-0007",
    "beslisser": {"naam": "Bea Slisser", "functie": "Teamleider wijkteam"},
    "aanbieder": {"naam": "Zorgaanbieder Voorbeeld", "agb": "12345678"},
    "leden": [
        {"ref": "moeder", "geboortedatum": "1990-06-01", "rollen": ["slachtoffer"], "doet_mee": True,
         "voornamen": "Mira", "achternaam": "Jansen", "bsn": "999990019",
         "adres": {"straat": "Geheimeweg", "huisnummer": "77", "postcode": "3099 ZZ", "plaats": "Rotterdam"},
         "vertrouwelijk_adres": True,
         "correspondentieadres": {"straat": "Postbus", "huisnummer": "4321", "postcode": "3000 CA",
                                  "plaats": "Rotterdam"},
         "gezag_over": ["kind_a", "kind_b"]},
        {"ref": "vader", "geboortedatum": "1987-02-03", "rollen": ["pleger"], "doet_mee": True,
         "voornamen": "Victor", "achternaam": "Jansen",
         "adres": {"straat": "Plegerlaan", "huisnummer": 13, "postcode": "3044 PL", "plaats": "Schiedam"},
         "gezag_over": ["kind_a", "kind_b"]},
        {"ref": "kind_a", "geboortedatum": "2014-05-05", "rollen": ["getuige"], "doet_mee": True},
        {"ref": "kind_b", "geboortedatum": "2019-09-09", "rollen": ["getuige"], "doet_mee": True},
    ],
}


def proefdruk(tmp_path, casus, capsys, *extra):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(casus) if not isinstance(casus, str) else casus, encoding="utf-8")
    uit = tmp_path / "uit"
    code = 0
    try:
        call_command("proefdruk", str(bestand), "--uit", str(uit), *extra)
    except SystemExit as e:
        code = e.code
    vastgelegd = capsys.readouterr()
    return code, vastgelegd.out, vastgelegd.err, uit


def test_full_case_renders_all_letters_with_exact_names(tmp_path, capsys):
    code, out, err, uit = proefdruk(tmp_path, CASUS, capsys)
    assert code == 0 and err == ""
    namen = ["moeder-toekenning.pdf", "vader-toekenning.pdf", "kind_b-toekenning-moeder.pdf"]
    assert out.splitlines() == namen
    assert sorted(p.name for p in uit.iterdir()) == sorted(namen)
    for naam in namen:
        with pikepdf.open(uit / naam) as pdf:
            assert pdf.open_metadata().get("pdfaid:part") == "2"


def test_plain_begroting_case_without_personal_fields_renders(tmp_path, capsys):
    kaal = {k: v for k, v in CASUS.items() if k not in ("kenmerk", "beslisser", "aanbieder")}
    kaal["leden"] = [{k: lid[k] for k in ("ref", "geboortedatum", "rollen", "doet_mee")} for lid in CASUS["leden"]]
    code, out, err, uit = proefdruk(tmp_path, kaal, capsys)
    assert code == 0, err
    assert out.splitlines() == ["moeder-toekenning.pdf", "vader-toekenning.pdf", "kind_b-toekenning.pdf"]


@pytest.mark.parametrize("perceel,pakket", [("semimuraal", "2"), ("intramuraal", "3"), ("extramuraal", "1")])
def test_other_percelen_render(tmp_path, capsys, perceel, pakket):
    casus = copy.deepcopy(CASUS) | {"perceel": perceel, "pakket": pakket}
    for lid in casus["leden"]:
        lid["verblijft_in_voorziening"] = lid["ref"] != "vader"
    code, out, err, uit = proefdruk(tmp_path, casus, capsys)
    assert code == 0, err
    assert "moeder-toekenning.pdf" in out.splitlines() and len(out.splitlines()) == len(list(uit.iterdir()))


@pytest.mark.parametrize("perceel", ["semimuraal", "intramuraal"])
def test_proefdruk_follows_the_engines_stay_rule_for_the_pleger(perceel):
    """Without verblijft_in_voorziening the engine takes a member who is only pleger not to stay (R12);
    the letters follow that rule, so his letter says nothing about the facility (issue 6 §2)."""
    import re

    from indicatie.beschikkingen.brief import Soort
    from indicatie.beschikkingen.invoer import ProefdrukInvoer, dossier_uit
    from indicatie.beschikkingen.opstellen import stel_brieven_op
    from indicatie.beschikkingen.rendering import render_html

    casus = copy.deepcopy(CASUS) | {"perceel": perceel, "pakket": "3"}
    brieven = stel_brieven_op(dossier_uit(ProefdrukInvoer.model_validate(casus), begroting(invoer=casus)),
                              Soort.TOEKENNING)
    html = {b.bestandsnaam: render_html(b) for b in brieven}
    assert not re.search(r"semimura|intramura|opvang|24 uur|verblijf|in de voorziening", html["vader-toekenning.pdf"],
                         re.IGNORECASE)
    assert perceel in html["moeder-toekenning.pdf"]


def test_amounts_in_the_letters_equal_the_engines(tmp_path, capsys):
    from hgarr.web.templatetags.nl import format_bedrag
    from indicatie.beschikkingen.brief import Soort
    from indicatie.beschikkingen.invoer import ProefdrukInvoer, dossier_uit
    from indicatie.beschikkingen.opstellen import stel_brieven_op
    from indicatie.beschikkingen.rendering import render_html

    uitkomst = begroting(invoer=CASUS)
    brieven = stel_brieven_op(dossier_uit(ProefdrukInvoer.model_validate(CASUS), uitkomst), Soort.TOEKENNING)
    for brief in brieven:
        html = render_html(brief)
        eigen = [r for r in regels_uit_begroting(uitkomst) if r.ref == brief.client_ref]
        assert eigen
        for r in eigen:
            assert format_bedrag(r.bedrag_per_week) in html and format_bedrag(r.bedrag_periode) in html
        assert format_bedrag(uitkomst.per_persoon[brief.client_ref].per_week) in html


def test_kinds_and_previous_version(tmp_path, capsys):
    casus = copy.deepcopy(CASUS) | {"soort": "wijziging", "vorige": {"pakket": "1"}}
    code, out, err, _ = proefdruk(tmp_path, casus, capsys)
    assert code == 0, err
    assert out.splitlines() == ["moeder-wijziging.pdf", "vader-wijziging.pdf", "kind_b-wijziging-moeder.pdf"]
    casus = copy.deepcopy(CASUS) | {"soort": "beëindiging", "reden": "Doelen bereikt."}
    code, out, err, _ = proefdruk(tmp_path, casus, capsys)
    assert code == 0 and "moeder-beeindiging.pdf" in out.splitlines()


def test_beeindiging_states_the_category_and_not_the_reason_text(tmp_path, capsys):
    from indicatie.beschikkingen.invoer import ProefdrukInvoer, dossier_uit
    from indicatie.beschikkingen.opstellen import stel_brieven_op
    from indicatie.beschikkingen.rendering import render_html

    casus = copy.deepcopy(CASUS) | {"soort": "beëindiging", "beeindigingsreden": "andere_hulp_passender",
                                    "reden": "GEHEIM-VERHAAL intern"}
    gegevens = ProefdrukInvoer.model_validate(casus)
    brieven = stel_brieven_op(dossier_uit(gegevens, begroting(invoer=casus)), gegevens.brief_soort)
    assert brieven
    for brief in brieven:
        html = render_html(brief)
        assert "Andere hulp past nu beter bij uw situatie." in html and "GEHEIM-VERHAAL" not in html
    code, out, err, _ = proefdruk(tmp_path, casus | {"beeindigingsreden": "overleden"}, capsys)
    assert code == 2 and "beeindigingsreden" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_nothing_is_stored(tmp_path, capsys):
    from indicatie.beschikkingen.models import Beschikking

    proefdruk(tmp_path, CASUS, capsys)
    assert not Beschikking.objects.exists()


@pytest.mark.parametrize(
    "casus",
    [
        "{niet: json",
        "[1, 2]",
        {**CASUS, "perceel": "thuis"},
        {**CASUS, "leden": []},
        {**CASUS, "leden": [{**CASUS["leden"][0], "gezag_over": ["zus"]}, *CASUS["leden"][1:]]},
        {**CASUS, "leden": [{**CASUS["leden"][0], "adres": "Coolsingel 40"}, *CASUS["leden"][1:]]},
        {**CASUS, "soort": "herziening"},
        {**CASUS, "ingangsdatum": "1 maart"},
    ],
)
def test_bad_input_gives_status_2_and_one_dutch_line(tmp_path, capsys, casus):
    code, out, err, uit = proefdruk(tmp_path, casus, capsys)
    assert code == 2
    assert out == ""
    regels = err.splitlines()
    assert len(regels) == 1 and regels[0].startswith("Fout: ")
    assert "Traceback" not in err
    assert not uit.exists() or not any(uit.iterdir())


def test_missing_file_and_missing_uit(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        call_command("proefdruk", str(tmp_path / "bestaat-niet.json"), "--uit", str(tmp_path / "uit"))
    assert e.value.code == 2 and "Bestand niet gevonden" in capsys.readouterr().err
    (tmp_path / "c.json").write_text(json.dumps(CASUS))
    with pytest.raises(SystemExit) as e:
        call_command("proefdruk", str(tmp_path / "c.json"))
    assert e.value.code == 2 and len(capsys.readouterr().err.splitlines()) == 1


def test_standard_input(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(CASUS)))
    call_command("proefdruk", "-", "--uit", str(tmp_path / "uit"))
    assert len(capsys.readouterr().out.splitlines()) == 3
