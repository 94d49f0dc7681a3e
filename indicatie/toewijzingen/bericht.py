"""The content of one 301 toewijzing message (iWmo 3.2 WMO301, iJw 3.2 JW301), independent of the ORM
and of the tariff engine's internals (standaarden.md §1.2).

``xml.py`` turns a ``Bericht`` into XML, ``regels.py`` checks the XML against the schema and the
iStandaard's extra rules, ``plannen.py`` decides which toewijzingen a decided version sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum


class Wet(StrEnum):
    """The law of a message, with the same words as the engine's ``wet`` ("Wmo" / "Jeugdwet")."""

    WMO = "Wmo"
    JEUGDWET = "Jeugdwet"

    @property
    def berichtnaam(self) -> str:
        return "WMO301" if self is Wet.WMO else "JW301"

    @property
    def berichtcode(self) -> str:
        # Header.BerichtCode: WMO301 = 414, JW301 = 436 (XSD pattern; standaarden.md §1.2).
        return "414" if self is Wet.WMO else "436"


# Code lists from the basisschema (standaarden.md §1.3).
EENHEID_EURO = "83"  # WJ756: Euro's; the Volume is then in eurocent (IV042)
FREQUENTIE_PER_WEEK = "2"  # WMO757
NAAMGEBRUIK_EIGEN = "1"  # eigen geslachtsnaam
CONTACT_CORRESPONDENTIE = "02"  # COD757: Correspondentie-adres


class RedenWijziging(StrEnum):
    """WMO002 / JZ002, the reasons this app uses (01 is vervallen and never used, CS336)."""

    VERLENGING = "04"  # Herbeoordeling: verlenging toewijzing
    VERKORTING = "05"  # Herbeoordeling: verkorting toewijzing
    VERHUIZING = "07"  # Verhuizing naar een andere gemeente
    OVERSTAP_AANBIEDER = "09"  # Overstap naar andere aanbieder
    VERWIJDERD = "13"  # only with Einddatum = Ingangsdatum (CS335)


REDEN_LABELS = {
    "04": "Herbeoordeling: verlenging toewijzing",
    "05": "Herbeoordeling: verkorting toewijzing",
    "07": "Verhuizing naar een andere gemeente",
    "09": "Overstap naar andere aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}


@dataclass(frozen=True)
class Adres:
    """A postal address as the case gives it (strings); ``xml.py`` splits the house number."""

    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    plaats: str = ""

    @property
    def is_compleet(self) -> bool:
        return bool(self.straat.strip() and self.huisnummer.strip() and self.plaats.strip())


@dataclass(frozen=True)
class Client:
    """The person the message is about, with only their own safe contact address (never another member's,
    never a shelter address or name: standaarden.md §3.2)."""

    ref: str
    bsn: str
    geboortedatum: date
    geslacht: str  # "0" onbekend, "1" man, "2" vrouw
    achternaam: str
    voornamen: str = ""
    voorvoegsel: str = ""
    adres: Adres | None = None


@dataclass(frozen=True)
class ToegewezenProduct:
    nummer: int
    categorie: str
    code: str | None
    toewijzingsdatum: date
    toewijzingstijd: time
    ingangsdatum: date
    einddatum: date | None
    reden_wijziging: str | None = None
    volume: int | None = None  # eurocent per week when Eenheid 83 / Frequentie 2
    eenheid: str | None = None
    frequentie: str | None = None
    budget: int | None = None  # eurocent, total over the toewijzing period


@dataclass(frozen=True)
class Bericht:
    wet: Wet
    afzender: str  # gemeentecode, 4 digits
    ontvanger: str  # AGB code of the aanbieder, 8 digits
    identificatie: str  # max 12 characters
    dagtekening: date
    basisschema_versie: str
    bericht_versie: str
    client: Client
    producten: tuple[ToegewezenProduct, ...] = field(default_factory=tuple)

    @property
    def naam(self) -> str:
        return self.wet.berichtnaam

    @property
    def bestandsnaam(self) -> str:
        return f"{self.client.ref}-{self.naam}.xml"
