"""The pakket catalogue (B3 §3) as a pydantic schema: percelen, pakketten with their hours per week,
products, the maatwerk each perceel allows and the trede staffing table (R10). The data lives in
``fixtures/pakketten/catalogus.json`` and in versioned ``Tabelversie`` rows; this module knows nothing
about households or tariffs."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Wet = Literal["Wmo", "Jeugdwet"]
Eenheid = Literal["uur", "trede", "vast", "bedrag"]

PERCELEN = ("extramuraal", "semimuraal", "intramuraal")
PAKKETTEN = ("1", "2", "3")
PRODUCTCODES = (
    "begeleiding_volwassenen",
    "begeleiding_kinderen",
    "semimurale_ondersteuning",
    "intramurale_ondersteuning",
    "nachtelijke_ondersteuning",
    "verblijf",
    "schulddienstverlening",
    "dagbesteding",
    "vrije_trede",
)
MAATWERKPRODUCTEN = ("schulddienstverlening", "dagbesteding", "nachtelijke_ondersteuning")


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Product(_Strikt):
    code: Literal[PRODUCTCODES]
    naam: str
    wet: Wet | None = Field(None, description="None: per regel bepaald (vrije trede: Wmo of Jeugdwet)")
    eenheid: Eenheid
    resultaatgebieden: list[str] = []
    omschrijving: str = ""


class Pakket(_Strikt):
    code: Literal[PAKKETTEN]
    naam: str
    uren_per_volwassene: Decimal = Field(ge=0, description="R4/R8/R9: uren per week per deelnemende volwassene")
    uren_kinderen: Decimal = Field(ge=0, description="R4/R6: uren per week voor alle kinderen samen")
    tredes: dict[str, int] = Field(
        default_factory=dict, description="R8/R9: trede per beschikbaarheidsproduct (per volwassene in de voorziening)"
    )
    verblijf: bool = False


class Perceel(_Strikt):
    code: Literal[PERCELEN]
    naam: str
    omschrijving: str = ""
    pakketten: list[Pakket]
    maatwerk: list[str] = Field(description="R7: maatwerkproducten die dit perceel toestaat")
    vrije_trede: bool = False
    binnen_rotterdam: bool = Field(description="R14: True = huishouden woont in de gemeente; anders de regio")

    def pakket(self, code: str) -> Pakket | None:
        return next((p for p in self.pakketten if p.code == code), None)


class TredeBezetting(_Strikt):
    """R10: diensturen per week of a semi-/intramural location."""

    trede: int = Field(ge=1)
    diensturen_weekdagen: int = Field(ge=0)
    diensturen_weekend: int = Field(ge=0)

    @property
    def diensturen_per_week(self) -> int:
        return self.diensturen_weekdagen + self.diensturen_weekend


class Catalogus(_Strikt):
    naam: str
    bron: str
    producten: list[Product]
    percelen: list[Perceel]
    trede_bezetting: list[TredeBezetting]
    maatwerk_tredes: list[int] = Field(min_length=1)

    @model_validator(mode="after")
    def _samenhang(self):
        codes = [p.code for p in self.producten]
        if sorted(codes) != sorted(PRODUCTCODES):
            raise ValueError("De catalogus moet precies de producten " + ", ".join(PRODUCTCODES) + " bevatten.")
        if sorted(p.code for p in self.percelen) != sorted(PERCELEN):
            raise ValueError("De catalogus moet de percelen extramuraal, semimuraal en intramuraal bevatten.")
        tredes = {t.trede for t in self.trede_bezetting}
        for perceel in self.percelen:
            for m in perceel.maatwerk:
                if m not in MAATWERKPRODUCTEN:
                    raise ValueError(f"{m} is geen maatwerkproduct (perceel {perceel.code}).")
            for pakket in perceel.pakketten:
                for product, trede in pakket.tredes.items():
                    if product not in ("semimurale_ondersteuning", "intramurale_ondersteuning",
                                       "nachtelijke_ondersteuning"):
                        raise ValueError(f"{product} heeft geen trede in pakket {pakket.code} ({perceel.code}).")
                    if product != "nachtelijke_ondersteuning" and trede not in tredes:
                        raise ValueError(f"Trede {trede} staat niet in de bezettingstabel.")
                    if product == "nachtelijke_ondersteuning" and trede not in self.maatwerk_tredes:
                        raise ValueError(f"Trede {trede} is geen trede van nachtelijke ondersteuning.")
        return self

    # Lookups used by the engine -------------------------------------------------------------
    def perceel(self, code: str) -> Perceel | None:
        return next((p for p in self.percelen if p.code == code), None)

    def product(self, code: str) -> Product:
        return next(p for p in self.producten if p.code == code)

    def bezetting(self, trede: int) -> TredeBezetting | None:
        return next((t for t in self.trede_bezetting if t.trede == trede), None)
