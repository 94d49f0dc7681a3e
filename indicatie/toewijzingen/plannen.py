"""Which toewijzingen a decided version sends, and with which number and RedenWijziging (pure Python).

One message per client per aanbieder per law (OP087): a WMO301 per participating adult with Wmo lines,
a JW301 for the youngest child, who carries the youth budget for all children (R1, R5, R6). The lines
come from the engine's begroting; lines of one client with the same product code are summed into one
toegewezen product.

Numbering and changes (OP033x1, standaarden.md §1.4). A ToewijzingNummer is unique within each law and
kept across changes. Only the Einddatum, the volume (with Frequentie 6 only), the maximum budget, or
deletion (RedenWijziging 13) may change in a toewijzing. This app sends a weekly amount (Frequentie 2),
so its choice is:

- same product, same weekly amount, other end date: the toewijzing keeps its number and gets the new
  Einddatum with RedenWijziging 04 (verlenging) or 05 (verkorting);
- a different weekly amount (op-/afschalen), a product that is no longer indicated, or a member who no
  longer takes part: the running toewijzing is ended the day before the change (RedenWijziging 05), or
  deleted when the change starts on its first day (RedenWijziging 13 with Einddatum = Ingangsdatum,
  CS335), and a *new* toewijzing with a new number starts on the change date;
- another aanbieder: the old aanbieder's toewijzing is ended with RedenWijziging 09 and the new
  aanbieder gets a new one;
- beëindiging: every toewijzing running past the last day is shortened to it or deleted (13). The
  reason follows the ending's category where WMO002/JZ002 has a matching code (a move to another
  municipality: 07); every other category is a reassessment that shortens the toewijzing (05);
- verlenging: a toewijzing that ends the day before the extension, with the same amount, is extended
  (04) and keeps its number; otherwise a new one starts.

The budget variant follows the same choice (one weekly amount per toewijzing, its Budget = that amount
over its own period), so a toewijzing is always one weekly amount × its period, whichever variant.

Members under OP003 (geen berichtenverkeer) are left out entirely: no new, changed or ended
toewijzing is planned for them, and the caller is told so (``Plan.geblokkeerd``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .bericht import EENHEID_EURO, FREQUENTIE_PER_WEEK, RedenWijziging, ToegewezenProduct, Wet
from .configuratie import BUDGET, OMVANG, productcode

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Productregel:
    """One line of a begroting, as much as a toewijzing needs of it."""

    ref: str
    wet: Wet
    product: str
    bedrag_per_week: Decimal
    bedrag_periode: Decimal


@dataclass
class Toewijzingstand:
    """The current content of one toewijzing (what the provider last received, or will receive)."""

    nummer: int
    wet: Wet
    agb: str
    client_ref: str
    categorie: str
    code: str | None
    ingangsdatum: date
    einddatum: date
    weekbedrag: Decimal
    toewijzingsdatum: date
    toewijzingstijd: time
    reden_wijziging: str | None = None
    budget: int | None = None  # eurocent (budget variant)
    volume: int | None = None  # eurocent per week (omvang variant)
    gewijzigd: bool = False  # new or changed by this plan
    nieuw: bool = False
    pk: object = None  # the ledger row, when stored

    @property
    def sleutel(self) -> tuple:
        return (self.agb, self.wet, self.client_ref, self.categorie, self.code)

    def als_product(self) -> ToegewezenProduct:
        return ToegewezenProduct(
            nummer=self.nummer, categorie=self.categorie, code=self.code,
            toewijzingsdatum=self.toewijzingsdatum, toewijzingstijd=self.toewijzingstijd,
            ingangsdatum=self.ingangsdatum, einddatum=self.einddatum, reden_wijziging=self.reden_wijziging,
            volume=self.volume, eenheid=EENHEID_EURO if self.volume is not None else None,
            frequentie=FREQUENTIE_PER_WEEK if self.volume is not None else None, budget=self.budget,
        )


@dataclass
class Berichtplan:
    agb: str
    wet: Wet
    client_ref: str
    toewijzingen: list[Toewijzingstand]


@dataclass
class Plan:
    berichten: list[Berichtplan] = field(default_factory=list)
    toewijzingen: list[Toewijzingstand] = field(default_factory=list)  # new and changed (to store)
    geblokkeerd: list[tuple[str, Wet]] = field(default_factory=list)  # (ref, wet) under OP003


# The ending categories (indicaties.beeindiging) with a code of their own in WMO002/JZ002. Doelen bereikt,
# veilig zonder hulp, andere hulp, niet meer gewenst and anders have none: 05 (verkorting). "Uitstroom
# naar ander domein" (06) is not implied by "andere hulp", which can be other Wmo support.
REDEN_BIJ_BEEINDIGING = {"verhuisd_andere_gemeente": RedenWijziging.VERHUIZING.value}


def reden_bij_beeindiging(categorie: str | None) -> str:
    return REDEN_BIJ_BEEINDIGING.get(categorie or "", RedenWijziging.VERKORTING.value)


def centen(bedrag: Decimal) -> int:
    return int((Decimal(bedrag).quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def periodebedrag(weekbedrag: Decimal, ingang: date, einde: date) -> Decimal:
    """DESIGN.md §4: round(week amount × calendar days / 7, 2)."""
    dagen = (einde - ingang).days + 1
    return (Decimal(weekbedrag) * dagen / 7).quantize(CENT, rounding=ROUND_HALF_UP)


def _gewenst(regels: Iterable[Productregel], *, agb: str, variant: str, uitgesloten: set[str]) -> dict[tuple, list]:
    """key -> [weekbedrag, periodebedrag] of the summed lines per client and product code."""
    uit: dict[tuple, list] = {}
    for r in regels:
        if r.ref in uitgesloten or r.bedrag_per_week <= 0:
            continue
        pc = productcode(r.wet, r.product)
        code = pc.code if variant == OMVANG else None
        sleutel = (agb, Wet(r.wet), r.ref, pc.categorie, code)
        som = uit.setdefault(sleutel, [Decimal("0.00"), Decimal("0.00")])
        som[0] += r.bedrag_per_week
        som[1] += r.bedrag_periode
    return uit


def _bedrag_velden(t: Toewijzingstand, variant: str, periode: Decimal | None = None) -> None:
    if variant == BUDGET:
        t.volume = None
        t.budget = centen(periode if periode is not None else periodebedrag(t.weekbedrag, t.ingangsdatum, t.einddatum))
    else:
        t.budget = None
        t.volume = centen(t.weekbedrag)


def _beeindig(t: Toewijzingstand, laatste_dag: date, reden: str, variant: str, moment: datetime) -> Toewijzingstand:
    n = replace(t, gewijzigd=True, toewijzingsdatum=moment.date(), toewijzingstijd=moment.time().replace(microsecond=0))
    if laatste_dag < t.ingangsdatum:
        # Never started: deleted (CS335: RedenWijziging 13 only with Einddatum = Ingangsdatum).
        n.einddatum = t.ingangsdatum
        n.reden_wijziging = RedenWijziging.VERWIJDERD.value
    else:
        n.einddatum = laatste_dag
        n.reden_wijziging = reden
        _bedrag_velden(n, variant)
    return n


def plan(
    *,
    soort: str,
    regels: Iterable[Productregel],
    bestaande: Iterable[Toewijzingstand],
    agb: str,
    ingangsdatum: date,
    einddatum: date,
    moment: datetime,
    variant: str,
    nummer_voor: Callable[[Wet], int],
    geblokkeerd: Iterable[str] = (),
    refs_per_wet: dict[str, Wet] | None = None,
    beeindigingsreden: str | None = None,
) -> Plan:
    """The toewijzingen and messages for one decided version.

    soort: "toekenning", "wijziging", "verlenging" or "beeindiging" (the signal's ``soort``).
    For a beëindiging ``einddatum`` is the last day and ``regels`` are ignored.
    ``geblokkeerd``: refs of members under OP003.
    ``beeindigingsreden``: the ending's category (a beëindiging), for its RedenWijziging.
    """
    geblokkeerd = set(geblokkeerd)
    regels = list(regels)
    bestaande = [replace(t, gewijzigd=False, nieuw=False) for t in bestaande]
    uitkomst = Plan()
    tijd = moment.time().replace(microsecond=0)

    # OP003: report every member under the flag who would otherwise be in a message.
    gemeld: set[tuple[str, Wet]] = set()
    for r in regels:
        if r.ref in geblokkeerd and r.bedrag_per_week > 0 and soort != "beeindiging":
            gemeld.add((r.ref, Wet(r.wet)))
    for t in bestaande:
        if t.client_ref in geblokkeerd and t.einddatum >= ingangsdatum - timedelta(days=1):
            gemeld.add((t.client_ref, t.wet))
    uitkomst.geblokkeerd = sorted(gemeld)
    bestaande = [t for t in bestaande if t.client_ref not in geblokkeerd]

    resultaat: list[Toewijzingstand] = []
    if soort == "beeindiging":
        peildatum = einddatum
        for t in bestaande:
            if t.einddatum > einddatum:
                resultaat.append(_beeindig(t, einddatum, reden_bij_beeindiging(beeindigingsreden), variant, moment))
            elif t.einddatum >= peildatum:
                resultaat.append(t)
    else:
        peildatum = ingangsdatum
        gewenst = _gewenst(regels, agb=agb, variant=variant, uitgesloten=geblokkeerd)
        gebruikt: set[tuple] = set()
        for t in bestaande:
            if t.einddatum < ingangsdatum - timedelta(days=1):
                continue  # ended before; not part of this change
            doel = gewenst.get(t.sleutel)
            aansluitend = t.einddatum == ingangsdatum - timedelta(days=1)
            if doel is not None and t.sleutel not in gebruikt and doel[0] == t.weekbedrag:
                gebruikt.add(t.sleutel)
                if t.einddatum == einddatum:
                    resultaat.append(t)
                    continue
                n = replace(
                    t, gewijzigd=True, einddatum=einddatum, toewijzingsdatum=moment.date(), toewijzingstijd=tijd
                )
                n.reden_wijziging = (
                    RedenWijziging.VERLENGING.value if einddatum > t.einddatum else RedenWijziging.VERKORTING.value
                )
                _bedrag_velden(n, variant)
                resultaat.append(n)
            elif aansluitend:
                continue  # ends the day before anyway; the new period gets a new toewijzing
            else:
                reden = RedenWijziging.OVERSTAP_AANBIEDER.value if t.agb != agb else RedenWijziging.VERKORTING.value
                resultaat.append(_beeindig(t, ingangsdatum - timedelta(days=1), reden, variant, moment))
        for sleutel, (week, periode) in gewenst.items():
            if sleutel in gebruikt:
                continue
            _, wet, ref, categorie, code = sleutel
            n = Toewijzingstand(
                nummer=nummer_voor(wet), wet=wet, agb=agb, client_ref=ref, categorie=categorie, code=code,
                ingangsdatum=ingangsdatum, einddatum=einddatum, weekbedrag=week,
                toewijzingsdatum=moment.date(), toewijzingstijd=tijd, gewijzigd=True, nieuw=True,
            )
            _bedrag_velden(n, variant, periode)
            resultaat.append(n)

    uitkomst.toewijzingen = [t for t in resultaat if t.gewijzigd]
    # A message for every client (per aanbieder and law) with a new or changed toewijzing, carrying all
    # of that client's current toewijzingen at that aanbieder (OP087).
    groepen: dict[tuple, list[Toewijzingstand]] = {}
    for t in resultaat:
        groepen.setdefault((t.agb, t.wet, t.client_ref), []).append(t)
    for (g_agb, wet, ref), lijst in groepen.items():
        if not any(t.gewijzigd for t in lijst):
            continue
        lijst = [t for t in lijst if t.gewijzigd or t.einddatum >= peildatum]
        lijst.sort(key=lambda t: (t.ingangsdatum, t.nummer))
        uitkomst.berichten.append(Berichtplan(agb=g_agb, wet=wet, client_ref=ref, toewijzingen=lijst))
    uitkomst.berichten.sort(key=lambda b: (b.wet != Wet.WMO, b.client_ref, b.agb))
    return uitkomst


def regels_uit_begroting(begroting) -> list[Productregel]:
    """Lines from the engine's ``Begroting`` (pydantic) or its JSON form (a stored version)."""
    if hasattr(begroting, "model_dump"):
        begroting = begroting.model_dump(mode="json")
    uit = []
    for r in (begroting or {}).get("regels", []):
        if hasattr(r, "model_dump"):
            r = r.model_dump(mode="json")
        uit.append(
            Productregel(
                ref=str(r["ref"]), wet=Wet(str(r["wet"])), product=str(r["product"]),
                bedrag_per_week=Decimal(str(r["bedrag_per_week"])), bedrag_periode=Decimal(str(r["bedrag_periode"])),
            )
        )
    return uit
