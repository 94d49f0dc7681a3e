"""The JSON case of ``manage.py toewijzing`` (issue 8 §5): the ``proefdruk`` case (issue 6 §6), itself
the ``begroting`` case (issue 3 §4) plus per member ``voornamen``, ``voorvoegsel``, ``achternaam``,
``bsn``, ``geslacht``, ``geen_berichtenverkeer``, ``adres``, ``vertrouwelijk_adres``,
``correspondentieadres``, ``gezag_over`` (for the contact address only), and on the case ``aanbieder``
(``naam``, ``agb``), ``kenmerk``, ``beslisser`` and an optional ``datum`` (the message date).

The engine validates and computes its own part; this schema reads only the extra fields. Unknown fields
are ignored. Fields only a message needs (BSN, surname, AGB code) are checked for the members who get a
message, in ``samenstellen.py``, so a case where nobody gets a message needs none of them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from indicatie.proefgeval import AdresInvoer, Invoer, JaNee, TekstOfLeeg

from .bericht import Adres
from .contactadres import Bewoner

_GESLACHT = {
    "0": "0", "onbekend": "0", "o": "0", "x": "0", "": "0", "unknown": "0",
    "1": "1", "man": "1", "m": "1", "mannelijk": "1", "male": "1",
    "2": "2", "vrouw": "2", "v": "2", "f": "2", "vrouwelijk": "2", "female": "2",
}


def _nummer(cijfers: int):
    """A BSN (9 digits) or AGB code (8): a number gets back its leading zeros, text loses spaces, dots
    and dashes."""

    def lees(v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, int) and not isinstance(v, bool):
            return f"{v:0{cijfers}d}"
        return re.sub(r"[\s.\-]", "", v) if isinstance(v, str) else v

    return lees


class LidInvoer(Invoer):
    ref: TekstOfLeeg = Field(min_length=1)
    geboortedatum: date
    voornamen: TekstOfLeeg = ""
    voorvoegsel: TekstOfLeeg = ""
    achternaam: TekstOfLeeg = ""
    bsn: Annotated[str, BeforeValidator(_nummer(9))] = ""
    geslacht: str = "0"
    geen_berichtenverkeer: JaNee = False
    adres: AdresInvoer | None = None
    vertrouwelijk_adres: JaNee = False
    correspondentieadres: AdresInvoer | None = None
    # The children this member has gezag over: only for the contact address choice (a child of a parent
    # with gezag and a confidential address gets no residential address).
    gezag_over: Annotated[list[str], BeforeValidator(lambda v: [] if v is None else v)] = []

    @field_validator("geslacht", mode="before")
    @classmethod
    def geslacht_code(cls, v):
        """iStandaard COD046: 0 onbekend, 1 man, 2 vrouw (also the words)."""
        if v is None:
            return "0"
        sleutel = str(v).strip().lower() if not isinstance(v, bool) else None
        if sleutel not in _GESLACHT:
            raise ValueError("geslacht moet 0 (onbekend), 1 (man) of 2 (vrouw) zijn")
        return _GESLACHT[sleutel]

    def als_bewoner(self) -> Bewoner:
        """The member for the contact address choice (``contactadres.py``, shared with the decided
        versions): the JSON ``adres`` is where the member lives."""
        return Bewoner(
            ref=self.ref,
            woonadres=self.adres.als_adres(Adres) if self.adres is not None else None,
            correspondentieadres=(
                self.correspondentieadres.als_adres(Adres) if self.correspondentieadres is not None else None
            ),
            vertrouwelijk=self.vertrouwelijk_adres,
            gezag_over=frozenset(self.gezag_over),
            woonadres_naam="het opgegeven adres",
        )


class AanbiederInvoer(Invoer):
    naam: TekstOfLeeg = ""
    agb: Annotated[str, BeforeValidator(_nummer(8))] = ""


class ToewijzingInvoer(Invoer):
    leden: list[LidInvoer] = Field(min_length=1)
    aanbieder: AanbiederInvoer | None = None
    kenmerk: TekstOfLeeg = ""
    datum: date | None = None
    # As in ``proefdruk``: the kind of decision and, for a change, the fields of the previous version
    # that differ from this case. A wijziging / beëindiging / verlenging then sends the updated set
    # with RedenWijziging and the numbers kept (plannen.py); an afwijzing sends nothing.
    soort: Literal["toekenning", "wijziging", "beeindiging", "beëindiging", "verlenging", "afwijzing"] = "toekenning"
    vorige: dict | None = None

    @field_validator("soort", mode="before")
    @classmethod
    def soort_klein(cls, v):
        return "toekenning" if v is None else (v.strip().lower() if isinstance(v, str) else v)

    @property
    def plansoort(self) -> str:
        return "beeindiging" if self.soort == "beëindiging" else self.soort
