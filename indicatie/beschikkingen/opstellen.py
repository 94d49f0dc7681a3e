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

from hgarr.datums import is_volwassen_op, lange_datum
from hgarr.web.templatetags.nl import format_getal
from indicatie.indicaties.beeindiging import in_de_brief as beeindigingsreden_in_de_brief

from .brief import Adres, Beslisser, Brief, Geadresseerde, Soort, Voorzieningregel, Wet

# Plain-Dutch names and result areas per product code of the engine (issue 3 §1). The result areas
# follow R4/R8/R9 and the catalogue; the words are written for the client, without rule codes.
# Deliberately not the catalogue's names (tarieven.selectors.productnamen): those are the professionals'
# short names ("Begeleiding kinderen", "Wmo R1 Sociaal en persoonlijk functioneren"), whereas a letter
# says what the client gets ("Jeugdhulp voor de kinderen in het gezin"). A letter also renders without a
# database (manage.py proefdruk), and a decided letter must not change wording when the catalogue is
# edited. The codes are the catalogue's (pakketten.catalogus.PRODUCTCODES); a test keeps both the same.
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

OPVANG = ("semimuraal", "intramuraal")

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
    # Stays in the facility of a semi-/intramural arrangement (R12: the pleger usually does not). Only
    # then may a letter to this person mention the facility; the safe default is False.
    verblijft_in_voorziening: bool = False

    @property
    def is_pleger(self) -> bool:
        return "pleger" in self.rollen


@dataclass(frozen=True)
class Onderbouwing:
    """What the motivation of a letter rests on (Awb 3:46): only dates and the assessed categories, never
    a free text (the notes of the indicatiesteller or of an evaluation can hold the case story)."""

    taxatie_datum: date | None = None
    veiligheid: str = ""  # taxaties.Veiligheid value
    vaardigheden: str = ""  # taxaties.Vaardigheden value
    voorstel_advies: str = ""  # the decision table's proposal (taxaties.Advies value)
    voorstel_perceel: str = ""
    voorstel_pakket: str = ""
    # wijziging: the version rests on a taxatie of its own (not the one of the version it changes)
    eigen_taxatie: bool = True
    evaluatie_datum: date | None = None
    evaluatie_veiligheid: str = ""
    # beëindiging: the category (indicaties.beeindiging.Beeindigingsreden value), never the free text
    beeindigingsreden: str = ""


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
    # A motivation given as is (proefdruk); otherwise it is composed per letter from ``onderbouwing``.
    motivering: tuple[str, ...] = ()
    onderbouwing: Onderbouwing | None = None
    reden: str = ""
    parameterset: str = ""
    versie: str = ""
    # wijziging: the previous version's lines, period, perceel and pakket
    vorige_regels: list[Begrotingsregel] = field(default_factory=list)
    vorige_ingangsdatum: date | None = None
    vorige_einddatum: date | None = None
    vorige_perceel: str = ""
    vorige_pakket: str = ""
    # wijziging / beëindiging: the date of the earlier decision, and the kenmerk of the letter each client
    # received about it, keyed by (client ref, law value). Filled by the caller when known.
    vorig_besluit_datum: date | None = None
    vorige_kenmerken: Mapping[tuple[str, str], str] = field(default_factory=dict)


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
    if dossier.perceel in OPVANG:
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
        in_voorziening=p.verblijft_in_voorziening,
        is_pleger=p.is_pleger and not naam,
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
            # Privacy (issue 6 §2, R12): whoever does not stay in the facility, the pleger first of all,
            # reads only their own products: no perceel, pakket or facility wording that would tell them
            # the family is in 24-hour support.
            noemt_voorziening = dossier.perceel not in OPVANG or geadresseerde.in_voorziening
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
                    perceel=PERCELEN.get(dossier.perceel, dossier.perceel) if noemt_voorziening else "",
                    pakket=pakket_label(dossier.pakket) if noemt_voorziening else "",
                    noemt_voorziening=noemt_voorziening and dossier.perceel in OPVANG,
                    ingangsdatum=dossier.ingangsdatum,
                    einddatum=dossier.einddatum,
                    regels=nieuw,
                    oude_regels=oud,
                    oude_ingangsdatum=dossier.vorige_ingangsdatum,
                    oude_einddatum=dossier.vorige_einddatum,
                    vorig_besluit_datum=dossier.vorig_besluit_datum if soort != Soort.TOEKENNING else None,
                    vorig_besluit_kenmerk=(
                        dossier.vorige_kenmerken.get((client.ref, wet.value), "") if soort != Soort.TOEKENNING else ""
                    ),
                    beslisser=dossier.beslisser,
                    aanbieder=_aanbieder(dossier),
                    motivering=dossier.motivering or motivering(
                        dossier, soort, wet, nieuw=nieuw, oud=oud, noemt_voorziening=noemt_voorziening
                    ),
                    reden=dossier.reden,
                    parameterset=dossier.parameterset,
                    versie=dossier.versie,
                    waarschuwingen=tuple(notities),
                )
            )
    return brieven


# The taxatie's categories in words a client understands (B1 §1.5, B3 §2), for the motivation.
VEILIGHEID_IN_WOORDEN = {
    "acuut_onveilig": "er is nu direct gevaar, en eerst moet de directe veiligheid geregeld worden",
    "structureel_onveilig": "er is herhaald of aanhoudend geweld en de situatie thuis is niet stabiel",
    "dreigend": "er is dreiging van geweld en de situatie kan uit de hand lopen, maar er is geen direct gevaar",
    "stabiel_kwetsbaar": "het geweld is gestopt en de situatie is stabiel, maar nog kwetsbaar",
}
VAARDIGHEDEN_IN_WOORDEN = {
    "voldoende": "u kunt spanningen samen genoeg afremmen en op tijd hulp vragen",
    "beperkt": "dat lukt voor een deel, en met steun kunt u het verder leren",
    "ontbrekend": "dat lukt nu nog niet, waardoor de situatie snel uit de hand kan lopen",
}
_PERCEEL_ZWAARTE = {"extramuraal": 0, "semimuraal": 1, "intramuraal": 2}
_REGEL_R18 = (
    "De regel van de gemeente is: hoe onveiliger de situatie en hoe minder u en uw gezin zelf kunnen, hoe "
    "zwaarder de ondersteuning. Eerst komt de directe veiligheid, dan een stabiele veiligheid en daarna herstel "
    "dat blijft."
)
_UREN_R17 = (
    "De uren in deze brief zijn alleen gebruikt om het budget per week te berekenen. De aanbieder bepaalt "
    "samen met u hoe de ondersteuning wordt ingezet; de gemeente betaalt per week."
)


def _keuze(perceel: str, pakket: str) -> str:
    """'Pakket 2 in het perceel extramuraal (ondersteuning thuis of ambulant)'."""
    if pakket == "vrij":
        return f"een budget op maat (vrije trede) in het perceel {PERCELEN.get(perceel, perceel)}"
    return f"{pakket_label(pakket)} in het perceel {PERCELEN.get(perceel, perceel)}"


def _richting(oud: tuple[str, str], nieuw: tuple[str, str]) -> int | None:
    """+1 heavier, -1 lighter, 0 the same, None not comparable (a vrije trede), by perceel then pakket."""
    (oud_perceel, oud_pakket), (nieuw_perceel, nieuw_pakket) = oud, nieuw
    if oud_perceel in _PERCEEL_ZWAARTE and nieuw_perceel in _PERCEEL_ZWAARTE and oud_perceel != nieuw_perceel:
        return 1 if _PERCEEL_ZWAARTE[nieuw_perceel] > _PERCEEL_ZWAARTE[oud_perceel] else -1
    if oud_pakket.isdigit() and nieuw_pakket.isdigit():
        return (int(nieuw_pakket) > int(oud_pakket)) - (int(nieuw_pakket) < int(oud_pakket))
    return 0 if oud_pakket == nieuw_pakket else None


def _conclusie(o: Onderbouwing, *, opnieuw: bool) -> str:
    return (
        f"Op {lange_datum(o.taxatie_datum)} hebben wij {'opnieuw ' if opnieuw else ''}met u besproken hoe veilig de "
        "situatie is en wat u en uw gezin zelf kunnen. Onze conclusie over de veiligheid: "
        f"{VEILIGHEID_IN_WOORDEN[o.veiligheid]}. Over wat u en uw gezin zelf kunnen: "
        f"{VAARDIGHEDEN_IN_WOORDEN[o.vaardigheden]}."
    )


def _heeft_conclusie(o: Onderbouwing | None) -> bool:
    return (
        o is not None and o.taxatie_datum is not None
        and o.veiligheid in VEILIGHEID_IN_WOORDEN and o.vaardigheden in VAARDIGHEDEN_IN_WOORDEN
    )


def _toekenning(dossier: Dossier, noemt_voorziening: bool) -> list[str]:
    """The taxatie's conclusion and the rule; where the decision differs from the decision table, that
    the professional chose what fits better (R18, 'professionele eigenzinnigheid')."""
    o = dossier.onderbouwing
    keuze = _keuze(dossier.perceel, dossier.pakket)
    if not _heeft_conclusie(o):
        return [
            "Wij hebben samen met u onderzocht hoe veilig de situatie thuis is en wat u en uw gezin zelf kunnen. "
            + _REGEL_R18,
            f"Op grond van dat onderzoek kennen wij {keuze if noemt_voorziening else 'de ondersteuning in deze brief'}"
            " toe.",
        ]
    alineas = [_conclusie(o, opnieuw=False), _REGEL_R18]
    if o.voorstel_advies == "basishulp":
        richting, voorstel = 1, "hulp van het wijkteam zelf, zonder Huiselijk Geweldarrangement"
    elif o.voorstel_pakket:
        richting = _richting((o.voorstel_perceel or dossier.perceel, o.voorstel_pakket),
                             (dossier.perceel, dossier.pakket))
        voorstel = _keuze(o.voorstel_perceel or dossier.perceel, o.voorstel_pakket)
    else:
        richting, voorstel = None, ""
    if richting == 0:
        alineas.append(
            f"Bij deze uitkomst hoort volgens de beslistabel van de gemeente {keuze}. Die ondersteuning kennen wij toe."
            if noemt_voorziening
            else "Bij deze uitkomst hoort volgens de beslistabel van de gemeente de ondersteuning in deze brief."
        )
    elif not voorstel:
        alineas.append(
            "De beslistabel van de gemeente geeft bij deze uitkomst geen vast pakket. Onze deskundige heeft gekozen "
            f"voor {keuze if noemt_voorziening else 'de ondersteuning in deze brief'}, omdat die het beste past bij "
            "uw situatie."
        )
    else:
        zelfde_perceel = o.voorstel_advies != "basishulp" and (o.voorstel_perceel or dossier.perceel) == dossier.perceel
        alineas.append(_afwijking_van_tabel(dossier, richting, voorstel, keuze, noemt_voorziening, zelfde_perceel))
    return alineas


def _afwijking_van_tabel(dossier: Dossier, richting: int | None, voorstel: str, keuze: str,
                         noemt_voorziening: bool, zelfde_perceel: bool) -> str:
    if dossier.pakket == "vrij":
        verschil, waarom = "een budget op maat", "omdat de vaste pakketten niet goed passen bij uw gezin"
    elif richting is None:
        verschil, waarom = "een vast pakket", "omdat dat beter past bij uw situatie"
    else:
        zwaar = "zwaarder" if richting > 0 else "lichter"
        verschil = f"een {zwaar} pakket" if zelfde_perceel else f"{zwaar}e ondersteuning"
        waarom = "omdat dat beter past bij uw situatie"
    if noemt_voorziening:
        return (
            f"Volgens de beslistabel van de gemeente hoort bij deze uitkomst {voorstel}. Onze deskundige heeft "
            f"gekozen voor {keuze}: {verschil}, {waarom}. Die ruimte heeft een deskundige altijd."
        )
    if richting not in (1, -1):
        verschil = "een andere invulling"
    return (
        f"Onze deskundige heeft gekozen voor {verschil} dan de beslistabel van de gemeente bij deze uitkomst "
        f"aangeeft, {waarom}. Die ruimte heeft een deskundige altijd."
    )


def past_bij_richting(veiligheid: str, richting: int, vaardigheden: str = "") -> bool:
    """Whether a safety judgement can carry a change in this direction (R18: the less safe, the heavier;
    skills can mitigate or aggravate). Lighter support never follows from direct danger, nor from repeated
    violence unless the skills are sufficient; heavier support does not follow from a stable situation
    unless the skills are lacking. An evaluation has no skills judgement (``vaardigheden`` empty)."""
    if richting < 0:
        return veiligheid != "acuut_onveilig" and (veiligheid != "structureel_onveilig" or vaardigheden == "voldoende")
    if richting > 0:
        return veiligheid != "stabiel_kwetsbaar" or vaardigheden in ("beperkt", "ontbrekend")
    return True


def _neutraal_aangepast(vanaf: str) -> str:
    return f"Na overleg met u en de betrokken hulpverleners is besloten de ondersteuning vanaf {vanaf} aan te passen."


def _wijziging(dossier: Dossier, noemt_voorziening: bool, nieuw, oud) -> list[str]:
    """Why the support changes from the date: the new taxatie of the version, or else the evaluation
    that preceded it, and in which direction the pakket moved (R13, R20). A judgement that contradicts
    the direction (direct danger, yet lighter support) is not repeated: the letter then says neutrally
    that the support is adjusted after consultation, instead of a reasoning that argues against itself."""
    o = dossier.onderbouwing
    vanaf = lange_datum(dossier.ingangsdatum)
    oordeel: tuple[str, str] | None = None  # (veiligheid, vaardigheden) the first paragraph states
    if _heeft_conclusie(o) and o.eigen_taxatie:
        alineas = [_conclusie(o, opnieuw=True)]
        oordeel = (o.veiligheid, o.vaardigheden)
    elif o is not None and o.evaluatie_datum is not None and o.evaluatie_veiligheid in VEILIGHEID_IN_WOORDEN:
        alineas = [
            f"Bij de evaluatie van {lange_datum(o.evaluatie_datum)} hebben wij met u besproken hoe het gaat. Onze "
            f"conclusie over de veiligheid: {VEILIGHEID_IN_WOORDEN[o.evaluatie_veiligheid]}."
        ]
        oordeel = (o.evaluatie_veiligheid, "")
    else:
        alineas = ["Wij hebben met u besproken hoe het gaat en opnieuw bekeken welke ondersteuning past."]
    if not nieuw:
        if oordeel is not None and not past_bij_richting(oordeel[0], -1, oordeel[1]):
            return [_neutraal_aangepast(vanaf), "Voor u stopt de ondersteuning binnen dit arrangement."]
        alineas.append(f"Daarom verandert de ondersteuning vanaf {vanaf}. Voor u stopt de ondersteuning binnen dit "
                       "arrangement.")
        return alineas
    if noemt_voorziening:
        richting = _richting((dossier.vorige_perceel, dossier.vorige_pakket), (dossier.perceel, dossier.pakket))
        if richting is None or richting == 0:
            oud_bedrag = sum((r.bedrag_per_week for r in dossier.vorige_regels), Decimal("0"))
            nieuw_bedrag = sum((r.bedrag_per_week for r in dossier.regels), Decimal("0"))
            richting = (nieuw_bedrag > oud_bedrag) - (nieuw_bedrag < oud_bedrag) if dossier.vorige_regels else 0
        keuze = _keuze(dossier.perceel, dossier.pakket)
    else:
        # Only the own products are in this letter: compare those.
        oud_bedrag = sum((r.bedrag_per_week for r in oud), Decimal("0"))
        nieuw_bedrag = sum((r.bedrag_per_week for r in nieuw), Decimal("0"))
        richting = (nieuw_bedrag > oud_bedrag) - (nieuw_bedrag < oud_bedrag)
        keuze = ""
    woorden = {1: "zwaarder", -1: "lichter", 0: "anders ingericht"}[richting]
    if oordeel is not None and not past_bij_richting(oordeel[0], richting, oordeel[1]):
        return [_neutraal_aangepast(vanaf),
                f"De ondersteuning wordt {woorden}" + (f": {keuze}." if keuze else ".")]
    alineas.append(_REGEL_R18)
    alineas.append(f"Daarom wordt de ondersteuning vanaf {vanaf} {woorden}" + (f": {keuze}." if keuze else "."))
    return alineas


def _beeindiging(dossier: Dossier) -> list[str]:
    """The date, the sentence of the ending's category (Awb 3:46), and who explains it. The casusregisseur's
    free text stays out: it can hold the case story. Without a category (ended before categories
    existed) the sentence is neutral."""
    categorie = dossier.onderbouwing.beeindigingsreden if dossier.onderbouwing is not None else ""
    return [
        f"Wij beëindigen de ondersteuning binnen het Huiselijk Geweldarrangement. De laatste dag is "
        f"{lange_datum(dossier.einddatum)}.",
        beeindigingsreden_in_de_brief(categorie),
        "Wilt u meer weten over dit besluit? Uw contactpersoon van het wijkteam legt het u graag uit.",
    ]


def motivering(dossier: Dossier, soort: Soort, wet: Wet, *, nieuw=(), oud=(),
               noemt_voorziening: bool = True) -> tuple[str, ...]:
    """The motivation in words a client understands (Awb 3:46), true to the decision of this letter and
    without the case narrative. ``noemt_voorziening`` False: no perceel or facility wording (privacy)."""
    if soort == Soort.BEEINDIGING:
        return tuple(_beeindiging(dossier))
    if soort == Soort.WIJZIGING:
        alineas = _wijziging(dossier, noemt_voorziening, nieuw, oud)
    else:
        alineas = _toekenning(dossier, noemt_voorziening)
    if wet == Wet.JEUGDWET:
        alineas.append(
            "De jeugdhulp is bedoeld voor alle kinderen in het gezin samen. Het budget staat administratief "
            "op naam van het jongste kind; zo krijgen de kinderen samen één budget en niet ieder een eigen budget."
        )
    else:
        alineas.append(
            "De ondersteuning is bedoeld voor iedere volwassene die meedoet aan het arrangement; daarom "
            "krijgt u een eigen beschikking."
        )
    alineas.append(_UREN_R17)
    return tuple(alineas)
