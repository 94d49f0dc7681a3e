"""Reads: the parameter set and tariff sheet for a date, and the engine's Omgeving (catalogue, tariff
sheet and the R14 municipality configuration). Validated sets and sheets are cached per process by row
and content, so a budget costs two small queries."""

import json
from datetime import date

from django.conf import settings

from pakketten.selectors import catalogus_op

from .engine import Omgeving, normaliseer_gemeente
from .models import Parameterset
from .parameters import Parameters
from .tariefblad import Tariefblad, maak_tariefblad

_bladen: dict[tuple, Tariefblad] = {}


class GeenParameterset(ValueError):
    """No parameter set (or catalogue) for the date: a Dutch sentence for the user that says who can
    solve it. Deliberately no fallback to an earlier year (docs/besluiten.md: money must be right)."""


def geen_parameterset_melding(peildatum: date) -> str:
    return (f"Er is geen tariefparameterset voor tariefjaar {peildatum.year} (de datum {peildatum:%d-%m-%Y}): "
            f"vraag de functioneel beheerder de set {peildatum.year} aan te maken in het beheer "
            "(Tariefparametersets, actie 'Volgend tariefjaar starten').")


def parameterset_op(peildatum: date) -> Parameterset | None:
    return Parameterset.geldig_op(peildatum)


def parameters_van(parameterset: Parameterset) -> Parameters:
    return Parameters.model_validate(parameterset.data)


def tariefblad_van(parameterset: Parameterset, catalogus_versie, catalogus) -> Tariefblad:
    sleutel = (parameterset.pk, json.dumps(parameterset.data, sort_keys=True), catalogus_versie.pk,
               json.dumps(catalogus_versie.data, sort_keys=True))
    blad = _bladen.get(sleutel)
    if blad is None:
        if len(_bladen) > 32:
            _bladen.clear()
        blad = _bladen[sleutel] = maak_tariefblad(parameters_van(parameterset), catalogus)
    return blad


def regio_gemeenten() -> frozenset[str]:
    namen = [settings.HGARR_GEMEENTE, *getattr(settings, "HGARR_REGIO_GEMEENTEN", [])]
    return frozenset(normaliseer_gemeente(n) for n in namen if n)


def omgeving_op(peildatum: date) -> Omgeving:
    """Raises GeenParameterset when the date has no parameter set or catalogue."""
    parameterset = parameterset_op(peildatum)
    if parameterset is None:
        raise GeenParameterset(geen_parameterset_melding(peildatum))
    gevonden = catalogus_op(peildatum)
    if gevonden is None:
        raise GeenParameterset(f"Er is geen pakketcatalogus geldig op {peildatum:%d-%m-%Y}.")
    catalogus_versie, catalogus = gevonden
    return Omgeving(
        catalogus=catalogus,
        tariefblad=tariefblad_van(parameterset, catalogus_versie, catalogus),
        gemeente=settings.HGARR_GEMEENTE,
        regio=regio_gemeenten(),
        parameterset_id=parameterset.pk,
        catalogus_versie_id=catalogus_versie.pk,
    )


def parametersets() -> list[Parameterset]:
    return list(Parameterset.objects.order_by("-jaar", "-geldig_vanaf"))


def parameterset_voor_jaar(jaar: int | None, vandaag: date | None = None) -> Parameterset | None:
    """The newest set of ``jaar``; without a year the set valid today, else the newest set there is."""
    if jaar is not None:
        return Parameterset.objects.filter(jaar=jaar).order_by("-geldig_vanaf").first()
    vandaag = vandaag or date.today()
    return Parameterset.geldig_op(vandaag) or Parameterset.objects.order_by("-jaar", "-geldig_vanaf").first()


def tariefblad_voor(parameterset: Parameterset):
    """(tariefblad, catalogus_versie, catalogus) for a set, with the catalogue valid on its start date.
    Raises GeenParameterset when no catalogue is valid then."""
    gevonden = catalogus_op(parameterset.geldig_vanaf)
    if gevonden is None:
        raise GeenParameterset(f"Er is geen pakketcatalogus geldig op {parameterset.geldig_vanaf:%d-%m-%Y}.")
    versie, catalogus = gevonden
    return tariefblad_van(parameterset, versie, catalogus), versie, catalogus


def beschikbare_jaren() -> list[int]:
    return sorted(set(Parameterset.objects.values_list("jaar", flat=True)), reverse=True)


def productnamen(peildatum: date | None = None) -> dict[str, str]:
    """Product code -> its Dutch name from the catalogue valid on ``peildatum`` (default today): the one
    mapping every screen uses. One query; empty when there is no catalogue."""
    gevonden = catalogus_op(peildatum or date.today())
    return {p.code: p.naam for p in gevonden[1].producten} if gevonden else {}


def productnaam(code: str, namen: dict[str, str]) -> str:
    """The name from ``productnamen``; a code the catalogue does not know still reads as words."""
    return namen.get(code) or code.replace("_", " ").capitalize()
