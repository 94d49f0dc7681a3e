"""A tariff parameter set (one tariff year) as a pydantic schema. Every value carries its source and a
label (issue 3 §2): ``bron`` (sourced), ``afgeleid`` (derived from sourced figures), ``aanname``
(assumption) or ``gemeente`` (from the municipality's own documents, Bijlage 3). Nothing here is a
constant in code (DESIGN.md §2)."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Label = Literal["bron", "afgeleid", "aanname", "gemeente"]
LABELS = {
    "bron": "Bron",
    "afgeleid": "Afgeleid",
    "aanname": "Aanname",
    "gemeente": "Gemeente",
}
LABEL_UITLEG = {
    "bron": "overgenomen uit een openbare bron",
    "afgeleid": "berekend uit bronwaarden",
    "aanname": "aanname, te vervangen zodra een betere bron bekend is",
    "gemeente": "uit de aanbestedingsstukken van de gemeente (Bijlage 3)",
}
CAOS = ("sociaal_werk", "ggz", "jeugdzorg", "gehandicaptenzorg")
CAO_NAMEN = {
    "sociaal_werk": "Sociaal Werk",
    "ggz": "GGZ",
    "jeugdzorg": "Jeugdzorg",
    "gehandicaptenzorg": "Gehandicaptenzorg",
}
EEN = Decimal(1)


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Herkomst(_Strikt):
    label: Label
    herkomst: str = Field(min_length=3, description="De bron of de afleiding, in woorden.")


class Waarde(Herkomst):
    waarde: Decimal


class Verdeling(Herkomst):
    """Shares that add up to 1 (a CAO-mix or functiemix)."""

    waarden: dict[str, Decimal]

    @model_validator(mode="after")
    def _som_is_een(self):
        if any(v < 0 for v in self.waarden.values()):
            raise ValueError("Een aandeel kan niet negatief zijn.")
        # A third is stored as 0.3333: allow a rounding difference of 0.01 percentage point.
        if abs(sum(self.waarden.values()) - EEN) > Decimal("0.0001"):
            raise ValueError(f"De aandelen {', '.join(self.waarden)} tellen niet op tot 100%.")
        return self

    def genormaliseerd(self) -> dict[str, Decimal]:
        """The shares scaled to add up to exactly 1 (three times 0.3333 becomes three thirds)."""
        totaal = sum(self.waarden.values())
        return {k: v / totaal for k, v in self.waarden.items()}


class Keuze(Herkomst):
    waarde: str


class Cao(_Strikt):
    naam: str
    schalen: dict[str, Waarde] = Field(description="Maandsalaris (voltijd, 36 uur) per schaal.")
    vakantiegeld: Waarde
    eindejaarsuitkering: Waarde
    eju_over_vakantiegeld: bool = False


class Werkgeverslasten(_Strikt):
    sociale_premies: Waarde
    max_premieloon: Waarde
    pensioenpremie: Waarde
    pensioen_franchise: Waarde
    pensioen_werkgeversdeel: Waarde


class HboWo(Herkomst):
    hbo: str
    wo: str


class Volwassenen(_Strikt):
    """R15: Wmo (O)GGZ, CAO-mix 25% Sociaal Werk / 75% GGZ, functiemix per pakket (B3 §4.1)."""

    cao_mix: Verdeling
    functiemix: dict[str, dict[str, Verdeling]] = Field(description="pakket -> cao -> schaal -> aandeel")
    overhead: Waarde
    risico_opslag: Waarde


class Jeugd(_Strikt):
    """R16: local Rotterdam Jeugdhulp, one third per CAO, HBO/WO per pakket, overhead 31.33% (B3 §4.2)."""

    cao_mix: Verdeling
    opleidingsmix: dict[str, Verdeling] = Field(description="pakket -> {hbo, wo}")
    schalen: dict[str, HboWo] = Field(description="cao -> welke schaal telt als HBO en als WO")
    overhead: Waarde
    risico_opslag: Waarde


class Tredes(_Strikt):
    """R10: availability-based tariffs from the staffing of a location."""

    kosten_per_dienstuur: Waarde
    toeslag_weekend: Waarde
    plaatsen_per_locatie: dict[str, Waarde] = Field(description="perceel -> plaatsen")
    bezettingsgraad: Waarde


class Verblijf(_Strikt):
    per_volwassene_per_week: Waarde
    per_kind_per_week: Waarde


class Parameters(_Strikt):
    jaar: int = Field(ge=2000, le=2100)
    naam: str
    cao: dict[str, Cao]
    werkgeverslasten: Werkgeverslasten
    jaaruren: Waarde
    productiviteit: Waarde
    overhead_wijze: Keuze = Field(description="'opslag' (kostprijs × (1 + overhead)) of 'aandeel' (÷ (1 − overhead))")
    volwassenen: Volwassenen
    jeugd: Jeugd
    tredes: Tredes
    verblijf: Verblijf
    maatwerk: dict[str, dict[str, Waarde]] = Field(description="product -> trede -> tarief per week")

    @model_validator(mode="after")
    def _samenhang(self):
        if set(self.cao) != set(CAOS):
            raise ValueError("De parameterset moet de CAO's " + ", ".join(CAOS) + " bevatten.")
        if self.overhead_wijze.waarde not in ("opslag", "aandeel"):
            raise ValueError("overhead_wijze moet 'opslag' of 'aandeel' zijn.")
        if not (Decimal(0) < self.productiviteit.waarde <= EEN):
            raise ValueError("De productiviteit moet tussen 0 en 100% liggen.")
        if self.jaaruren.waarde <= 0 or self.tredes.kosten_per_dienstuur.waarde <= 0:
            raise ValueError("Jaaruren en kosten per dienstuur moeten positief zijn.")
        if not (Decimal(0) < self.tredes.bezettingsgraad.waarde <= EEN):
            raise ValueError("De bezettingsgraad moet tussen 0 en 100% liggen.")
        for perceel, plaatsen in self.tredes.plaatsen_per_locatie.items():
            if plaatsen.waarde <= 0:
                raise ValueError(f"Het aantal plaatsen per locatie ({perceel}) moet positief zijn.")
        for cao in list(self.volwassenen.cao_mix.waarden) + list(self.jeugd.cao_mix.waarden):
            if cao not in self.cao:
                raise ValueError(f"Onbekende CAO in een CAO-mix: {cao}.")
        for pakket in ("1", "2", "3"):
            mix = self.volwassenen.functiemix.get(pakket)
            if mix is None or set(mix) != set(self.volwassenen.cao_mix.waarden):
                raise ValueError(f"De functiemix volwassenen van pakket {pakket} moet elke CAO van de mix hebben.")
            for cao, verdeling in mix.items():
                for schaal in verdeling.waarden:
                    if schaal not in self.cao[cao].schalen:
                        raise ValueError(f"Schaal {schaal} staat niet in de salaristabel {cao}.")
            opl = self.jeugd.opleidingsmix.get(pakket)
            if opl is None or set(opl.waarden) != {"hbo", "wo"}:
                raise ValueError(f"De HBO/WO-mix jeugd van pakket {pakket} ontbreekt.")
        for cao in self.jeugd.cao_mix.waarden:
            keuze = self.jeugd.schalen.get(cao)
            if keuze is None or keuze.hbo not in self.cao[cao].schalen or keuze.wo not in self.cao[cao].schalen:
                raise ValueError(f"De HBO- en WO-schaal van {cao} ontbreken of staan niet in de salaristabel.")
        for product, tredes in self.maatwerk.items():
            if any(w.waarde < 0 for w in tredes.values()):
                raise ValueError(f"Een tarief van {product} kan niet negatief zijn.")
        return self
