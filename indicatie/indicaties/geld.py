"""Money over time (issue 5 §8), computed only from the stored versions: per person per week, per
version period and the committed total per calendar year.

DESIGN.md §4: amounts are Decimal; a period amount per line is round(week amount × calendar days / 7, 2)
with ROUND_HALF_UP; totals are sums of rounded lines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NUL = Decimal("0.00")


def _bedrag(waarde) -> Decimal:
    return Decimal(str(waarde or "0")).quantize(CENT, rounding=ROUND_HALF_UP)


def regels(begroting: dict | None) -> list[dict]:
    return list((begroting or {}).get("regels", []))


def per_week(begroting: dict | None) -> dict[str, Decimal]:
    """ref -> amount per week: the sum of the (already rounded) lines of that person."""
    uitkomst: dict[str, Decimal] = defaultdict(lambda: NUL)
    for regel in regels(begroting):
        uitkomst[regel["ref"]] += _bedrag(regel.get("bedrag_per_week"))
    return dict(uitkomst)


def dagen(vanaf: date, tot: date) -> int:
    """Calendar days from ``vanaf`` up to and including ``tot``."""
    return (tot - vanaf).days + 1


def regelbedrag(week: Decimal, aantal_dagen: int) -> Decimal:
    return (Decimal(week) * aantal_dagen / 7).quantize(CENT, rounding=ROUND_HALF_UP)


def over_periode(begroting: dict | None, vanaf: date, tot: date) -> dict[str, Decimal]:
    """ref -> amount for the period [vanaf, tot], line by line."""
    aantal = dagen(vanaf, tot)
    uitkomst: dict[str, Decimal] = defaultdict(lambda: NUL)
    if aantal <= 0:
        return {}
    for regel in regels(begroting):
        uitkomst[regel["ref"]] += regelbedrag(_bedrag(regel.get("bedrag_per_week")), aantal)
    return dict(uitkomst)


def jaardelen(vanaf: date, tot: date) -> list[tuple[int, date, date]]:
    """[vanaf, tot] split by calendar year: [(jaar, begin, eind), ...]."""
    delen = []
    for jaar in range(vanaf.year, tot.year + 1):
        begin = max(vanaf, date(jaar, 1, 1))
        eind = min(tot, date(jaar, 12, 31))
        delen.append((jaar, begin, eind))
    return delen


def regel_per_jaar(week: Decimal, vanaf: date, tot: date) -> list[tuple[int, Decimal]]:
    """One line's period amount split by calendar year, so that the parts add up to the period amount:
    every year but the last is round(week × its days / 7, 2), the last year is the period amount
    minus the earlier parts (rounding each part on its own can be a cent off the total)."""
    delen = jaardelen(vanaf, tot)
    rest = regelbedrag(week, dagen(vanaf, tot))
    uitkomst = []
    for jaar, begin, eind in delen[:-1]:
        deel = regelbedrag(week, dagen(begin, eind))
        uitkomst.append((jaar, deel))
        rest -= deel
    uitkomst.append((delen[-1][0], rest))
    return uitkomst


def per_kalenderjaar(versies: Iterable) -> dict[int, dict[str, Decimal]]:
    """jaar -> ref -> committed amount, from the effective periods of the decided versions. Per version
    the years add up to its amount for the effective period (``over_periode``)."""
    uitkomst: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: NUL))
    for versie in versies:
        if versie.status != "vastgesteld" or versie.geldig_vanaf is None or versie.geldig_tot < versie.geldig_vanaf:
            continue
        for regel in regels(versie.begroting):
            week = _bedrag(regel.get("bedrag_per_week"))
            for jaar, bedrag in regel_per_jaar(week, versie.geldig_vanaf, versie.geldig_tot):
                uitkomst[jaar][regel["ref"]] += bedrag
    return {jaar: dict(p) for jaar, p in sorted(uitkomst.items())}


def verschil(nieuw: dict[str, Decimal], oud: dict[str, Decimal] | None) -> dict[str, Decimal]:
    """ref -> new minus old per week (a person who is new or gone counts as zero on the other side)."""
    if oud is None:
        return {}
    return {ref: nieuw.get(ref, NUL) - oud.get(ref, NUL) for ref in dict.fromkeys([*oud, *nieuw])}
