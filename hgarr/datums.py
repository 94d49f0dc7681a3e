"""Date rules shared by the engine and the app (DESIGN.md §4): adult from the 18th birthday."""

from datetime import date

MEERDERJARIG = 18


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    """Age in whole years on ``peildatum``; someone born on 29 February turns a year older on 1 March."""
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def is_volwassen_op(geboortedatum: date, peildatum: date) -> bool:
    return leeftijd_op(geboortedatum, peildatum) >= MEERDERJARIG


def lange_datum(d: date) -> str:
    """23 november 2026."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
