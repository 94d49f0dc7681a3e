"""Dutch formatting: € 1.234,56 and 23 november 2026 (DESIGN.md §4, issue 6 §3)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django import template

from hgarr.datums import lange_datum

register = template.Library()


def format_bedrag(waarde, met_teken: bool = True) -> str:
    if waarde in (None, ""):
        return ""
    bedrag = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    teken = "-" if bedrag < 0 else ""
    heel, _, centen = f"{abs(bedrag):.2f}".partition(".")
    groepen = []
    while len(heel) > 3:
        groepen.insert(0, heel[-3:])
        heel = heel[:-3]
    groepen.insert(0, heel)
    tekst = f"{teken}{'.'.join(groepen)},{centen}"
    return f"€ {tekst}" if met_teken else tekst


def format_getal(waarde, decimalen: int = 2) -> str:
    if waarde in (None, ""):
        return ""
    return f"{Decimal(str(waarde)):.{decimalen}f}".replace(".", ",")


@register.filter
def euro(waarde):
    return format_bedrag(waarde)


@register.filter
def euro_verschil(waarde):
    """A difference with its sign always in the same place: € +352,57, € -167,17, € 0,00."""
    tekst = format_bedrag(waarde)
    if tekst and Decimal(str(waarde)) > 0:
        return tekst.replace("€ ", "€ +", 1)
    return tekst


@register.filter
def getal(waarde, decimalen=2):
    return format_getal(waarde, int(decimalen))


@register.filter
def datum_lang(waarde):
    if not isinstance(waarde, date):
        return waarde or ""
    return lange_datum(waarde)


@register.filter
def leeftijd(lid, peildatum=None):
    return lid.leeftijd(peildatum)
