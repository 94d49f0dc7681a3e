"""manage.py voorstel FILE|- (issue 4 §5): JSON out, unknown fields ignored, bad input = status 2 and one
Dutch line on stderr. Run as a real process, as a functioneel beheerder would."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BASIS = {
    "veiligheid": "dreigend", "vaardigheden": "voldoende", "nabijheid_24_uur": False, "niet_zelfstandig_wonen": False,
    "bestaande_wmo_verblijf": False, "langdurig_of_specialistisch": True, "ingangsdatum": "2026-12-01",
    "leden": [{"ref": "moeder", "geboortedatum": "1988-03-14", "rollen": ["slachtoffer"], "doet_mee": True,
               "verblijft_in_voorziening": False},
              {"ref": "kind", "geboortedatum": "2015-05-20", "rollen": ["getuige"]}],
}


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated SQLite database of its own (the default decision table comes from the migration)."""
    pad = tmp_path_factory.mktemp("db") / "voorstel.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hgarr.settings.test", "DATABASE_URL": f"sqlite:///{pad}"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return env


def voorstel(env, *args, stdin=None):
    return subprocess.run([sys.executable, "manage.py", "voorstel", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True)


def test_uit_bestand_en_onbekende_velden_genegeerd(database, tmp_path):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps({**BASIS, "opmerking": "genegeerd"}), encoding="utf-8")
    r = voorstel(database, str(bestand))
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert list(uit) == ["perceel", "pakket", "advies", "redenen"]
    assert (uit["perceel"], uit["pakket"], uit["advies"]) == ("extramuraal", "1", "hg-arrangement")
    assert uit["redenen"][0]["regel"] == "R18" and "een stap lichter" in uit["redenen"][0]["tekst"]


@pytest.mark.parametrize("wijziging,verwacht", [
    ({"langdurig_of_specialistisch": False}, (None, None, "basishulp")),
    ({"veiligheid": "acuut_onveilig"}, ("intramuraal", "3", "eerst-directe-veiligheid")),
    ({"niet_zelfstandig_wonen": True}, ("intramuraal", "2", "hg-arrangement")),
    ({"bestaande_wmo_verblijf": True, "nabijheid_24_uur": True, "vaardigheden": "ontbrekend"},
     ("extramuraal", "1", "hg-arrangement")),
    ({"leden": BASIS["leden"] + [{"ref": f"k{i}", "geboortedatum": "2018-01-01"} for i in range(3)]},
     ("extramuraal", "vrij", "hg-arrangement")),
])
def test_vaste_regels_via_stdin(database, wijziging, verwacht):
    r = voorstel(database, "-", stdin=json.dumps({**BASIS, **wijziging}))
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert (uit["perceel"], uit["pakket"], uit["advies"]) == verwacht


def test_leeftijd_op_ingangsdatum(database):
    # Turns 18 on 2026-12-01: an adult on that start date, so three children, not four.
    leden = BASIS["leden"] + [{"ref": f"k{i}", "geboortedatum": "2018-01-01"} for i in range(2)] + [
        {"ref": "oudste", "geboortedatum": "2008-12-01"}]
    uit = json.loads(voorstel(database, "-", stdin=json.dumps({**BASIS, "leden": leden})).stdout)
    assert uit["pakket"] == "1"
    uit = json.loads(voorstel(database, "-", stdin=json.dumps({**BASIS, "leden": leden,
                                                                "ingangsdatum": "2026-11-30"})).stdout)
    assert uit["pakket"] == "vrij"


def test_andere_tabel_uit_bestand(database, tmp_path):
    fixture = json.loads((ROOT / "fixtures" / "beslistabel" / "beslistabel_2026.json").read_text(encoding="utf-8"))
    fixture["data"]["matrix"]["dreigend"]["voldoende"]["pakket"] = "2"
    fixture["data"]["matrix"]["stabiel_kwetsbaar"]["ontbrekend"]["pakket"] = "2"
    tabel = tmp_path / "tabel.json"
    tabel.write_text(json.dumps(fixture), encoding="utf-8")
    uit = json.loads(voorstel(database, "-", "--tabel", str(tabel), stdin=json.dumps(BASIS)).stdout)
    assert uit["pakket"] == "2"
    fixture["data"]["matrix"]["acuut_onveilig"]["ontbrekend"]["pakket"] = "1"
    tabel.write_text(json.dumps(fixture["data"]), encoding="utf-8")
    r = voorstel(database, "-", "--tabel", str(tabel), stdin=json.dumps(BASIS))
    assert r.returncode == 2 and "lichter" in r.stderr


@pytest.mark.parametrize("invoer,melding", [
    ("{niet json", "Ongeldige JSON"),
    ("[]", "JSON-object"),
    (json.dumps({**BASIS, "veiligheid": "gevaarlijk"}), "veiligheid heeft een onbekende waarde"),
    (json.dumps({k: v for k, v in BASIS.items() if k != "vaardigheden"}), "vaardigheden ontbreekt"),
    (json.dumps({**BASIS, "nabijheid_24_uur": "ja"}), "nabijheid_24_uur moet true of false zijn"),
    (json.dumps({**BASIS, "ingangsdatum": "1-12-2026"}), "ingangsdatum moet een datum zijn"),
    (json.dumps({**BASIS, "leden": [{"ref": "x", "geboortedatum": "2030-01-01"}]}), "na de ingangsdatum"),
    (json.dumps({**BASIS, "ingangsdatum": "2020-01-01"}), "geen beslistabel geldig"),
])
def test_foute_invoer_status_2_en_een_regel(database, invoer, melding):
    r = voorstel(database, "-", stdin=invoer)
    assert r.returncode == 2
    assert r.stdout == ""
    regels = r.stderr.strip().splitlines()
    assert len(regels) == 1 and melding in regels[0] and "Traceback" not in r.stderr


def test_bestand_niet_gevonden(database, tmp_path):
    r = voorstel(database, str(tmp_path / "bestaat-niet.json"))
    assert r.returncode == 2 and "Bestand niet gevonden" in r.stderr
