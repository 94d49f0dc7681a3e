"""Who gets which letter, with which address and which lines (R1, R5, R6; issue 6 §1–2).

Plain Python on a neutral description of a case (``Dossier``), so the same rules serve the decided
versions in the database and the ``proefdruk`` command. The engine's lines come in as
``Begrotingsregel`` (see ``regels_uit_begroting``), so this module does not depend on the engine's
internals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from hgarr.datums import is_volwassen_op
from hgarr.web.templatetags.nl import format_getal

from .brief import Adres, Beslisser, Brief, Geadresseerde, Soort, Voorzieningregel, Wet

# Plain-Dutch names and result areas per product code of the engine (issue 3 §1). The result areas
# follow R4/R8/R9 and the catalogue; the words are written for the client, without rule codes.
PRODUCTEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "begeleiding_volwassenen": (
        "Begeleiding bij duurzame veiligheid, herstel en systeemdynamiek",
        ("Duurzame veiligheid, herstel en systeemdynamiek", "Sociaal en persoonlijk functioneren",
         "Ondersteuning bij zelfzorg en gezondheid"),
    ),
    "begeleiding_kinderen": (
        "Jeugdhulp voor de kinderen in het gezin",
        ("Ondersteuning", "Behandeling", "Begeleiding van ouders en omgeving"),
    ),
    "semimurale_ondersteuning": (
        "Semimurale ondersteuning (24 uur per dag ondersteuning dichtbij)",
        ("Veiligheid en zelfstandig wonen met ondersteuning dichtbij",),
    ),
    "intramurale_ondersteuning": (
        "Intramurale ondersteuning (24 uur per dag toezicht)",
        ("Veiligheid en herstel met 24 uur toezicht",),
    ),
    "nachtelijke_ondersteuning": ("Nachtelijke ondersteuning", ("Veiligheid in de nacht",)),
    "verblijf": ("Verblijf in een opvangvoorziening", ("Een veilige verblijfplaats",)),
    "schulddienstverlening": ("Toeleiding naar schulddienstverlening", ("Financiële stabiliteit",)),
    "dagbesteding": ("Dagbesteding", ("Een zinvolle daginvulling",)),
    "vrije_trede": ("Ondersteuning op maat (vrije trede)", ("Veiligheid en herstel, op maat vastgesteld",)),
}

PERCELEN = {
    "extramuraal": "extramuraal (ondersteuning thuis of ambulant)",
    "semimuraal": "semimuraal (24 uur per dag ondersteuning dichtbij)",
    "intramuraal": "intramuraal (tijdelijk verblijf met 24 uur toezicht)",
}


@dataclass(frozen=True)
class Begrotingsregel:
    """One line of a computed budget, as much as a letter needs of it."""

    ref: str
    wet: str
    product: str
    bedrag_per_week: Decimal
    bedrag_periode: Decimal
    extramuraal: bool = True
    voor: str | None = None
    uren_per_week: Decimal | None = None
    trede: str | None = None


def regels_uit_begroting(begroting: Any) -> list[Begrotingsregel]:
    """Lines from the engine's ``Begroting`` (pydantic) or its JSON form (a stored version)."""
    if hasattr(begroting, "model_dump"):
        begroting = begroting.model_dump(mode="json")
    regels = begroting.get("regels", []) if isinstance(begroting, Mapping) else begroting
    uit = []
    for r in regels:
        if hasattr(r, "model_dump"):
            r = r.model_dump(mode="json")
        uren = r.get("uren_per_week")
        trede = r.get("trede")
        uit.append(
            Begrotingsregel(
                ref=str(r["ref"]),
                voor=str(r["voor"]) if r.get("voor") not in (None, "") else None,
                wet=str(r["wet"]),
                product=str(r["product"]),
                uren_per_week=Decimal(str(uren)) if uren not in (None, "") else None,
                trede=str(trede) if trede not in (None, "") else None,
                bedrag_per_week=Decimal(str(r["bedrag_per_week"])),
                bedrag_periode=Decimal(str(r["bedrag_periode"])),
                extramuraal=bool(r.get("extramuraal", True)),
            )
        )
    return uit


@dataclass
class Persoon:
    ref: str
    naam: str
    geboortedatum: date
    bsn: str = ""
    rollen: tuple[str, ...] = ()
    postadres: Adres | None = None  # the safe address, already chosen (confidential → correspondence)
    reden_geen_adres: str = ""
    gezag_over: frozenset[str] = frozenset()
    # The indicatiesteller confirmed that this parent, who is the pleger, may receive the youth letter.
    pleger_bevestigd: bool = False

    @property
    def is_pleger(self) -> bool:
        return "pleger" in self.rollen


@dataclass
class Dossier:
    kenmerk: str
    datum: date
    perceel: str
    pakket: str
    ingangsdatum: date
    einddatum: date
    personen: list[Persoon]
    regels: list[Begrotingsregel]
    beslisser: Beslisser
    aanbieder: str | None = None
    motivering: tuple[str, ...] = ()
    reden: str = ""
    parameterset: str = ""
    versie: str = ""
    # wijziging: the previous version's lines and period
    vorige_regels: list[Begrotingsregel] = field(default_factory=list)
    vorige_ingangsdatum: date | None = None
    vorige_einddatum: date | None = None


def kies_postadres(
    *, vertrouwelijk: bool, adres: Adres | None, correspondentieadres: Adres | None
) -> tuple[Adres | None, str]:
    """The address a letter may use (issue 6 §2): a confidential address is never used; then only the
    correspondence address. Returns (address or None, the reason in Dutch when None)."""
    if correspondentieadres is not None and correspondentieadres.is_compleet:
        return correspondentieadres, ""
    if vertrouwelijk:
        return None, "heeft een vertrouwelijk adres en geen correspondentieadres"
    if adres is not None and adres.is_compleet:
        return adres, ""
    return None, "heeft geen volledig postadres"


def pakket_label(pakket: str) -> str:
    return "vrije trede (budget op maat)" if pakket == "vrij" else f"Pakket {pakket}"


def _omvang(r: Begrotingsregel) -> str:
    if r.uren_per_week is not None:
        return f"{format_getal(r.uren_per_week)} uur per week"
    if r.trede is not None:
        return f"trede {r.trede}"
    return "budget per week"


def _voorzieningen(
    regels: Iterable[Begrotingsregel], client_ref: str, wet: str, namen: Mapping[str, str]
) -> tuple[Voorzieningregel, ...]:
    uit = []
    for r in regels:
        if r.ref != client_ref or r.wet != wet:
            continue
        naam, gebieden = PRODUCTEN.get(r.product, (r.product.replace("_", " ").capitalize(), ()))
        voor = ""
        if r.voor and r.voor != client_ref:
            # Verblijf of an accompanying child, carried by the parent in the facility (issue 3 §3).
            voor = namen.get(r.voor, "") or "meekomend kind"
        uit.append(
            Voorzieningregel(
                product=r.product,
                omschrijving=naam,
                resultaatgebieden=gebieden,
                omvang=_omvang(r),
                bedrag_per_week=r.bedrag_per_week,
                bedrag_periode=r.bedrag_periode,
                extramuraal=r.extramuraal,
                voor=voor,
            )
        )
    return tuple(uit)


def _aanbieder(dossier: Dossier) -> str | None:
    """The aanbieder's name, unless it would reveal a shelter location (semi-/intramuraal, issue 6 §2)."""
    if dossier.perceel in ("semimuraal", "intramuraal"):
        return None
    return dossier.aanbieder or None


def _geadresseerde(p: Persoon, naam: str | None = None) -> Geadresseerde:
    adres = p.postadres.regels() if p.postadres is not None and p.postadres.is_compleet else None
    return Geadresseerde(
        ref=p.ref,
        naam=naam or p.naam,
        adres=adres,
        reden_geen_adres="" if adres else f"{p.naam} {p.reden_geen_adres or 'heeft geen veilig postadres'}.",
        aanhef=f"Beste {naam or p.naam}" if not naam else "Beste ouder(s) of verzorger(s)",
    )


def _clients(dossier: Dossier, regels: list[Begrotingsregel]) -> list[tuple[Persoon, Wet]]:
    """Everyone who is granted something, in the order of the case: one decision per person and law
    (R1). Adults without a line get nothing and no letter (R5); the youth lines sit on the youngest
    child (R6)."""
    refs_wet = {(r.ref, r.wet) for r in regels}
    uit = []
    for p in dossier.personen:
        for wet in (Wet.WMO, Wet.JEUGDWET):
            if (p.ref, wet.value) in refs_wet:
                uit.append((p, wet))
    return uit


def ontvangers_jeugdbrief(dossier: Dossier, kind: Persoon) -> tuple[list[Persoon], int, list[str]]:
    """Parents with gezag over the child (issue 6 §2). A parent who is the pleger receives it only when
    the indicatiesteller confirmed it. Returns (recipients, number of people the decision is addressed
    to, notes). Without any gezag data the letter goes to 'the parent(s)' at the child's address."""
    gezag = [
        p for p in dossier.personen
        if p.ref != kind.ref and kind.ref in p.gezag_over and is_volwassen_op(p.geboortedatum, dossier.ingangsdatum)
    ]
    if not gezag:
        gezag = [p for p in dossier.personen if p.ref != kind.ref and kind.ref in p.gezag_over]
    notities = []
    ontvangers = []
    for p in gezag:
        if p.is_pleger and not p.pleger_bevestigd:
            notities.append(f"Geen brief aan {p.naam}: pleger, niet bevestigd door de indicatiesteller.")
            continue
        ontvangers.append(p)
    return ontvangers, len(gezag), notities


def stel_brieven_op(dossier: Dossier, soort: Soort) -> list[Brief]:
    """All letters of one decision. For a wijziging, people who had lines before but none now also
    get a letter (their support changes to nothing)."""
    namen = {p.ref: p.naam for p in dossier.personen}
    huidige = dossier.regels
    alle = list(huidige) + (list(dossier.vorige_regels) if soort == Soort.WIJZIGING else [])
    brieven: list[Brief] = []
    volgnummer = 0
    for client, wet in _clients(dossier, alle):
        nieuw = _voorzieningen(huidige, client.ref, wet.value, namen)
        oud = _voorzieningen(dossier.vorige_regels, client.ref, wet.value, namen) if soort == Soort.WIJZIGING else ()
        if wet == Wet.JEUGDWET:
            ontvangers, aantal, notities = ontvangers_jeugdbrief(dossier, client)
            if aantal == 0:
                # No gezag recorded: one letter to the parent(s) of the child at the child's own safe address.
                geadresseerden = [
                    _geadresseerde(client, naam=f"De ouder(s)/gezaghebbende(n) van {client.naam}")
                ]
                aantal = 1
            elif not ontvangers:
                geadresseerden = [
                    Geadresseerde(
                        ref=client.ref,
                        naam=f"De gezaghebbende ouder van {client.naam}",
                        adres=None,
                        reden_geen_adres="De enige ouder met gezag is pleger; de indicatiesteller moet eerst "
                        "bevestigen dat de brief naar dit adres mag.",
                        aanhef="Beste ouder",
                    )
                ]
            else:
                geadresseerden = [_geadresseerde(p) for p in ontvangers]
        else:
            geadresseerden, aantal, notities = [_geadresseerde(client)], 1, []
        for geadresseerde in geadresseerden:
            volgnummer += 1
            brieven.append(
                Brief(
                    soort=soort,
                    wet=wet,
                    kenmerk=f"{dossier.kenmerk}-{volgnummer:02d}",
                    datum=dossier.datum,
                    client_ref=client.ref,
                    client_naam=client.naam,
                    client_bsn=client.bsn,
                    client_geboortedatum=client.geboortedatum,
                    geadresseerde=geadresseerde,
                    aantal_geadresseerden=aantal,
                    perceel=PERCELEN.get(dossier.perceel, dossier.perceel),
                    pakket=pakket_label(dossier.pakket),
                    ingangsdatum=dossier.ingangsdatum,
                    einddatum=dossier.einddatum,
                    regels=nieuw,
                    oude_regels=oud,
                    oude_ingangsdatum=dossier.vorige_ingangsdatum,
                    oude_einddatum=dossier.vorige_einddatum,
                    beslisser=dossier.beslisser,
                    aanbieder=_aanbieder(dossier),
                    motivering=dossier.motivering or standaard_motivering(dossier, wet),
                    reden=dossier.reden,
                    parameterset=dossier.parameterset,
                    versie=dossier.versie,
                    waarschuwingen=tuple(notities),
                )
            )
    return brieven


def standaard_motivering(dossier: Dossier, wet: Wet) -> tuple[str, ...]:
    """The motivation in words a client understands (Awb 3:46), without the case narrative. Used when
    the version carries no conclusion of its own."""
    pakket = pakket_label(dossier.pakket)
    eerste = (
        "Wij hebben samen met u onderzocht hoe veilig de situatie thuis is en wat u en uw gezin zelf "
        "kunnen doen om die veiligheid te herstellen en te houden. Op grond van dat onderzoek (de taxatie "
        f"van veiligheid en vaardigheden) past {pakket} in het perceel {dossier.perceel} bij uw situatie."
    )
    if wet == Wet.JEUGDWET:
        tweede = (
            "De jeugdhulp is bedoeld voor alle kinderen in het gezin samen. Het budget staat administratief "
            "op naam van het jongste kind; zo krijgen de kinderen samen één budget en niet ieder een eigen budget."
        )
    else:
        tweede = (
            "De ondersteuning is bedoeld voor iedere volwassene die meedoet aan het arrangement; daarom "
            "krijgt u een eigen beschikking. Eerst komt de directe veiligheid, dan een stabiele veiligheid "
            "en daarna duurzaam herstel."
        )
    derde = (
        "De uren in deze brief zijn alleen gebruikt om het budget per week te berekenen. De aanbieder "
        "bepaalt samen met u hoe de ondersteuning wordt ingezet; de gemeente betaalt per week."
    )
    return (eerste, tweede, derde)
