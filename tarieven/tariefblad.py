"""From a parameter set and the catalogue to the tariff sheet (issue 3 §5): hourly tariffs per pakket for
adults (R15) and youth (R16) with their build-up, weekly trede tariffs from the staffing table (R10),
verblijf and maatwerk. Plain Python, Decimal money, tariffs rounded to cents ROUND_HALF_UP (DESIGN.md §4).

Per level (tariefnotitie §2.2):
    W (brutojaarloon)   = 12 × maandsalaris × (1 + vakantiegeld + eindejaarsuitkering)
    E (werkgeverskosten) = W + sociale premies × min(W, max premieloon)
                             + pensioenpremie × (W − franchise) × werkgeversdeel
    kostprijs per uur   = E / (jaaruren × productiviteit)
    tarief per uur      = kostprijs × (1 + overhead) × (1 + risico)      (overhead als opslag)
                          kostprijs / (1 − overhead) × (1 + risico)      (overhead als aandeel)
The mix tariff is the weighted sum over CAO-mix × functiemix, rounded once to cents.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from pakketten.catalogus import Catalogus

from .parameters import CAO_NAMEN, Parameters

CENT = Decimal("0.01")
EEN = Decimal(1)
NUL = Decimal(0)


def rond(bedrag: Decimal) -> Decimal:
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def procent(waarde: Decimal) -> str:
    """0.0625 -> '6,25%'."""
    tekst = f"{waarde * 100:.2f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",") + "%"


@dataclass(frozen=True)
class Component:
    """One CAO level in a mix, with its cost build-up."""

    cao: str
    schaal: str
    aandeel: Decimal  # share in the whole mix (CAO share × level share)
    maandsalaris: Decimal
    jaarloon: Decimal
    werkgeverskosten: Decimal
    kostprijs_per_uur: Decimal
    tarief_per_uur: Decimal

    @property
    def cao_naam(self) -> str:
        return CAO_NAMEN.get(self.cao, self.cao)

    @property
    def aandeel_tekst(self) -> str:
        return procent(self.aandeel)

    @property
    def bijdrage(self) -> Decimal:
        return self.aandeel * self.tarief_per_uur


@dataclass(frozen=True)
class Uurtarief:
    doelgroep: str  # "volwassenen" | "jeugd"
    pakket: str
    tarief: Decimal  # rounded to cents
    onafgerond: Decimal
    overhead: Decimal
    componenten: tuple[Component, ...]

    @property
    def overhead_tekst(self) -> str:
        return procent(self.overhead)

    @property
    def wet(self) -> str:
        return "Wmo" if self.doelgroep == "volwassenen" else "Jeugdwet"


@dataclass(frozen=True)
class TredeTarief:
    perceel: str
    product: str
    trede: int
    diensturen_weekdagen: int
    diensturen_weekend: int
    gewogen_diensturen: Decimal
    kosten_locatie_per_week: Decimal
    plaatsen: Decimal
    tarief_per_week: Decimal


@dataclass(frozen=True)
class Tariefblad:
    jaar: int
    naam: str
    uurtarieven: dict[tuple[str, str], Uurtarief]  # (doelgroep, pakket) -> tarief
    trede_tarieven: dict[tuple[str, int], TredeTarief]  # (perceel, trede)
    verblijf_volwassene: Decimal
    verblijf_kind: Decimal
    maatwerk: dict[tuple[str, int], Decimal]  # (product, trede) -> tarief per week
    parameters: Parameters = field(repr=False)
    aannames: tuple[tuple[str, str], ...] = ()  # (parameter, herkomst)

    def uurtarief(self, doelgroep: str, pakket: str) -> Decimal:
        return self.uurtarieven[(doelgroep, pakket)].tarief


def _overheadfactor(p: Parameters, overhead: Decimal, risico: Decimal) -> Decimal:
    if p.overhead_wijze.waarde == "aandeel":
        return (EEN / (EEN - overhead)) * (EEN + risico)
    return (EEN + overhead) * (EEN + risico)


def werkgeverskosten(p: Parameters, cao: str, schaal: str) -> tuple[Decimal, Decimal, Decimal]:
    """(maandsalaris, brutojaarloon W, werkgeverskosten E) per FTE per year."""
    c = p.cao[cao]
    s = c.schalen[schaal].waarde
    vg, eju = c.vakantiegeld.waarde, c.eindejaarsuitkering.waarde
    basis = 12 * s
    w = basis * (EEN + vg) * (EEN + eju) if c.eju_over_vakantiegeld else basis * (EEN + vg + eju)
    lasten = p.werkgeverslasten
    premies = lasten.sociale_premies.waarde * min(w, lasten.max_premieloon.waarde)
    pensioen = (lasten.pensioenpremie.waarde * max(w - lasten.pensioen_franchise.waarde, NUL)
                * lasten.pensioen_werkgeversdeel.waarde)
    return s, w, w + premies + pensioen


def _component(p: Parameters, cao: str, schaal: str, aandeel: Decimal, factor: Decimal) -> Component:
    s, w, e = werkgeverskosten(p, cao, schaal)
    kostprijs = e / (p.jaaruren.waarde * p.productiviteit.waarde)
    return Component(cao, schaal, aandeel, s, w, e, kostprijs, kostprijs * factor)


def _mix(doelgroep: str, pakket: str, overhead: Decimal, componenten: list[Component]) -> Uurtarief:
    onafgerond = sum((c.bijdrage for c in componenten), NUL)
    return Uurtarief(doelgroep, pakket, rond(onafgerond), onafgerond, overhead, tuple(componenten))


def uurtarief_volwassenen(p: Parameters, pakket: str) -> Uurtarief:
    """R15: CAO-mix 25% Sociaal Werk / 75% GGZ with the functiemix of the pakket (B3 §4.1)."""
    v = p.volwassenen
    factor = _overheadfactor(p, v.overhead.waarde, v.risico_opslag.waarde)
    componenten = []
    for cao, cao_aandeel in v.cao_mix.genormaliseerd().items():
        for schaal, aandeel in v.functiemix[pakket][cao].genormaliseerd().items():
            componenten.append(_component(p, cao, schaal, cao_aandeel * aandeel, factor))
    return _mix("volwassenen", pakket, v.overhead.waarde, componenten)


def uurtarief_jeugd(p: Parameters, pakket: str) -> Uurtarief:
    """R16: one third per CAO Jeugdzorg/GGZ/GHZ, HBO/WO per pakket, overhead 31.33% (B3 §4.2)."""
    j = p.jeugd
    factor = _overheadfactor(p, j.overhead.waarde, j.risico_opslag.waarde)
    opleiding = j.opleidingsmix[pakket].genormaliseerd()
    componenten = []
    for cao, cao_aandeel in j.cao_mix.genormaliseerd().items():
        schalen = j.schalen[cao]
        componenten.append(_component(p, cao, schalen.hbo, cao_aandeel * opleiding["hbo"], factor))
        componenten.append(_component(p, cao, schalen.wo, cao_aandeel * opleiding["wo"], factor))
    return _mix("jeugd", pakket, j.overhead.waarde, componenten)


def trede_tarief(p: Parameters, catalogus: Catalogus, perceel: str, product: str, trede: int) -> TredeTarief:
    """R10: the staffing of a location per week, weekend hours with their surcharge, times the cost per
    staffed hour with overhead, shared over the places of the location (availability-based)."""
    b = catalogus.bezetting(trede)
    t = p.tredes
    gewogen = Decimal(b.diensturen_weekdagen) + Decimal(b.diensturen_weekend) * (EEN + t.toeslag_weekend.waarde)
    factor = _overheadfactor(p, p.volwassenen.overhead.waarde, p.volwassenen.risico_opslag.waarde)
    locatie = gewogen * t.kosten_per_dienstuur.waarde * factor
    plaatsen = t.plaatsen_per_locatie[perceel].waarde
    # From the rounded location cost, so that the derivation a person reads ("€ 19.777,25 per locatie
    # ÷ 10 plaatsen") gives exactly the tariff shown, like every other line (DESIGN §4).
    locatie = rond(locatie)
    per_plaats = rond(locatie / (plaatsen * t.bezettingsgraad.waarde))
    return TredeTarief(perceel, product, trede, b.diensturen_weekdagen, b.diensturen_weekend, gewogen,
                       locatie, plaatsen, per_plaats)


def aannames(p: Parameters) -> list[tuple[str, str]]:
    """Every parameter labelled as an assumption, as (dotted name, herkomst)."""
    gevonden: list[tuple[str, str]] = []

    def loop(obj, pad: str):
        if isinstance(obj, dict):
            if obj.get("label") == "aanname" and "herkomst" in obj:
                gevonden.append((pad, obj["herkomst"]))
                return
            for k, v in obj.items():
                loop(v, f"{pad}.{k}" if pad else str(k))

    loop(p.model_dump(mode="json"), "")
    return gevonden


def maak_tariefblad(p: Parameters, catalogus: Catalogus) -> Tariefblad:
    uurtarieven = {}
    for pakket in ("1", "2", "3"):
        uurtarieven[("volwassenen", pakket)] = uurtarief_volwassenen(p, pakket)
        uurtarieven[("jeugd", pakket)] = uurtarief_jeugd(p, pakket)
    trede_tarieven = {}
    for perceel in catalogus.percelen:
        producten = {prod for pk in perceel.pakketten for prod in pk.tredes if prod != "nachtelijke_ondersteuning"}
        for product in sorted(producten):
            if perceel.code not in p.tredes.plaatsen_per_locatie:
                raise ValueError(f"De parameterset mist het aantal plaatsen per locatie voor {perceel.code}.")
            for b in catalogus.trede_bezetting:
                trede_tarieven[(perceel.code, b.trede)] = trede_tarief(p, catalogus, perceel.code, product, b.trede)
    maatwerk = {}
    for product, tredes in p.maatwerk.items():
        for trede, waarde in tredes.items():
            maatwerk[(product, int(trede))] = rond(waarde.waarde)
    # Every maatwerk product and night trede the catalogue can ask for must have a tariff.
    nodig = {(m, t) for perceel in catalogus.percelen for m in perceel.maatwerk for t in catalogus.maatwerk_tredes}
    nodig |= {("nachtelijke_ondersteuning", t) for perceel in catalogus.percelen for pk in perceel.pakketten
              for prod, t in pk.tredes.items() if prod == "nachtelijke_ondersteuning"}
    ontbreekt = sorted(nodig - set(maatwerk))
    if ontbreekt:
        product, trede = ontbreekt[0]
        raise ValueError(f"De parameterset mist een weektarief voor {product} trede {trede}.")
    return Tariefblad(
        jaar=p.jaar,
        naam=p.naam,
        uurtarieven=uurtarieven,
        trede_tarieven=trede_tarieven,
        verblijf_volwassene=rond(p.verblijf.per_volwassene_per_week.waarde),
        verblijf_kind=rond(p.verblijf.per_kind_per_week.waarde),
        maatwerk=maatwerk,
        parameters=p,
        aannames=tuple(aannames(p)),
    )
