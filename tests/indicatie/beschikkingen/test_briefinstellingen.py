"""The letterhead and objection route come from configuration (environment variables), not code."""

import json
import os
import subprocess
import sys
from pathlib import Path

from indicatie.beschikkingen.brief import Soort
from indicatie.beschikkingen.opstellen import stel_brieven_op
from indicatie.beschikkingen.rendering import render_html

from .conftest import dossier

ROOT = Path(__file__).resolve().parents[3]


def test_omgevingsvariabelen_worden_briefinstellingen():
    omgeving = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "hgarr.settings.test",
        "HGARR_BRIEF_POSTADRES": "Postbus 1234, 3000 AB Voorbeeldstad",
        "HGARR_BRIEF_TELEFOON": "010 000 0000",
        "HGARR_WMO_ABONNEMENTSTARIEF": "22.10",
    }
    code = (
        "import django, json; django.setup(); from indicatie.beschikkingen.rendering import afzender; "
        "a = afzender(); print(json.dumps({k: str(v) if k == 'abonnementstarief' else v for k, v in a.items()}))"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=60
    )
    assert uit.returncode == 0, uit.stderr
    afzender = json.loads(uit.stdout)
    assert afzender["postadres"] == ["Postbus 1234", "3000 AB Voorbeeldstad"]
    assert afzender["bezwaaradres"] == afzender["postadres"]  # objections go to the post address by default
    assert afzender["telefoon"] == "010 000 0000"
    assert afzender["abonnementstarief"] == "22.10"


def test_brief_toont_het_ingestelde_bezwaaradres_en_telefoonnummer(settings):
    settings.HGARR_BEZWAAR_ADRES = ["Bezwaarschriften", "Postbus 9999", "3000 ZZ Rotterdam"]
    settings.HGARR_BRIEF_TELEFOON = "010 123 4567"
    brief = stel_brieven_op(dossier(), Soort.TOEKENNING)[0]
    html = render_html(brief)
    assert "Postbus 9999" in html and "3000 ZZ Rotterdam" in html
    assert "010 123 4567" in html
