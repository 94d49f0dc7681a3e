"""manage.py begroting: JSON in, JSON out; bad input gives status 2 and one Dutch line (issue 3 §4)."""

import io
import json
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LEDEN = [
    {"ref": "m", "geboortedatum": "1991-04-12", "rollen": ["slachtoffer"], "doet_mee": True},
    {"ref": "p", "geboortedatum": "1989-01-30", "rollen": ["pleger"], "doet_mee": True,
     "verblijft_in_voorziening": False},
    {"ref": "k", "geboortedatum": "2017-08-01", "rollen": ["getuige"], "doet_mee": True},
]


def draai(invoer, tmp_path, capsys):
    bestand = tmp_path / "casus.json"
    bestand.write_text(invoer if isinstance(invoer, str) else json.dumps(invoer), encoding="utf-8")
    try:
        call_command("begroting", str(bestand))
        code = 0
    except SystemExit as e:
        code = e.code
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.mark.parametrize("perceel,pakket,producten", [
    ("extramuraal", "1", {"begeleiding_volwassenen", "begeleiding_kinderen"}),
    ("semimuraal", "2", {"begeleiding_volwassenen", "begeleiding_kinderen", "semimurale_ondersteuning",
                         "nachtelijke_ondersteuning"}),
    ("intramuraal", "3", {"begeleiding_volwassenen", "begeleiding_kinderen", "intramurale_ondersteuning",
                          "nachtelijke_ondersteuning", "verblijf"}),
])
def test_elk_perceel(perceel, pakket, producten, tmp_path, capsys):
    code, out, err = draai({"perceel": perceel, "pakket": pakket, "ingangsdatum": "2026-02-01",
                            "gemeente": "Rotterdam", "leden": LEDEN}, tmp_path, capsys)
    assert code == 0, err
    uit = json.loads(out)
    assert {r["product"] for r in uit["regels"]} == producten
    assert uit["dagen"] == 365 and uit["tariefjaar"] == 2026
    assert uit["totaal_per_week"] == f"{sum(float(r['bedrag_per_week']) for r in uit['regels']):.2f}"
    for r in uit["regels"]:
        assert set(r) >= {"ref", "voor", "wet", "product", "uren_per_week", "trede", "tarief_per_uur",
                          "bedrag_per_week", "bedrag_periode", "extramuraal", "toelichting"}
        assert r["bedrag_per_week"].count(".") == 1 and len(r["bedrag_per_week"].split(".")[1]) == 2
    if perceel != "extramuraal":
        pleger = [r for r in uit["regels"] if r["ref"] == "p"]
        assert [r["product"] for r in pleger] == ["begeleiding_volwassenen"] and pleger[0]["extramuraal"]
    if perceel == "intramuraal":
        assert [r["voor"] for r in uit["regels"] if r["product"] == "verblijf"] == [None, "k"]


def test_standaardinvoer(monkeypatch, capsys):
    invoer = {"perceel": "extramuraal", "pakket": "vrij", "ingangsdatum": "2026-01-01", "einddatum": "2026-06-30",
              "leden": LEDEN, "vrije_trede": {"wmo_per_week": "200.01", "jeugd_per_week": "80",
                                              "motivering": "Groot gezin."}}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(invoer)))
    call_command("begroting", "-")
    uit = json.loads(capsys.readouterr().out)
    assert [(r["ref"], r["bedrag_per_week"]) for r in uit["regels"]] == [("m", "100.01"), ("p", "100.00"),
                                                                          ("k", "80.00")]
    assert uit["dagen"] == 181 and uit["per_persoon"]["k"]["periode"] == "2068.57"


@pytest.mark.parametrize("invoer,melding", [
    ("{kapot", "Ongeldige JSON"),
    ({"perceel": "thuis", "pakket": "1"}, "perceel"),
    ({"perceel": "semimuraal", "pakket": "1"}, "Pakket 1"),
    ({"perceel": "extramuraal", "gemeente": "Barendrecht"}, "R14"),
    ({"perceel": "intramuraal", "pakket": "2", "gemeente": "Amsterdam"}, "R14"),
    ({"einddatum": "2025-12-31"}, "einddatum"),
    ({"leden": [{"ref": "x", "geboortedatum": "2099-01-01", "doet_mee": True}]}, "toekomst"),
    ({"leden": [LEDEN[0], LEDEN[0]]}, "meer dan eens"),
    ({"leden": [{**LEDEN[0], "doet_mee": False}]}, "Niemand"),
    ({"maatwerk": [{"product": "dagbesteding", "trede": 1, "ref": "k"}]}, "volwassenen"),
    ({"perceel": "intramuraal", "pakket": "2", "maatwerk": [{"product": "nachtelijke_ondersteuning", "trede": 1,
                                                             "ref": "m"}]}, "niet toegestaan"),
    ({"pakket": "vrij", "vrije_trede": {"wmo_per_week": "10"}}, "motivering"),
    ({"ingangsdatum": "2031-01-01"}, "geen tariefparameterset"),
])
def test_fouten(invoer, melding, tmp_path, capsys):
    if isinstance(invoer, dict):
        invoer = {"perceel": "extramuraal", "pakket": "2", "ingangsdatum": "2026-01-01", "leden": LEDEN, **invoer}
    code, out, err = draai(invoer, tmp_path, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("Fout: ") and melding in err
    assert "Traceback" not in err
