"""Reads of the versioned catalogue. Validated tables are cached per process by row and content, so
repeated budgets do not re-validate the same JSON."""

import json
from datetime import date

from pydantic import BaseModel

from .catalogus import Catalogus
from .models import Tabelsoort, Tabelversie
from .tabellen import valideer

_cache: dict[tuple, BaseModel] = {}


def gevalideerde_inhoud(versie: Tabelversie) -> BaseModel:
    sleutel = (versie.pk, versie.soort, json.dumps(versie.data, sort_keys=True))
    model = _cache.get(sleutel)
    if model is None:
        if len(_cache) > 64:
            _cache.clear()
        model = _cache[sleutel] = valideer(versie.soort, versie.data)
    return model


def catalogusversie_op(peildatum: date) -> Tabelversie | None:
    return Tabelversie.geldig_op(Tabelsoort.CATALOGUS, peildatum)


def catalogus_op(peildatum: date) -> tuple[Tabelversie, Catalogus] | None:
    """The catalogue valid on ``peildatum`` (the newest version from a date on or before it)."""
    versie = catalogusversie_op(peildatum)
    if versie is None:
        return None
    return versie, gevalideerde_inhoud(versie)


def tabelversies(soort: str) -> list[Tabelversie]:
    return list(Tabelversie.objects.filter(soort=soort).order_by("-geldig_vanaf"))
