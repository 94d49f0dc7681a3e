"""Reading versioned reference tables from ``fixtures/`` (used by the data migration and by tests)."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings

from .tabellen import valideer

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
CATALOGUS_FIXTURE = FIXTURES / "pakketten" / "catalogus.json"


def lees_tabelfixture(pad: Path) -> dict:
    """Returns the fixture as a dict (soort, geldig_vanaf as date, bron, toelichting, data); the data
    is validated with the pydantic schema of its soort (raises pydantic.ValidationError)."""
    with open(pad, encoding="utf-8") as f:
        inhoud = json.load(f)
    valideer(inhoud["soort"], inhoud["data"])
    return {
        "soort": inhoud["soort"],
        "geldig_vanaf": date.fromisoformat(inhoud["geldig_vanaf"]),
        "bron": inhoud.get("bron", ""),
        "toelichting": inhoud.get("toelichting", ""),
        "data": inhoud["data"],
    }


def laad_tabelfixture(tabelversie_model, pad: Path) -> bool:
    """Creates the version from the fixture unless a version of that soort and date exists. Works with
    the historical model in a migration. Returns True when a row was created."""
    inhoud = lees_tabelfixture(pad)
    _, nieuw = tabelversie_model.objects.get_or_create(
        soort=inhoud["soort"],
        geldig_vanaf=inhoud["geldig_vanaf"],
        defaults={"data": inhoud["data"], "bron": inhoud["bron"], "toelichting": inhoud["toelichting"]},
    )
    return nieuw
