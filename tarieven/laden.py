"""Reading default parameter sets from ``fixtures/tarieven/`` (data migration and tests)."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings

from .parameters import Parameters

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "tarieven"
STANDAARD_2026 = FIXTURES / "parameterset_2026.json"


def lees_parameterfixture(pad: Path) -> dict:
    """The fixture as a dict; ``data`` is validated with pydantic (raises pydantic.ValidationError)."""
    with open(pad, encoding="utf-8") as f:
        inhoud = json.load(f)
    parameters = Parameters.model_validate(inhoud["data"])
    geldig_vanaf = date.fromisoformat(inhoud["geldig_vanaf"])
    if parameters.jaar != inhoud["jaar"] or geldig_vanaf.year != parameters.jaar:
        raise ValueError(f"{pad.name}: jaar en geldig_vanaf horen bij hetzelfde tariefjaar.")
    return {
        "jaar": parameters.jaar,
        "geldig_vanaf": geldig_vanaf,
        "naam": parameters.naam,
        "bron": inhoud.get("bron", ""),
        "toelichting": inhoud.get("toelichting", ""),
        "data": inhoud["data"],
    }


def laad_parameterfixture(parameterset_model, pad: Path) -> bool:
    """Creates the set unless one exists for that year and date (works with the historical model)."""
    inhoud = lees_parameterfixture(pad)
    _, nieuw = parameterset_model.objects.get_or_create(
        jaar=inhoud["jaar"], geldig_vanaf=inhoud["geldig_vanaf"],
        defaults={k: inhoud[k] for k in ("naam", "bron", "toelichting", "data")},
    )
    return nieuw
