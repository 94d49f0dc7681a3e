"""The proposal: from a taxatie to perceel, pakket and reasons (issue 4). Pure: no ORM, pydantic in and out.

Order of the rules (each reason names the rule behind it):
1. Acute danger: first direct safety (crisisopvang / Veilig Thuis), intramuraal proposed (R19, R2).
2. No need for long-term or specialist help: no HG-arrangement, basishulp by the wijkteam (R13, B1 §1.6).
3. Existing Wmo semi-/intramural support with a contracted provider: keep it, HG Pakket 1 extramural
   alongside (R11).
4. Perceel: cannot live independently -> intramuraal; 24-hour support nearby -> semimuraal; else
   extramuraal (R2).
5. Pakket from the decision table, safety × skills (R18); semi-/intramuraal at least Pakket 2 (R3).
6. More than three children or fixed pakketten that do not fit -> vrije trede suggested (R3); a vrije
   trede exists only extramurally and not beside existing Wmo support (R3, R11), else the pakket stays.
The professional always decides and may deviate with a motivation (R18).
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator, model_validator

from hgarr.datums import is_volwassen_op

from .beslistabel import VAARDIGHEDEN_LABELS, VEILIGHEID_LABELS, Beslistabel, Vaardigheidsniveau, Veiligheidsniveau

StrictBool = Annotated[bool, Strict()]
Perceel = Literal["extramuraal", "semimuraal", "intramuraal"]
PakketKeuze = Literal["1", "2", "3", "vrij"]
Advies = Literal["hg-arrangement", "basishulp", "eerst-directe-veiligheid"]

PERCEEL_LABELS = {"extramuraal": "Extramuraal", "semimuraal": "Semimuraal", "intramuraal": "Intramuraal"}


class Lid(BaseModel):
    """A member in the format of ``manage.py begroting`` (only what the proposal needs is used)."""

    model_config = ConfigDict(extra="ignore")

    ref: str = Field(min_length=1)
    geboortedatum: date
    rollen: list[str] = []
    doet_mee: StrictBool = True
    verblijft_in_voorziening: StrictBool | None = None


class VoorstelInvoer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    veiligheid: Veiligheidsniveau
    vaardigheden: Vaardigheidsniveau
    nabijheid_24_uur: StrictBool
    niet_zelfstandig_wonen: StrictBool
    bestaande_wmo_verblijf: StrictBool
    langdurig_of_specialistisch: StrictBool
    vast_pakket_past_niet: StrictBool = False
    ingangsdatum: date = Field(default_factory=date.today)
    leden: list[Lid]

    @field_validator("veiligheid", "vaardigheden", mode="before")
    @classmethod
    def _schaalwaarde(cls, waarde):
        """Accept the scale as the issue writes it ('acuut onveilig', 'stabiel maar kwetsbaar') as well
        as the stored codes ('acuut_onveilig', 'stabiel_kwetsbaar')."""
        if not isinstance(waarde, str):
            return waarde
        code = "_".join(waarde.strip().lower().replace("-", " ").replace("_", " ").split())
        return {"stabiel_maar_kwetsbaar": "stabiel_kwetsbaar"}.get(code, code)

    @model_validator(mode="after")
    def _geboortedata(self) -> "VoorstelInvoer":
        refs: set[str] = set()
        for i, lid in enumerate(self.leden):
            if lid.geboortedatum > self.ingangsdatum:
                raise ValueError(f"leden[{i}].geboortedatum ligt na de ingangsdatum.")
            if lid.ref in refs:
                raise ValueError(f"leden[{i}].ref '{lid.ref}' komt twee keer voor.")
            refs.add(lid.ref)
        return self

    @property
    def aantal_kinderen(self) -> int:
        """Participating children under 18 on the start date (R1: age on the version's start date)."""
        return sum(1 for l in self.leden if l.doet_mee and not is_volwassen_op(l.geboortedatum, self.ingangsdatum))


class Reden(BaseModel):
    model_config = ConfigDict(frozen=True)

    regel: str
    tekst: str


class Voorstel(BaseModel):
    model_config = ConfigDict(frozen=True)

    advies: Advies
    perceel: Perceel | None
    pakket: PakketKeuze | None
    # The weight 1–3 from the table after the fixed rules, also when a vrije trede is suggested;
    # None for basishulp. Used to compare proposals (a vrije trede has no order of its own).
    zwaarte: int | None = Field(default=None, exclude=True)
    redenen: list[Reden]

    @property
    def omschrijving(self) -> str:
        if self.advies == "basishulp":
            return "Geen HG-arrangement: basishulp door het wijkteam"
        pakket = "vrije trede" if self.pakket == "vrij" else f"Pakket {self.pakket}"
        return f"{PERCEEL_LABELS[self.perceel]}, {pakket}" if self.perceel else pakket

    def als_json(self) -> dict:
        return {
            "perceel": self.perceel,
            "pakket": self.pakket,
            "advies": self.advies,
            "redenen": [r.model_dump() for r in self.redenen],
        }


def stel_voor(invoer: VoorstelInvoer, tabel: Beslistabel) -> Voorstel:
    redenen: list[Reden] = []
    v, s = invoer.veiligheid, invoer.vaardigheden
    acuut = v == "acuut_onveilig"

    if acuut:
        advies: Advies = "eerst-directe-veiligheid"
        redenen.append(Reden(regel="R19", tekst=(
            "Acuut onveilig: eerst directe veiligheid. Regel crisisopvang of schakel Veilig Thuis in; "
            "daarna volgen stabiele veiligheid en duurzaam herstel.")))
    elif not invoer.langdurig_of_specialistisch:
        redenen.append(Reden(regel="R13", tekst=(
            "Er is geen langdurige (langer dan een jaar) of specialistische hulp nodig: de basishulp van het "
            "wijkteam past (B1 §1.6). Geen HG-arrangement.")))
        return Voorstel(advies="basishulp", perceel=None, pakket=None, zwaarte=None, redenen=redenen)
    else:
        advies = "hg-arrangement"

    cel = tabel.cel(v, s)
    zwaarte = int(cel.pakket)
    redenen.append(Reden(regel="R18", tekst=(
        f"Beslistabel: veiligheid '{VEILIGHEID_LABELS[v]}' met vaardigheden '{VAARDIGHEDEN_LABELS[s]}' "
        f"geeft Pakket {cel.pakket}. {cel.toelichting}")))

    if acuut:
        perceel: Perceel = "intramuraal"
        redenen.append(Reden(regel="R2", tekst=(
            "Bij acute onveiligheid wordt intramurale ondersteuning voorgesteld: 24 uur per dag toezicht in "
            "de nabijheid.")))
        if invoer.bestaande_wmo_verblijf:
            redenen.append(Reden(regel="R11", tekst=(
                "Het gezin ontvangt al semi-/intramurale Wmo-ondersteuning; beoordeel of die plek veilig genoeg "
                "is of dat crisisopvang nodig is.")))
    elif invoer.bestaande_wmo_verblijf:
        perceel = "extramuraal"
        zwaarte = 1
        redenen.append(Reden(regel="R11", tekst=(
            "Het gezin ontvangt al semi-/intramurale Wmo-ondersteuning bij een gecontracteerde aanbieder en "
            "behoudt die; daarnaast wordt extramuraal HG Pakket 1 voorgesteld.")))
    elif invoer.niet_zelfstandig_wonen:
        perceel = "intramuraal"
        redenen.append(Reden(regel="R2", tekst=(
            "Het gezin kan vanwege de veiligheid tijdelijk niet zelfstandig wonen: intramuraal.")))
    elif invoer.nabijheid_24_uur:
        perceel = "semimuraal"
        redenen.append(Reden(regel="R2", tekst=(
            "Er is 24 uur per dag ondersteuning in de nabijheid nodig bij zelfstandig wonen: semimuraal.")))
    else:
        perceel = "extramuraal"
        redenen.append(Reden(regel="R2", tekst="Ondersteuning thuis of ambulant volstaat: extramuraal."))

    if perceel in ("semimuraal", "intramuraal"):
        minimum = int(tabel.minimum_pakket_semi_intramuraal)
        if zwaarte < minimum:
            zwaarte = minimum
            redenen.append(Reden(regel="R3", tekst=(
                f"{PERCEEL_LABELS[perceel]} kent alleen Pakket 2 of 3: het voorstel wordt Pakket {minimum}.")))

    pakket: PakketKeuze = str(zwaarte)  # type: ignore[assignment]
    kinderen = invoer.aantal_kinderen
    past_niet = kinderen > tabel.max_kinderen_vast_pakket or invoer.vast_pakket_past_niet
    if past_niet and kinderen > tabel.max_kinderen_vast_pakket:
        waarom = (f"Het gezin heeft {kinderen} kinderen, meer dan {tabel.max_kinderen_vast_pakket}: een vast pakket "
                  "past niet.")
    else:
        waarom = "De vaste pakketten passen niet bij dit huishouden."
    if past_niet and perceel == "extramuraal" and not invoer.bestaande_wmo_verblijf:
        pakket = "vrij"
        redenen.append(Reden(regel="R3", tekst=(
            f"{waarom} Een vrije trede met een budget op maat wordt voorgesteld (zwaarte Pakket {zwaarte}).")))
    elif past_niet:
        redenen.append(Reden(regel="R3", tekst=(
            f"{waarom} Een vrije trede is alleen mogelijk als extramurale ondersteuning zonder bestaand "
            f"Wmo-verblijf; het voorstel blijft Pakket {zwaarte}. Overweeg maatwerk of een afwijking.")))

    redenen.append(Reden(regel="R18", tekst=(
        "Dit is een voorstel: de indicatiesteller beslist en kan gemotiveerd afwijken.")))
    return Voorstel(advies=advies, perceel=perceel, pakket=pakket, zwaarte=zwaarte, redenen=redenen)
