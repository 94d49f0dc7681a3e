"""What ``manage.py proefdruk`` (letters) and ``manage.py toewijzing`` (301 messages) share: the reading
of the extra fields of their JSON case on top of the engine's ``begroting`` case (issue 3 §4, issue 6 §6,
issue 8 §5), and the directory they write their files to.

Each command keeps its own member and case model (``beschikkingen/invoer.py``, ``toewijzingen/invoer.py``)
because they accept different fields; the building blocks here are the parts that behave the same.
Unknown fields are ignored, as in the engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict

from hgarr.web.commando import Invoerfout


class Invoer(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


def als_tekst(v: Any) -> Any:
    """Numbers where text is meant (a house number 12, a BSN) are read as text."""
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return str(v)
    return v


def _tekst_of_leeg(v: Any) -> Any:
    return "" if v is None else als_tekst(v)


def _nee_als_leeg(v: Any) -> Any:
    return False if v is None else v


# Text that may be given as a number.
Tekst = Annotated[str, BeforeValidator(als_tekst)]
# The same, with null read as empty text.
TekstOfLeeg = Annotated[str, BeforeValidator(_tekst_of_leeg)]
# A yes/no, with null read as no.
JaNee = Annotated[bool, BeforeValidator(_nee_als_leeg)]

_A = TypeVar("_A")


class AdresInvoer(Invoer):
    straat: TekstOfLeeg = ""
    huisnummer: TekstOfLeeg = ""
    postcode: TekstOfLeeg = ""
    plaats: TekstOfLeeg = ""

    def als_adres(self, soort: type[_A]) -> _A:
        """The address as the letter's or the message's ``Adres``."""
        return soort(self.straat, self.huisnummer, self.postcode, self.plaats)


def uitvoermap(pad: str) -> Path:
    """The directory given with ``--uit``, created when missing."""
    map_ = Path(pad)
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise Invoerfout(f"De map {map_} kan niet worden aangemaakt ({fout.__class__.__name__}).") from None
    if not map_.is_dir():
        raise Invoerfout(f"{map_} is geen map.")
    return map_


def schrijf(map_: Path, naam: str, inhoud: bytes) -> None:
    try:
        (map_ / naam).write_bytes(inhoud)
    except OSError as fout:
        raise Invoerfout(f"Het bestand {naam} kan niet worden geschreven ({fout.__class__.__name__}).") from None
