"""The tariff engine (issue 3 §3): household composition + perceel + pakket -> budget lines per person.
Plain Python, pydantic in and out, Decimal money, no ORM (DESIGN.md §3).

Usage::

    casus = Casus.model_validate(data, context={"omgeving": resolver})   # all checks, ValidationError
    begroting = bereken(casus)                                           # never raises for a valid casus

``resolver(ingangsdatum) -> Omgeving`` supplies catalogue, tariff sheet and the municipality
configuration (R14); it raises ValueError with a Dutch sentence when there is no parameter set. Without
the context only the checks that need no configuration run, and ``bereken(casus, omgeving)`` is needed.

Interpretations (issue 3 §3): adult = 18 or older on the start date; the youth budget goes to the
youngest participating child, ties broken by input order (R6); in semi-/intramural arrangements the trede
lines and verblijf are per participating adult who stays in the facility, a child's verblijf is carried
by the first participating adult in the facility; an adult who takes part but does not stay gets
begeleiding marked extramural (R12); maatwerk only for adults (R7); vrije trede extramural only, the Wmo
amount shared equally over the participating adults (cents remainder to the first), the youth amount on
the youngest child, with a motivation (R3). Default end date: one year after the start, minus one day.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from pakketten.catalogus import MAATWERKPRODUCTEN, Catalogus

from ..tariefblad import Tariefblad

CENT = Decimal("0.01")
NUL = Decimal("0.00")
ZEVEN = Decimal(7)

# Rule IDs appear only in a line's derivation, worded so that nobody reads "R2" as a Jeugd resultaatgebied.
_R3, _R7, _R9, _R10, _R12 = (f"regel R{n} van de regeling" for n in (3, 7, 9, 10, 12))
_R4_R5, _R4_R6, _R8_R9, _R3_R6 = (f"regels R{a} en R{b} van de regeling" for a, b in ((4, 5), (4, 6), (8, 9), (3, 6)))

PERCEEL_NAMEN = {"extramuraal": "Extramuraal", "semimuraal": "Semimuraal", "intramuraal": "Intramuraal"}
BIJVOEGLIJK = {"extramuraal": "extramurale", "semimuraal": "semimurale", "intramuraal": "intramurale"}


# --------------------------------------------------------------------------------------------------
# Configuration the engine needs, supplied by the caller
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Omgeving:
    catalogus: Catalogus
    tariefblad: Tariefblad
    gemeente: str = "Rotterdam"  # R14: extramural households live here
    regio: frozenset[str] = frozenset({"rotterdam"})  # R14: casefolded names of the region's municipalities
    parameterset_id: int | None = None
    catalogus_versie_id: int | None = None


Resolver = Callable[[date], Omgeving]


_GEMEENTEN: dict[str, str] = {}


def normaliseer_gemeente(naam: str) -> str:
    genormaliseerd = _GEMEENTEN.get(naam)
    if genormaliseerd is None:
        if len(_GEMEENTEN) > 1000:
            _GEMEENTEN.clear()
        genormaliseerd = " ".join(naam.split()).casefold()
        if genormaliseerd.startswith("gemeente "):  # "Gemeente Rotterdam"
            genormaliseerd = genormaliseerd[len("gemeente "):]
        _GEMEENTEN[naam] = genormaliseerd
    return genormaliseerd


# --------------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------------

class _Invoer(BaseModel):
    # Unknown extra fields are ignored: later tools reuse this format (issue 3 §4).
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Lid(_Invoer):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, coerce_numbers_to_str=True)

    ref: str = Field(min_length=1, max_length=100)
    geboortedatum: date
    rollen: list[str] = Field(default_factory=list)
    doet_mee: bool = True
    verblijft_in_voorziening: bool | None = None


class Maatwerk(_Invoer):
    product: str
    trede: int = Field(ge=1)
    ref: str | None = None


class VrijeTrede(_Invoer):
    # Rounded to cents ROUND_HALF_UP in the lines; at most a million a week keeps the sums sane.
    wmo_per_week: Decimal = Field(default=NUL, ge=0, le=1_000_000, allow_inf_nan=False)
    jeugd_per_week: Decimal = Field(default=NUL, ge=0, le=1_000_000, allow_inf_nan=False)
    motivering: str | None = None


class Casus(_Invoer):
    perceel: Literal["extramuraal", "semimuraal", "intramuraal"]
    pakket: Literal["1", "2", "3", "vrij"]
    ingangsdatum: date
    einddatum: date | None = None
    gemeente: str | None = None
    leden: list[Lid] = Field(min_length=1)
    maatwerk: list[Maatwerk] = Field(default_factory=list)
    vrije_trede: VrijeTrede | None = None
    bestaande_wmo_verblijf: bool = False

    _omgeving: Omgeving | None = PrivateAttr(default=None)

    @field_validator("pakket", mode="before")
    @classmethod
    def _pakket_als_tekst(cls, v):
        if isinstance(v, int) and not isinstance(v, bool):
            v = str(v)
        if isinstance(v, str) and v.strip().lower() in ("1", "2", "3", "vrij"):
            return v.strip().lower()
        raise ValueError(f"onbekend pakket {v!r}; kies \"1\", \"2\", \"3\" of \"vrij\"")

    @field_validator("perceel", mode="before")
    @classmethod
    def _perceel_klein(cls, v):
        if isinstance(v, str) and v.strip().lower() in PERCEEL_NAMEN:
            return v.strip().lower()
        raise ValueError(f"onbekend perceel {v!r}; kies extramuraal, semimuraal of intramuraal")

    @model_validator(mode="after")
    def _regels(self, info: ValidationInfo):
        context = info.context or {}
        vandaag = context.get("vandaag") or date.today()
        controleer(self, vandaag)
        resolver = context.get("omgeving")
        if resolver is not None:
            omgeving = resolver(self.ingangsdatum)  # ValueError: no parameter set for the date
            controleer_omgeving(self, omgeving)
            self._omgeving = omgeving
        return self

    # Derived facts -----------------------------------------------------------------------------
    @property
    def einde(self) -> date:
        return self.einddatum or standaard_einddatum(self.ingangsdatum)


def standaard_einddatum(ingang: date) -> date:
    """One year after the start, minus one day (29 February: up to and including 28 February)."""
    try:
        volgend = ingang.replace(year=ingang.year + 1)
    except ValueError:  # 29 February
        volgend = date(ingang.year + 1, 3, 1)
    return volgend - timedelta(days=1)


def is_volwassen(geboortedatum: date, peildatum: date) -> bool:
    """Adult from the 18th birthday (DESIGN.md §4; same rule as hgarr.datums.is_volwassen_op)."""
    return geboortedatum <= volwassen_grens(peildatum)


_GRENZEN: dict[date, date] = {}


def volwassen_grens(peildatum: date) -> date:
    """The latest birth date of an adult on ``peildatum`` (born 29 February: adult on 1 March)."""
    grens = _GRENZEN.get(peildatum)
    if grens is None:
        try:
            grens = peildatum.replace(year=peildatum.year - 18)
        except ValueError:  # peildatum 29 February; 18 years earlier has no 29 February
            grens = date(peildatum.year - 18, 2, 28)
        if len(_GRENZEN) > 5000:
            _GRENZEN.clear()
        _GRENZEN[peildatum] = grens
    return grens


def verblijft(lid: Lid, perceel: str) -> bool:
    """In semi-/intramural arrangements a member stays in the facility unless told otherwise; a member
    who is only pleger is taken not to stay (R12: the pleger often does not take part in the facility)."""
    if perceel == "extramuraal":
        return False
    if lid.verblijft_in_voorziening is not None:
        return lid.verblijft_in_voorziening
    return not ("pleger" in lid.rollen and "slachtoffer" not in lid.rollen)


def controleer(casus: Casus, vandaag: date) -> None:
    """The rules that need no configuration. Raises ValueError with one Dutch sentence."""
    start = casus.ingangsdatum
    if casus.einddatum is not None and casus.einddatum < start:
        raise ValueError("De einddatum ligt vóór de ingangsdatum.")
    refs = set()
    for lid in casus.leden:
        if lid.ref in refs:
            raise ValueError(f"De ref '{lid.ref}' komt meer dan eens voor in de leden.")
        refs.add(lid.ref)
        if lid.geboortedatum > vandaag:
            raise ValueError(f"De geboortedatum van '{lid.ref}' ligt in de toekomst.")
    deelnemers = [lid for lid in casus.leden if lid.doet_mee]
    if not deelnemers:
        raise ValueError("Niemand in het huishouden doet mee; een begroting is dan niet mogelijk.")
    if casus.perceel != "extramuraal" and casus.pakket == "1":
        raise ValueError(f"Pakket 1 kan niet {casus.perceel} worden geïndiceerd; kies pakket 2 of 3 (R3).")
    if casus.pakket == "vrij" and casus.perceel != "extramuraal":
        raise ValueError("Een vrije trede is alleen mogelijk bij extramurale ondersteuning (R3).")
    if casus.bestaande_wmo_verblijf and (casus.perceel != "extramuraal" or casus.pakket != "1"):
        raise ValueError("Bij bestaande Wmo semi-/intramurale ondersteuning kan alleen extramuraal pakket 1 "
                         "worden geïndiceerd, naast het Wmo-arrangement (R11).")
    volwassen = {lid.ref: is_volwassen(lid.geboortedatum, start) for lid in casus.leden}
    if casus.pakket == "vrij":
        vt = casus.vrije_trede
        if vt is None:
            raise ValueError("Bij een vrije trede horen vrije_trede.wmo_per_week, jeugd_per_week en een motivering.")
        if not vt.motivering:
            raise ValueError("Een vrije trede vraagt een motivering (R3).")
        if vt.wmo_per_week == 0 and vt.jeugd_per_week == 0:
            raise ValueError("Een vrije trede moet een weekbedrag voor de Wmo of de jeugdhulp hebben.")
        if vt.wmo_per_week > 0 and not any(volwassen[lid.ref] for lid in deelnemers):
            raise ValueError("De vrije trede heeft een Wmo-bedrag, maar er doet geen volwassene mee.")
        if vt.jeugd_per_week > 0 and all(volwassen[lid.ref] for lid in deelnemers):
            raise ValueError("De vrije trede heeft een bedrag voor jeugdhulp, maar er doet geen kind mee.")
    elif casus.vrije_trede is not None:
        raise ValueError("Een vrije trede hoort alleen bij pakket 'vrij'.")
    leden = {lid.ref: lid for lid in casus.leden}
    for i, m in enumerate(casus.maatwerk):
        if m.ref is None:
            continue
        lid = leden.get(m.ref)
        if lid is None:
            raise ValueError(f"maatwerk[{i}]: de ref '{m.ref}' staat niet in de leden.")
        if not volwassen[m.ref]:
            raise ValueError(f"maatwerk[{i}]: maatwerk is alleen voor volwassenen; '{m.ref}' is op de "
                             "ingangsdatum jonger dan 18 (R7).")
        if not lid.doet_mee:
            raise ValueError(f"maatwerk[{i}]: '{m.ref}' doet niet mee en krijgt geen budget (R5).")


def controleer_omgeving(casus: Casus, omgeving: Omgeving) -> None:
    """The rules that need the catalogue and the municipality configuration (ValueError, Dutch)."""
    catalogus = omgeving.catalogus
    perceel = catalogus.perceel(casus.perceel)
    if perceel is None:
        raise ValueError(f"Het perceel {casus.perceel} staat niet in de catalogus.")
    if casus.pakket != "vrij" and perceel.pakket(casus.pakket) is None:
        raise ValueError(f"Pakket {casus.pakket} bestaat niet voor {casus.perceel} (R3).")
    if casus.pakket == "vrij" and not perceel.vrije_trede:
        raise ValueError(f"Een vrije trede is niet mogelijk bij {casus.perceel} (R3).")
    gemeente = casus.gemeente or omgeving.gemeente
    if perceel.binnen_rotterdam:
        if normaliseer_gemeente(gemeente) != normaliseer_gemeente(omgeving.gemeente):
            raise ValueError(f"Extramurale ondersteuning is alleen voor huishoudens in {omgeving.gemeente}; "
                             f"{gemeente} valt daarbuiten (R14).")
    elif normaliseer_gemeente(gemeente) not in omgeving.regio:
        bijv = BIJVOEGLIJK[perceel.code].capitalize()
        raise ValueError(f"{bijv} ondersteuning is alleen voor huishoudens uit de regio "
                         f"{omgeving.gemeente}; {gemeente} hoort daar niet bij (R14).")
    grens = volwassen_grens(casus.ingangsdatum)
    volwassen_deelnemers = [lid for lid in casus.leden if lid.doet_mee and lid.geboortedatum <= grens]
    for i, m in enumerate(casus.maatwerk):
        if m.product not in MAATWERKPRODUCTEN:
            raise ValueError(f"maatwerk[{i}]: {m.product} is geen maatwerkproduct; kies uit "
                             + ", ".join(MAATWERKPRODUCTEN) + ".")
        if m.product not in perceel.maatwerk:
            raise ValueError(f"maatwerk[{i}]: {m.product} is niet toegestaan bij {casus.perceel} (R7).")
        if m.trede not in catalogus.maatwerk_tredes:
            raise ValueError(f"maatwerk[{i}]: trede {m.trede} bestaat niet; kies uit "
                             + ", ".join(str(t) for t in catalogus.maatwerk_tredes) + ".")
        if m.ref is None and not volwassen_deelnemers:
            raise ValueError(f"maatwerk[{i}]: er doet geen volwassene mee; maatwerk is alleen voor volwassenen (R7).")
    if casus.perceel != "extramuraal":
        in_voorziening = [lid for lid in volwassen_deelnemers if verblijft(lid, casus.perceel)]
        if not in_voorziening:
            raise ValueError(f"Bij {BIJVOEGLIJK[casus.perceel]} ondersteuning verblijft ten minste één deelnemende "
                             "volwassene in de voorziening (verblijft_in_voorziening).")


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------

class Regel(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: str
    voor: str | None = None  # the person it is for, when not ref (a child's verblijf)
    wet: Literal["Wmo", "Jeugdwet"]
    product: str
    uren_per_week: Decimal | None = None
    trede: int | None = None
    tarief_per_uur: Decimal | None = None
    tarief_per_week: Decimal | None = None
    bedrag_per_week: Decimal
    bedrag_periode: Decimal
    extramuraal: bool
    toelichting: str


class Bedragen(BaseModel):
    per_week: Decimal
    periode: Decimal


class Begroting(BaseModel):
    perceel: str
    pakket: str
    ingangsdatum: date
    einddatum: date
    dagen: int
    tariefjaar: int
    parameterset: str
    regels: list[Regel]
    per_persoon: dict[str, Bedragen]
    totaal_per_week: Decimal
    totaal_periode: Decimal
    parameterset_id: int | None = None
    catalogus_versie_id: int | None = None

    def als_json(self) -> dict:
        """The output format of ``manage.py begroting``: amounts as strings with two decimals."""
        return {
            "perceel": self.perceel,
            "pakket": self.pakket,
            "ingangsdatum": self.ingangsdatum.isoformat(),
            "einddatum": self.einddatum.isoformat(),
            "dagen": self.dagen,
            "tariefjaar": self.tariefjaar,
            "parameterset": self.parameterset,
            "regels": [
                {
                    "ref": r.ref,
                    "voor": r.voor,
                    "wet": r.wet,
                    "product": r.product,
                    "uren_per_week": None if r.uren_per_week is None else f"{r.uren_per_week:.2f}",
                    "trede": r.trede,
                    "tarief_per_uur": None if r.tarief_per_uur is None else f"{r.tarief_per_uur:.2f}",
                    "tarief_per_week": None if r.tarief_per_week is None else f"{r.tarief_per_week:.2f}",
                    "bedrag_per_week": f"{r.bedrag_per_week:.2f}",
                    "bedrag_periode": f"{r.bedrag_periode:.2f}",
                    "extramuraal": r.extramuraal,
                    "toelichting": r.toelichting,
                }
                for r in self.regels
            ],
            "per_persoon": {
                ref: {"per_week": f"{b.per_week:.2f}", "periode": f"{b.periode:.2f}"}
                for ref, b in self.per_persoon.items()
            },
            "totaal_per_week": f"{self.totaal_per_week:.2f}",
            "totaal_periode": f"{self.totaal_periode:.2f}",
        }


# --------------------------------------------------------------------------------------------------
# Dutch formatting (kept here so the engine has no Django dependency)
# --------------------------------------------------------------------------------------------------

_EURO_CACHE: dict[Decimal, str] = {}


def euro(bedrag: Decimal) -> str:
    """€ 1.234,56 (cached: the same tariffs and amounts recur in every budget)."""
    tekst = _EURO_CACHE.get(bedrag)
    if tekst is None:
        if len(_EURO_CACHE) > 20000:
            _EURO_CACHE.clear()
        tekst = f"{bedrag:,.2f}"  # 1,234.56
        tekst = _EURO_CACHE[bedrag] = "€ " + tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
    return tekst


def getal(waarde: Decimal) -> str:
    return f"{waarde:.2f}".replace(".", ",")


# --------------------------------------------------------------------------------------------------
# Computation
# --------------------------------------------------------------------------------------------------

_VELDEN: dict[type, frozenset] = {}


def _snel(cls, **velden):
    """cls.model_construct without its per-field bookkeeping: the engine builds many models per second and
    every value is already of the right type (benchmark goal: > 20,000 budgets per second)."""
    namen = _VELDEN.get(cls)
    if namen is None:
        namen = _VELDEN[cls] = frozenset(cls.model_fields)
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", velden)
    object.__setattr__(obj, "__pydantic_fields_set__", namen)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_NIEUW, _ZET = object.__new__, object.__setattr__
_REGEL_VELDEN = frozenset(Regel.model_fields)


class _Opbouw:
    """Collects lines; the period amount per line is round(week × days / 7, 2) (DESIGN.md §4)."""

    __slots__ = ("regels", "dagen", "_periodetekst")

    def __init__(self, dagen: int):
        self.regels: list[Regel] = []
        self.dagen = dagen
        self._periodetekst = f"; periode {dagen} dag{'en' if dagen != 1 else ''}: "

    def voeg_toe(self, *, ref, wet, product, week, toelichting, extramuraal, voor=None, uren=None,
                 tarief_uur=None, trede=None, tarief_week=None):
        periode = (week * self.dagen / ZEVEN).quantize(CENT, ROUND_HALF_UP)
        tekst = f"{toelichting}{self._periodetekst}{euro(week)} × {self.dagen} / 7 = {euro(periode)}"
        # What _snel does, inlined: this runs for every line of every budget.
        regel = _NIEUW(Regel)
        _ZET(regel, "__dict__", {
            "ref": ref, "voor": voor, "wet": wet, "product": product, "uren_per_week": uren, "trede": trede,
            "tarief_per_uur": tarief_uur, "tarief_per_week": tarief_week, "bedrag_per_week": week,
            "bedrag_periode": periode, "extramuraal": extramuraal, "toelichting": tekst,
        })
        _ZET(regel, "__pydantic_fields_set__", _REGEL_VELDEN)
        _ZET(regel, "__pydantic_extra__", None)
        _ZET(regel, "__pydantic_private__", None)
        self.regels.append(regel)


def _uren_regel(opbouw: _Opbouw, *, ref, wet, product, uren: Decimal, tarief: Decimal, extramuraal: bool,
                uitleg: str):
    week = (uren * tarief).quantize(CENT, ROUND_HALF_UP)
    tekst = f"{getal(uren)} uur × {euro(tarief)} = {euro(week)} per week ({uitleg})"
    opbouw.voeg_toe(ref=ref, wet=wet, product=product, week=week, toelichting=tekst, extramuraal=extramuraal,
                    uren=uren.quantize(CENT), tarief_uur=tarief)


def _vast_regel(opbouw: _Opbouw, *, ref, product, week: Decimal, trede: int | None, uitleg: str,
                extramuraal: bool, voor=None):
    opbouw.voeg_toe(ref=ref, wet="Wmo", product=product, week=week, toelichting=f"{uitleg}: {euro(week)} per week",
                    extramuraal=extramuraal, voor=voor, trede=trede, tarief_week=week)


def bereken(casus: Casus, omgeving: Omgeving | None = None) -> Begroting:
    # Read the private attribute directly: pydantic's __getattr__ costs more than the lookup itself.
    gevalideerd = (casus.__pydantic_private__ or {}).get("_omgeving")
    omgeving = omgeving or gevalideerd
    if omgeving is None:
        raise TypeError("bereken() heeft een Omgeving nodig (of een Casus gevalideerd met context).")
    if gevalideerd is None:
        controleer_omgeving(casus, omgeving)
    catalogus, blad = omgeving.catalogus, omgeving.tariefblad
    start, einde = casus.ingangsdatum, casus.einde
    dagen = (einde - start).days + 1
    opbouw = _Opbouw(dagen)
    perceel = catalogus.perceel(casus.perceel)
    extramuraal_perceel = casus.perceel == "extramuraal"
    pakket = None if casus.pakket == "vrij" else perceel.pakket(casus.pakket)

    grens = volwassen_grens(start)  # adult: born on or before this date
    volwassenen, kinderen = [], []
    for lid in casus.leden:
        if lid.doet_mee:
            (volwassenen if lid.geboortedatum <= grens else kinderen).append(lid)
    # R6: youngest child (latest birth date); ties: the first in input order.
    jongste = None
    for kind in kinderen:
        if jongste is None or kind.geboortedatum > jongste.geboortedatum:
            jongste = kind
    in_voorziening = {lid.ref for lid in casus.leden if verblijft(lid, casus.perceel)}
    eerste_in_voorziening = next((v.ref for v in volwassenen if v.ref in in_voorziening), None)
    maatwerk_per_ref: dict[str, list] = {}
    for m in casus.maatwerk:
        maatwerk_per_ref.setdefault(m.ref or volwassenen[0].ref, []).append(m)

    # Vrije trede (R3): Wmo amount shared equally over the participating adults, remainder to the first.
    vrij_wmo: dict[str, Decimal] = {}
    if casus.pakket == "vrij" and casus.vrije_trede.wmo_per_week > 0 and volwassenen:
        totaal = casus.vrije_trede.wmo_per_week.quantize(CENT, ROUND_HALF_UP)
        n = len(volwassenen)
        deel = (totaal / n).quantize(CENT, ROUND_DOWN)
        for i, v in enumerate(volwassenen):
            vrij_wmo[v.ref] = totaal - deel * (n - 1) if i == 0 else deel

    volwassen_refs = {v.ref for v in volwassenen}
    for lid in casus.leden:
        ref = lid.ref
        if ref in volwassen_refs:
            binnen = ref in in_voorziening
            if pakket is not None:
                tarief = blad.uurtarieven[("volwassenen", pakket.code)].tarief
                if extramuraal_perceel:
                    uitleg = f"pakket {pakket.code} extramuraal, per deelnemende volwassene; {_R4_R5}"
                elif binnen:
                    uitleg = f"pakket {pakket.code} {casus.perceel}, per deelnemende volwassene; {_R8_R9}"
                else:
                    uitleg = (f"pakket {pakket.code} {casus.perceel}; verblijft niet in de voorziening, "
                              f"begeleiding extramuraal; {_R12}")
                _uren_regel(opbouw, ref=ref, wet="Wmo", product="begeleiding_volwassenen",
                            uren=pakket.uren_per_volwassene, tarief=tarief,
                            extramuraal=extramuraal_perceel or not binnen, uitleg=uitleg)
                if binnen:
                    for product, trede in pakket.tredes.items():
                        if product == "nachtelijke_ondersteuning":
                            week = blad.maatwerk[(product, trede)]
                            uitleg = f"Nachtelijke ondersteuning trede {trede} ({_R8_R9})"
                        else:
                            tt = blad.trede_tarieven[(casus.perceel, trede)]
                            week = tt.tarief_per_week
                            uitleg = (f"{catalogus.product(product).naam} trede {trede}: "
                                      f"{tt.diensturen_weekdagen + tt.diensturen_weekend} diensturen per week, "
                                      f"{euro(tt.kosten_locatie_per_week)} per locatie ÷ "
                                      f"{tt.plaatsen.normalize():f} plaatsen ({_R10})")
                        _vast_regel(opbouw, ref=ref, product=product, week=week, trede=trede, uitleg=uitleg,
                                    extramuraal=False)
                    if pakket.verblijf:
                        _vast_regel(opbouw, ref=ref, product="verblijf", week=blad.verblijf_volwassene, trede=None,
                                    uitleg=f"Verblijf, vast budget per volwassen cliënt ({_R9})", extramuraal=False)
                        if ref == eerste_in_voorziening:
                            for kind in casus.leden:
                                if kind.ref in in_voorziening and kind.geboortedatum > grens:
                                    _vast_regel(opbouw, ref=ref, voor=kind.ref, product="verblijf",
                                                week=blad.verblijf_kind, trede=None, extramuraal=False,
                                                uitleg=f"Verblijf, vast budget per meekomend kind ({kind.ref}), "
                                                       f"gedragen door de eerste volwassene in de voorziening ({_R9})")
            if ref in vrij_wmo:
                week = vrij_wmo[ref]
                totaal = casus.vrije_trede.wmo_per_week.quantize(CENT, ROUND_HALF_UP)
                n = len(volwassenen)
                tekst = (f"Vrije trede Wmo: {euro(totaal)} per week ÷ {n} volwassene{'n' if n != 1 else ''}"
                         f" = {euro(week)} per week")
                if n > 1 and week != vrij_wmo[volwassenen[-1].ref] and ref == volwassenen[0].ref:
                    tekst += " (restcent naar de eerste volwassene)"
                tekst += f" ({_R3}; motivering: {casus.vrije_trede.motivering})"
                opbouw.voeg_toe(ref=ref, wet="Wmo", product="vrije_trede", week=week, toelichting=tekst,
                                extramuraal=True)
            for m in maatwerk_per_ref.get(ref, ()):
                week = blad.maatwerk[(m.product, m.trede)]
                _vast_regel(opbouw, ref=ref, product=m.product, week=week, trede=m.trede,
                            uitleg=f"Maatwerk {catalogus.product(m.product).naam.lower()} trede {m.trede} ({_R7})",
                            extramuraal=extramuraal_perceel or ref not in in_voorziening)
        elif jongste is not None and ref == jongste.ref:
            extramuraal = extramuraal_perceel or ref not in in_voorziening
            if pakket is not None:
                tarief = blad.uurtarieven[("jeugd", pakket.code)].tarief
                _uren_regel(opbouw, ref=ref, wet="Jeugdwet", product="begeleiding_kinderen",
                            uren=pakket.uren_kinderen, tarief=tarief, extramuraal=extramuraal,
                            uitleg=f"pakket {pakket.code} {casus.perceel}, "
                                   + (f"voor de {len(kinderen)} deelnemende kinderen samen, toegekend aan het "
                                      f"jongste kind; {_R4_R6}" if len(kinderen) > 1 else
                                      f"voor het deelnemende kind; {_R4_R6}"))
            elif casus.vrije_trede.jeugd_per_week > 0:
                week = casus.vrije_trede.jeugd_per_week.quantize(CENT, ROUND_HALF_UP)
                opbouw.voeg_toe(ref=ref, wet="Jeugdwet", product="vrije_trede", week=week, extramuraal=True,
                                toelichting=f"Vrije trede jeugd: {euro(week)} per week voor alle kinderen, "
                                            f"toegekend aan het jongste kind ({_R3_R6}; motivering: "
                                            f"{casus.vrije_trede.motivering})")

    per_persoon: dict[str, Bedragen] = {}
    sommen: dict[str, list[Decimal]] = {}
    for r in opbouw.regels:
        som = sommen.get(r.ref)
        if som is None:
            sommen[r.ref] = [r.bedrag_per_week, r.bedrag_periode]
        else:
            som[0] += r.bedrag_per_week
            som[1] += r.bedrag_periode
    totaal_week = totaal_periode = NUL
    for ref, (week, periode) in sommen.items():
        per_persoon[ref] = _snel(Bedragen, per_week=week, periode=periode)
        totaal_week += week
        totaal_periode += periode
    return _snel(
        Begroting,
        perceel=casus.perceel, pakket=casus.pakket, ingangsdatum=start, einddatum=einde, dagen=dagen,
        tariefjaar=blad.jaar, parameterset=blad.naam, regels=opbouw.regels, per_persoon=per_persoon,
        totaal_per_week=totaal_week, totaal_periode=totaal_periode,
        parameterset_id=omgeving.parameterset_id, catalogus_versie_id=omgeving.catalogus_versie_id,
    )
