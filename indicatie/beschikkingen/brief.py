"""The data of one decision letter (beschikking), independent of the ORM and of the engine's internals.

``opstellen.py`` builds these from a case (a decided version, or a JSON case for ``proefdruk``);
``rendering.py`` turns one into HTML and PDF. Everything a letter shows is in here, so tests can check
what a letter may and may not contain without parsing a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Soort(StrEnum):
    """Letter kinds (issue 6 §1). The value is the word used in file names (ASCII)."""

    TOEKENNING = "toekenning"
    WIJZIGING = "wijziging"
    BEEINDIGING = "beeindiging"
    AFWIJZING = "afwijzing"

    @property
    def label(self) -> str:
        return SOORT_LABELS[self]


SOORT_LABELS = {
    Soort.TOEKENNING: "toekenning",
    Soort.WIJZIGING: "wijziging",
    Soort.BEEINDIGING: "beëindiging",
    Soort.AFWIJZING: "afwijzing",
}


class Wet(StrEnum):
    WMO = "Wmo"
    JEUGDWET = "Jeugdwet"


@dataclass(frozen=True)
class Adres:
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    plaats: str = ""

    @property
    def is_compleet(self) -> bool:
        return bool(self.straat.strip() and self.huisnummer.strip() and self.plaats.strip())

    def regels(self) -> tuple[str, ...]:
        return (
            f"{self.straat} {self.huisnummer}".strip(),
            f"{self.postcode}  {self.plaats.upper()}".strip(),
        )


@dataclass(frozen=True)
class Geadresseerde:
    """Who the letter is sent to, with only their own safe postal address (issue 6 §2)."""

    ref: str
    naam: str
    adres: tuple[str, ...] | None  # None: no safe address, the letter cannot be sent
    reden_geen_adres: str = ""
    aanhef: str = "Geachte heer/mevrouw"
    in_voorziening: bool = False  # stays in the facility of a semi-/intramural arrangement
    is_pleger: bool = False  # victim-directed wording is never addressed to the pleger


@dataclass(frozen=True)
class Voorzieningregel:
    """One granted product, as the client reads it."""

    product: str
    omschrijving: str
    resultaatgebieden: tuple[str, ...]
    omvang: str  # "1,50 uur per week" / "trede 2"; the hours only compute the budget (R17)
    bedrag_per_week: Decimal
    bedrag_periode: Decimal
    extramuraal: bool
    voor: str = ""  # name of the person it is for, when not the client (verblijf of a child)


@dataclass(frozen=True)
class Beslisser:
    naam: str
    functie: str


@dataclass(frozen=True)
class Brief:
    soort: Soort
    wet: Wet
    kenmerk: str
    datum: date
    client_ref: str
    client_naam: str
    client_bsn: str
    client_geboortedatum: date | None
    geadresseerde: Geadresseerde
    # Number of people this one decision is sent to (several for the youth letter with two parents
    # with gezag): the file name carries the recipient's ref only then.
    aantal_geadresseerden: int
    perceel: str  # "" when the letter may not mention it (the addressee does not stay in the facility)
    pakket: str
    ingangsdatum: date
    einddatum: date
    regels: tuple[Voorzieningregel, ...]
    beslisser: Beslisser
    aanbieder: str | None  # None: withheld because it would reveal a shelter location (issue 6 §2)
    motivering: tuple[str, ...]
    oude_regels: tuple[Voorzieningregel, ...] = ()  # wijziging: what applied before
    oude_ingangsdatum: date | None = None
    oude_einddatum: date | None = None
    # wijziging / beëindiging: the earlier decision this one changes or ends, as the client knows it
    # (its date and the kenmerk of the letter they received). Empty when not known: the letter then names
    # the earlier decision by its period.
    vorig_besluit_datum: date | None = None
    vorig_besluit_kenmerk: str = ""
    reden: str = ""  # afwijzing / beëindiging: the reason in plain words
    parameterset: str = ""
    versie: str = ""
    waarschuwingen: tuple[str, ...] = field(default=())
    # Semi-/intramural support (opvang) that this addressee may read about: only someone who stays in
    # the facility (issue 6 §2, R12). Drives the opvang wording and the contribution.
    noemt_voorziening: bool = False

    @property
    def per_week(self) -> Decimal:
        return sum((r.bedrag_per_week for r in self.regels), Decimal("0.00"))

    @property
    def periode(self) -> Decimal:
        return sum((r.bedrag_periode for r in self.regels), Decimal("0.00"))

    @property
    def oud_per_week(self) -> Decimal:
        return sum((r.bedrag_per_week for r in self.oude_regels), Decimal("0.00"))

    @property
    def is_jeugd(self) -> bool:
        return self.wet == Wet.JEUGDWET

    @property
    def kan_verzonden_worden(self) -> bool:
        return self.geadresseerde.adres is not None

    @property
    def bestandsnaam(self) -> str:
        """``<client ref>-<kind>[-<recipient ref>].pdf`` (issue 6 §6)."""
        delen = [self.client_ref, self.soort.value]
        if self.aantal_geadresseerden > 1:
            delen.append(self.geadresseerde.ref)
        return "-".join(veilige_naam(d) for d in delen) + ".pdf"

    @property
    def onderwerp(self) -> str:
        wet = "Wmo 2015" if self.wet == Wet.WMO else "Jeugdwet"
        return f"Beschikking {wet}: {self.soort.label} Huiselijk Geweldarrangement"


_ONVEILIG = re.compile(r"[/\\\x00-\x1f]")


def veilige_naam(deel: str) -> str:
    """A ref as part of a file name, exactly as given, except path separators and control characters
    (which cannot be in a file name) become '_'."""
    tekst = _ONVEILIG.sub("_", str(deel))
    return "_" if tekst in ("", ".", "..") else tekst
