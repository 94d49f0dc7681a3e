"""Dutch one-line messages for pydantic validation errors."""

from pydantic import ValidationError

_MELDINGEN = {
    "missing": "ontbreekt",
    "extra_forbidden": "is niet toegestaan",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "decimal_parsing": "moet een getal zijn",
    "decimal_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "model_type": "moet een object zijn",
    "literal_error": "heeft een onbekende waarde",
    "enum": "heeft een onbekende waarde",
    "too_short": "is te kort",
    "too_long": "is te lang",
    "greater_than_equal": "is te klein",
    "greater_than": "is te klein",
    "less_than_equal": "is te groot",
    "less_than": "is te groot",
}


def veldpad(loc: tuple) -> str:
    delen = []
    for deel in loc:
        if isinstance(deel, int):
            delen.append(f"[{deel}]")
        else:
            delen.append(("." if delen else "") + str(deel))
    return "".join(delen) or "invoer"


def eerste_fout(fout: ValidationError) -> str:
    """One Dutch line for the first error. Custom messages (ValueError in a validator) pass as-is."""
    err = fout.errors(include_url=False)[0]
    soort = err.get("type", "")
    pad = veldpad(tuple(p for p in err.get("loc", ()) if p not in ("function-after", "function-before")))
    if soort == "value_error":
        tekst = str(err.get("ctx", {}).get("error", err.get("msg", "")))
        return tekst if not pad or pad == "invoer" else f"{pad}: {tekst}"
    if soort in ("literal_error", "enum"):
        verwacht = err.get("ctx", {}).get("expected", "")
        waarde = err.get("input")
        return f"{pad} heeft een onbekende waarde {waarde!r}; verwacht: {verwacht.replace(' or ', ' of ')}"
    melding = _MELDINGEN.get(soort, "is ongeldig")
    return f"{pad} {melding}"
