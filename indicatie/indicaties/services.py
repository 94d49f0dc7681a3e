"""Write path of the indication lifecycle (issue 5). Every business action is one function with
keyword-only arguments in one transaction; nothing is saved half.

Errors for the user:
- ``Ongeldig``: bad input, with a Dutch message per field (``"__all__"`` for the form as a whole);
- ``Conflict``: someone else changed the indication in the meantime (optimistic locking, §7);
- ``PermissionDenied``: a role that may not do this at all.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from hgarr.accounts.roles import CASUS_ROLLEN, Rol
from hgarr.bestanden import atomic_met_bestanden
from hgarr.datums import lange_datum
from tarieven.selectors import productnaam, productnamen

from . import begroting as begroting_adapter
from .beeindiging import Beeindigingsreden
from .casus import lid_snapshot
from .models import (
    OPEN_STATUSSEN,
    Aanbieder,
    Afwijzing,
    Evaluatie,
    Indicatie,
    Indicatieversie,
    Pakket,
    Perceel,
    Soort,
    VersieStatus,
)
from .selectors import blokkerende_indicatie, toegestaan_maatwerk
from .signals import versie_afgewezen, versie_vastgesteld

SCHRIJF_ROLLEN = (Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR)


class IndicatieFout(Exception):
    pass


class Ongeldig(IndicatieFout):
    """Bad input. ``fouten`` maps a form field name (or ``"__all__"``) to one Dutch message."""

    def __init__(self, fouten: dict[str, str] | str):
        self.fouten = {"__all__": fouten} if isinstance(fouten, str) else dict(fouten)
        super().__init__(" ".join(self.fouten.values()))


class Conflict(IndicatieFout):
    """Someone else changed the indication since the form was shown (optimistic locking)."""


class AlEenArrangement(Ongeldig):
    """The household already has a running or pending HG-arrangement; ``indicatie`` is that one, so a
    screen can link to it."""

    def __init__(self, indicatie: Indicatie, melding: str):
        self.indicatie = indicatie
        super().__init__(melding)


@dataclass
class Deelnemer:
    gezinslid: object  # indicatie.huishoudens.models.Gezinslid
    doet_mee: bool = True
    verblijft_in_voorziening: bool = False


@dataclass
class VersieGegevens:
    """What a user enters for a version (toekenning, wijziging or verlenging)."""

    perceel: str
    pakket: str
    aanbieder: Aanbieder | None
    ingangsdatum: date
    einddatum: date | None
    motivering: str
    deelnemers: list[Deelnemer]
    taxatie: object | None = None  # indicatie.taxaties.models.Taxatie
    maatwerk: list[dict] = field(default_factory=list)  # [{"product", "trede", "ref"}]
    vrije_trede: dict | None = None  # {"wmo_per_week", "jeugd_per_week", "motivering"}
    bestaande_wmo_verblijf: bool = False


# --------------------------------------------------------------------------- helpers


def standaard_einddatum(ingangsdatum: date) -> date:
    """R13: guideline one year; the default end is one year after the start, minus one day."""
    return plus_maanden(ingangsdatum, 12) - timedelta(days=1)


def plus_maanden(d: date, maanden: int) -> date:
    maand = d.month - 1 + maanden
    jaar = d.year + maand // 12
    maand = maand % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def evaluatie_interval_maanden() -> int:
    """R20: the default cadence of evaluations is configuration (HGARR_EVALUATIE_INTERVAL_MAANDEN)."""
    return int(getattr(settings, "HGARR_EVALUATIE_INTERVAL_MAANDEN", 3))


def _vereis_rol(user, *rollen) -> None:
    if not user.heeft_rol(*rollen):
        raise PermissionDenied("U heeft geen rol die dit mag.")


def _vereis_team(user, huishouden) -> None:
    # Views reach an indication only through the household selectors; this guards direct calls.
    if not user.team_id or user.team_id != huishouden.team_id:
        raise PermissionDenied("Dit huishouden hoort niet bij uw team.")


def _vergrendel(indicatie_id: int, revisie: int | None) -> Indicatie:
    """Locks the indication row for this transaction and checks the revision the user saw.

    On PostgreSQL a second transaction waits here until the first commits, then sees the raised
    revision and gets a Conflict. ``revisie=None`` skips the check (batch jobs, demo data)."""
    indicatie = (
        Indicatie.objects.select_for_update(of=("self",))
        .select_related("huishouden", "gewijzigd_door")
        .get(pk=indicatie_id)
    )
    if revisie is not None and indicatie.revisie != int(revisie):
        raise Conflict(conflict_melding(indicatie))
    return indicatie


def conflict_melding(indicatie: Indicatie) -> str:
    wie = indicatie.gewijzigd_door.get_full_name() if indicatie.gewijzigd_door else "iemand anders"
    wanneer = timezone.localtime(indicatie.gewijzigd_op).strftime("%H:%M")
    return (
        f"Deze indicatie is intussen gewijzigd door {wie} (om {wanneer}). Uw invoer is niet opgeslagen "
        "maar staat nog in het formulier: bekijk de actuele stand en probeer het zo nodig opnieuw."
    )


def _raak_aan(indicatie: Indicatie, door, *velden: str) -> None:
    """Raises the revision and records who changed it; ``velden`` are saved in the same write, so the
    change history gets one row for the whole change."""
    indicatie.revisie += 1
    indicatie.gewijzigd_op = timezone.now()
    indicatie.gewijzigd_door = door
    indicatie.save(update_fields=["revisie", "gewijzigd_op", "gewijzigd_door", *velden])


def _volgend_nummer(indicatie: Indicatie) -> int:
    return (indicatie.versies.aggregate(m=Max("nummer"))["m"] or 0) + 1


def laatste_vastgestelde_versie(indicatie: Indicatie) -> Indicatieversie | None:
    """The latest decided version in the chain (with a period of its own): the one op-/afschalen, ending
    and extending build on. Not necessarily the one that applies today: an extension decided in advance
    is the latest but starts later (``selectors.geldende_versie`` gives the one for today)."""
    return (
        indicatie.versies.filter(status=VersieStatus.VASTGESTELD, geldig_vanaf__isnull=False)
        .order_by("-geldig_vanaf", "-nummer")
        .first()
    )


def al_een_arrangement_melding(indicatie: Indicatie, *, overlap: bool = False) -> str:
    """One household, one HG-arrangement at a time: a second indication beside a running one gave the
    same people two budgets, two sets of letters and two sets of messages to the provider."""
    if overlap:
        wat = f"De periode overlapt met indicatie {indicatie.pk} van dit huishouden"
    elif indicatie.is_vastgesteld and not indicatie.versies.filter(status__in=OPEN_STATUSSEN).exists():
        tot = f" (t/m {lange_datum(indicatie.einddatum)})" if indicatie.einddatum else ""
        wat = f"Dit huishouden heeft al een lopende indicatie: indicatie {indicatie.pk}{tot}"
    else:
        wat = f"Dit huishouden heeft al een indicatie in behandeling: indicatie {indicatie.pk}"
    return (
        f"{wat}. Een huishouden heeft één HG-arrangement tegelijk. Gebruik bij die indicatie op-/afschalen "
        "of verlengen; een nieuwe indicatie kan pas als die is afgelopen of beëindigd."
    )


def _vergrendel_huishouden(huishouden_id: int) -> None:
    """Serialises the actions that decide whether a household has one arrangement (creating an
    indication, deciding a period): on PostgreSQL a second one waits here until the first commits."""
    from indicatie.huishoudens.models import Huishouden

    Huishouden.objects.select_for_update().filter(pk=huishouden_id).values_list("pk", flat=True).first()


def _geen_ander_arrangement(huishouden_id: int, *, behalve: int | None = None) -> None:
    ander = blokkerende_indicatie(huishouden_id, behalve=behalve)
    if ander is not None:
        raise AlEenArrangement(ander, al_een_arrangement_melding(ander))


def _geen_open_versie(indicatie: Indicatie) -> None:
    open_ = indicatie.versies.filter(status__in=OPEN_STATUSSEN).first()
    if open_:
        raise Ongeldig(
            f"Versie {open_.nummer} van deze indicatie is nog in behandeling ({open_.get_status_display().lower()}). "
            "Rond die eerst af of trek hem in."
        )


# --------------------------------------------------------------------------- validation


def _valideer_inhoud(huishouden, g: VersieGegevens, *, periode_vast: bool = False) -> dict[str, str]:
    """Issue 5 §9: Dutch messages at the fields. Returns {} when the input is acceptable."""
    fouten: dict[str, str] = {}
    if g.perceel not in Perceel.values:
        fouten["perceel"] = "Kies een perceel: extramuraal, semimuraal of intramuraal."
    if g.pakket not in Pakket.values:
        fouten["pakket"] = "Kies Pakket 1, 2, 3 of een vrije trede."
    elif melding := pakket_fout(g.perceel, g.pakket):
        fouten["pakket"] = melding
    if g.aanbieder is None:
        fouten["aanbieder"] = "Kies een aanbieder."
    elif not g.aanbieder.actief:
        fouten["aanbieder"] = f"{g.aanbieder.naam} is geen actieve aanbieder meer."
    elif g.perceel in Perceel.values and not g.aanbieder.is_gecontracteerd_voor(g.perceel):
        fouten["aanbieder"] = (
            f"{g.aanbieder.naam} is niet gecontracteerd voor perceel {Perceel(g.perceel).label.lower()}. "
            "Kies een aanbieder die dat wel is."
        )
    if g.ingangsdatum is None:
        fouten["ingangsdatum"] = "Vul de ingangsdatum in."
    elif g.ingangsdatum < huishouden.registratiedatum:
        fouten["ingangsdatum"] = (
            "De ingangsdatum ligt vóór de registratiedatum van het huishouden "
            f"({lange_datum(huishouden.registratiedatum)})."
        )
    if g.einddatum is None:
        if not periode_vast:
            fouten["einddatum"] = "Vul de einddatum in."
    elif melding := einddatum_fout(g.ingangsdatum, g.einddatum):
        fouten["einddatum"] = melding
    if not (g.motivering or "").strip():
        fouten["motivering"] = "Vul de motivering in: waarom deze indicatie (of wijziging)?"
    if g.taxatie is not None and g.taxatie.huishouden_id != huishouden.pk:
        fouten["taxatie"] = "Deze taxatie hoort niet bij dit huishouden."
    leden_ids = {lid.pk for lid in huishouden.leden.all()}
    if any(d.gezinslid.pk not in leden_ids for d in g.deelnemers):
        fouten["__all__"] = "Een gekozen gezinslid hoort niet bij dit huishouden."
    elif not any(d.doet_mee for d in g.deelnemers):
        fouten["deelnemers"] = "Kies minstens één gezinslid dat meedoet."
    if g.perceel in Perceel.values and g.maatwerk:
        toegestaan = toegestaan_maatwerk(g.ingangsdatum or timezone.localdate())
        namen = productnamen(g.ingangsdatum)
        for m in g.maatwerk:
            if melding := maatwerk_fout(g.perceel, m["product"], toegestaan, namen):
                fouten[maatwerk_sleutel(m["ref"], m["product"])] = melding
    if g.pakket == Pakket.VRIJ and not (g.vrije_trede or {}).get("motivering", "").strip():
        fouten["vrije_trede_motivering"] = "Een vrije trede vraagt een motivering."
    return fouten


def pakket_fout(perceel: str | None, pakket: str | None) -> str | None:
    """R3: semi-/intramuraal only Pakket 2 or 3; a vrije trede only extramurally. Also used by the form,
    so these show up in the same round as a missing field."""
    if perceel in (Perceel.SEMIMURAAL, Perceel.INTRAMURAAL) and pakket == Pakket.PAKKET_1:
        return "Semi- en intramuraal kennen alleen Pakket 2 of 3."
    if pakket == Pakket.VRIJ and perceel in Perceel.values and perceel != Perceel.EXTRAMURAAL:
        return "Een vrije trede kan alleen bij extramurale ondersteuning."
    return None


BIJVOEGLIJK = {Perceel.EXTRAMURAAL: "extramurale", Perceel.SEMIMURAAL: "semimurale", Perceel.INTRAMURAAL: "intramurale"}


def maatwerk_sleutel(ref: str, product: str) -> str:
    """The key of a maatwerk message in ``Ongeldig.fouten``; the form puts it at that member's field."""
    return f"maatwerk.{ref}.{product}"


def maatwerk_fout(perceel: str, product: str, toegestaan: dict[str, list[str]], namen: dict[str, str]) -> str | None:
    """R7: a maatwerk product the perceel does not allow, in words (product names, not codes). Also used
    by the form, so the message sits at the field in the same round as a missing field."""
    if perceel not in toegestaan or product in toegestaan[perceel]:
        return None
    waar = [BIJVOEGLIJK[p] for p in Perceel.values if product in toegestaan.get(p, [])]
    alleen = f" Dat kan alleen bij {' en '.join(waar)} ondersteuning." if waar else ""
    return (
        f"{productnaam(product, namen)} past niet bij {BIJVOEGLIJK[perceel]} ondersteuning.{alleen} "
        "Kies ‘Geen’ of een ander perceel."
    )


def einddatum_fout(ingangsdatum: date | None, einddatum: date | None) -> str | None:
    if ingangsdatum and einddatum and einddatum < ingangsdatum:
        return "De einddatum ligt vóór de ingangsdatum."
    return None


KORTE_PERIODE_MAANDEN = 6


def korte_periode_melding(ingangsdatum: date | None, einddatum: date | None) -> str | None:
    """A hint, not a block: a first period or extension much shorter than the guideline of a year (R13)."""
    if not ingangsdatum or not einddatum or einddatum < ingangsdatum:
        return None
    if einddatum >= plus_maanden(ingangsdatum, KORTE_PERIODE_MAANDEN) - timedelta(days=1):
        return None
    dagen = (einddatum - ingangsdatum).days + 1
    return (
        f"Let op: deze periode duurt {dagen} dagen, korter dan zes maanden, terwijl de richtlijn een jaar is; "
        "controleer of de einddatum klopt."
    )


def evaluatiedatum_fout(indicatie: Indicatie, datum: date | None) -> str | None:
    if datum is None:
        return None
    if datum > timezone.localdate():
        return "De evaluatiedatum ligt in de toekomst."
    if indicatie.ingangsdatum and datum < indicatie.ingangsdatum:
        return f"De evaluatiedatum ligt vóór de start van de indicatie ({lange_datum(indicatie.ingangsdatum)})."
    return None


def _vul(versie: Indicatieversie, huishouden, g: VersieGegevens) -> None:
    versie.perceel = g.perceel
    versie.pakket = g.pakket
    versie.aanbieder = g.aanbieder
    versie.ingangsdatum = g.ingangsdatum
    versie.einddatum = g.einddatum
    versie.gemeente = huishouden.gemeente
    versie.motivering = g.motivering.strip()
    versie.taxatie = g.taxatie
    versie.leden = [
        lid_snapshot(
            d.gezinslid,
            doet_mee=d.doet_mee,
            verblijft_in_voorziening=d.verblijft_in_voorziening and g.perceel != Perceel.EXTRAMURAAL,
        )
        for d in g.deelnemers
    ]
    versie.maatwerk = [{"product": m["product"], "trede": int(m["trede"]), "ref": m["ref"]} for m in (g.maatwerk or [])]
    versie.vrije_trede = dict(g.vrije_trede) if g.pakket == Pakket.VRIJ and g.vrije_trede else None
    versie.bestaande_wmo_verblijf = bool(g.bestaande_wmo_verblijf)


def _bereken(versie: Indicatieversie, huishouden=None) -> None:
    """Runs the tariff engine and stores the begroting as computed, with its parameter set."""
    huishouden = huishouden or versie.indicatie.huishouden
    namen = {f"lid-{lid.pk}": lid.volledige_naam for lid in huishouden.leden.all()}
    try:
        uitkomst = begroting_adapter.bereken(versie, namen)
    except begroting_adapter.Berekeningsfout as fout:
        if fout.veld:
            raise Ongeldig({fout.veld: str(fout)}) from None
        raise Ongeldig({"__all__": f"De begroting kan niet worden berekend: {fout}"}) from None
    versie.begroting = uitkomst.begroting
    versie.parameterset_id = uitkomst.parameterset_id
    versie.begroting_berekend_op = timezone.now()


def _wijzigingsdatum_fout(basis: Indicatieversie, datum: date | None) -> str | None:
    if datum is not None and not (basis.geldig_vanaf < datum <= basis.geldig_tot):
        return (
            f"De wijzigingsdatum moet binnen de lopende periode liggen: ná {lange_datum(basis.geldig_vanaf)} "
            f"en uiterlijk {lange_datum(basis.geldig_tot)}."
        )
    return None


def _controleer_wijzigingsdatum(basis: Indicatieversie, datum: date) -> None:
    melding = _wijzigingsdatum_fout(basis, datum)
    if melding:
        raise Ongeldig({"ingangsdatum": melding})


def _valideer_wijziging(huishouden, basis: Indicatieversie, g: VersieGegevens) -> None:
    """Op-/afschalen: the end is the running version's; the date must fall within its period."""
    g.einddatum = basis.geldig_tot
    fouten = _valideer_inhoud(huishouden, g)
    melding = _wijzigingsdatum_fout(basis, g.ingangsdatum)
    if melding:
        fouten.pop("einddatum", None)
        fouten["ingangsdatum"] = melding
    if fouten:
        raise Ongeldig(fouten)


def beeindigingsdatum_fout(basis: Indicatieversie | None, datum: date | None) -> str | None:
    """The last day of an early ending lies in the running version's period, before its end: from its
    first day up to the day before its current end (ending on the end itself would change nothing)."""
    if basis is None or basis.geldig_vanaf is None or datum is None:
        return None
    laatste = lange_datum(basis.geldig_tot - timedelta(days=1))
    periode = f"kies een dag van {lange_datum(basis.geldig_vanaf)} tot en met {laatste}"
    if datum < basis.geldig_vanaf:
        return f"De laatste dag ligt vóór het begin van de lopende versie {basis.nummer}: {periode}."
    if datum >= basis.geldig_tot:
        return (
            f"De laatste dag moet vóór de huidige einddatum ({lange_datum(basis.geldig_tot)}) liggen; op die dag "
            f"stopt de ondersteuning al. Voor een vervroegde beëindiging: {periode}."
        )
    return None


# --------------------------------------------------------------------------- concept versions


@transaction.atomic
def maak_indicatie(*, huishouden, door, gegevens: VersieGegevens) -> Indicatieversie:
    """A new indication with version 1 (toekenning) as concept. The indicatiesteller writes it."""
    _vereis_rol(door, Rol.INDICATIESTELLER)
    _vereis_team(door, huishouden)
    _vergrendel_huishouden(huishouden.pk)
    _geen_ander_arrangement(huishouden.pk)
    fouten = _valideer_inhoud(huishouden, gegevens)
    if fouten:
        raise Ongeldig(fouten)
    versie = Indicatieversie(nummer=1, soort=Soort.TOEKENNING, status=VersieStatus.CONCEPT, auteur=door)
    _vul(versie, huishouden, gegevens)
    _bereken(versie, huishouden)
    indicatie = Indicatie.objects.create(huishouden=huishouden, aangemaakt_door=door, gewijzigd_door=door, revisie=1)
    versie.indicatie = indicatie
    versie.save()
    return versie


@transaction.atomic
def wijzig_concept(*, versie_id: int, door, gegevens: VersieGegevens, revisie: int | None) -> Indicatieversie:
    """Edit a concept. Whoever changes it may not decide it later (four eyes)."""
    _vereis_rol(door, *SCHRIJF_ROLLEN)
    indicatie = _vergrendel(Indicatieversie.objects.values_list("indicatie_id", flat=True).get(pk=versie_id), revisie)
    _vereis_team(door, indicatie.huishouden)
    versie = Indicatieversie.objects.select_for_update().get(pk=versie_id)
    if versie.status != VersieStatus.CONCEPT:
        raise Ongeldig(
            f"Alleen een concept kan worden gewijzigd; deze versie is {versie.get_status_display().lower()}."
        )
    if versie.soort == Soort.BEEINDIGING:
        raise Ongeldig("Een beëindiging wijzigt u door haar in te trekken en opnieuw te beginnen.")
    basis = versie.vorige_versie
    if versie.soort == Soort.WIJZIGING:
        _valideer_wijziging(indicatie.huishouden, basis, gegevens)
    else:
        fouten = _valideer_inhoud(indicatie.huishouden, gegevens)
        if fouten:
            raise Ongeldig(fouten)
    if versie.soort == Soort.VERLENGING:
        _controleer_verlenging(basis, gegevens)
    _vul(versie, indicatie.huishouden, gegevens)
    _bereken(versie)
    versie.gewijzigd_op = timezone.now()
    versie.save()
    if door.pk != versie.auteur_id:
        versie.bewerkers.add(door)
    _raak_aan(indicatie, door)
    return versie


@transaction.atomic
def dien_in(*, versie_id: int, door, revisie: int | None) -> Indicatieversie:
    """Concept -> ter beoordeling (the indicatiesteller or casusregisseur submits)."""
    _vereis_rol(door, *SCHRIJF_ROLLEN)
    indicatie = _vergrendel(Indicatieversie.objects.values_list("indicatie_id", flat=True).get(pk=versie_id), revisie)
    _vereis_team(door, indicatie.huishouden)
    versie = Indicatieversie.objects.select_for_update().get(pk=versie_id)
    if versie.status != VersieStatus.CONCEPT:
        raise Ongeldig(f"Deze versie is al {versie.get_status_display().lower()}.")
    if versie.begroting is None:
        raise Ongeldig("Deze versie heeft nog geen begroting; sla het concept eerst op.")
    versie.status = VersieStatus.TER_BEOORDELING
    versie.ingediend_door = door
    versie.ingediend_op = timezone.now()
    versie.gewijzigd_op = versie.ingediend_op
    versie.save()
    _raak_aan(indicatie, door)
    return versie


@transaction.atomic
def trek_in(*, versie_id: int, door, revisie: int | None) -> Indicatieversie:
    """A concept or submitted version is withdrawn (kept, for the audit trail)."""
    _vereis_rol(door, *SCHRIJF_ROLLEN)
    indicatie = _vergrendel(Indicatieversie.objects.values_list("indicatie_id", flat=True).get(pk=versie_id), revisie)
    _vereis_team(door, indicatie.huishouden)
    versie = Indicatieversie.objects.select_for_update().get(pk=versie_id)
    if versie.status not in OPEN_STATUSSEN:
        raise Ongeldig(f"Deze versie is {versie.get_status_display().lower()} en kan niet meer worden ingetrokken.")
    versie.status = VersieStatus.INGETROKKEN
    versie.gewijzigd_op = timezone.now()
    versie.save()
    _raak_aan(indicatie, door)
    return versie


@transaction.atomic
def herzie(*, versie_id: int, door, revisie: int | None) -> Indicatieversie:
    """A new concept with the content of a rejected or withdrawn version, to correct and resubmit."""
    _vereis_rol(door, *SCHRIJF_ROLLEN)
    indicatie_id = Indicatieversie.objects.values_list("indicatie_id", flat=True).get(pk=versie_id)
    _vergrendel_huishouden(Indicatie.objects.values_list("huishouden_id", flat=True).get(pk=indicatie_id))
    indicatie = _vergrendel(indicatie_id, revisie)
    _vereis_team(door, indicatie.huishouden)
    bron = Indicatieversie.objects.get(pk=versie_id)
    if bron.status not in (VersieStatus.AFGEWEZEN, VersieStatus.INGETROKKEN):
        raise Ongeldig("Alleen een teruggestuurde of ingetrokken versie kan opnieuw worden opgesteld.")
    if bron.is_aanvraag_afgewezen:
        # The citizen has a refusal letter for it: re-proposing the same version would contradict it.
        raise Ongeldig(
            "Deze aanvraag is formeel afgewezen; de aanvrager heeft daarover een brief gekregen. "
            "Een nieuwe aanvraag begint als nieuwe indicatie of verlenging."
        )
    _geen_open_versie(indicatie)
    if bron.vorige_versie_id and laatste_vastgestelde_versie(indicatie) != bron.vorige_versie:
        raise Ongeldig("De indicatie is sindsdien veranderd; begin vanaf de huidige versie opnieuw.")
    if bron.soort == Soort.TOEKENNING and laatste_vastgestelde_versie(indicatie):
        raise Ongeldig("Deze indicatie is al vastgesteld.")
    if bron.soort == Soort.TOEKENNING:
        _geen_ander_arrangement(indicatie.huishouden_id, behalve=indicatie.pk)
    nieuw = _kopie(bron, nummer=_volgend_nummer(indicatie), soort=bron.soort, auteur=door)
    nieuw.vorige_versie = bron.vorige_versie
    nieuw.motivering = bron.motivering
    nieuw.beeindigingsreden = bron.beeindigingsreden
    nieuw.reden_beeindiging = bron.reden_beeindiging
    nieuw.ingangsdatum, nieuw.einddatum = bron.ingangsdatum, bron.einddatum
    _bereken(nieuw)
    nieuw.save()
    _raak_aan(indicatie, door)
    return nieuw


def _kopie(bron: Indicatieversie, *, nummer: int, soort: str, auteur) -> Indicatieversie:
    return Indicatieversie(
        indicatie=bron.indicatie,
        nummer=nummer,
        soort=soort,
        status=VersieStatus.CONCEPT,
        perceel=bron.perceel,
        pakket=bron.pakket,
        aanbieder=bron.aanbieder,
        ingangsdatum=bron.ingangsdatum,
        einddatum=bron.einddatum,
        gemeente=bron.gemeente,
        leden=bron.leden,
        maatwerk=bron.maatwerk,
        vrije_trede=bron.vrije_trede,
        bestaande_wmo_verblijf=bron.bestaande_wmo_verblijf,
        taxatie=bron.taxatie,
        motivering=bron.motivering,
        auteur=auteur,
    )


def bereken_voorbeeld(*, huishouden, gegevens: VersieGegevens, basis: Indicatieversie | None = None) -> Indicatieversie:
    """The begroting of what is being typed, for the live preview on the form: nothing is saved."""
    if basis is not None and gegevens.einddatum is None:
        gegevens.einddatum = basis.geldig_tot
    if gegevens.einddatum is None and gegevens.ingangsdatum:
        gegevens.einddatum = standaard_einddatum(gegevens.ingangsdatum)
    fouten = _valideer_inhoud(huishouden, gegevens)
    fouten.pop("motivering", None)  # not needed for a sum
    if fouten:
        raise Ongeldig(fouten)
    versie = Indicatieversie(nummer=0, status=VersieStatus.CONCEPT)
    _vul(versie, huishouden, gegevens)
    _bereken(versie, huishouden)
    return versie


# --------------------------------------------------------------------------- op-/afschalen, ending, extension


def _lopende_basis(indicatie: Indicatie) -> Indicatieversie:
    if indicatie.beeindigd:
        raise Ongeldig("Deze indicatie is beëindigd; begin zo nodig een nieuwe indicatie.")
    basis = laatste_vastgestelde_versie(indicatie)
    if basis is None:
        raise Ongeldig("Deze indicatie heeft nog geen vastgestelde versie.")
    return basis


def _op_lopende_versie(indicatie_id: int, door, revisie: int | None) -> tuple[Indicatie, Indicatieversie]:
    """The locked indication and its running version, for a new version on top of it: checks the role,
    the revision, the team, that no version is open and that there is a running one."""
    _vereis_rol(door, *SCHRIJF_ROLLEN)
    indicatie = _vergrendel(indicatie_id, revisie)
    _vereis_team(door, indicatie.huishouden)
    _geen_open_versie(indicatie)
    return indicatie, _lopende_basis(indicatie)


def _nieuw_concept(indicatie: Indicatie, basis: Indicatieversie, soort: str, door, g: VersieGegevens):
    """A concept version of ``soort`` on top of ``basis`` with the form's content, computed and saved."""
    versie = Indicatieversie(
        indicatie=indicatie,
        nummer=_volgend_nummer(indicatie),
        soort=soort,
        vorige_versie=basis,
        status=VersieStatus.CONCEPT,
        auteur=door,
    )
    _vul(versie, indicatie.huishouden, g)
    return _bewaar_concept(versie, indicatie, door)


def _bewaar_concept(versie: Indicatieversie, indicatie: Indicatie, door) -> Indicatieversie:
    _bereken(versie)
    versie.save()
    _raak_aan(indicatie, door)
    return versie


@transaction.atomic
def start_wijziging(*, indicatie_id: int, door, gegevens: VersieGegevens, revisie: int | None) -> Indicatieversie:
    """Op-/afschalen (R13): a new version from a date within the running period, to the same end.
    Once decided, the running version ends the day before."""
    indicatie, basis = _op_lopende_versie(indicatie_id, door, revisie)
    if gegevens.taxatie is None:
        gegevens.taxatie = basis.taxatie
    _valideer_wijziging(indicatie.huishouden, basis, gegevens)
    return _nieuw_concept(indicatie, basis, Soort.WIJZIGING, door, gegevens)


@transaction.atomic
def start_beeindiging(
    *, indicatie_id: int, door, laatste_dag: date, categorie: str, reden: str, revisie: int | None
) -> Indicatieversie:
    """Ending early: a version that shortens the running one to ``laatste_dag``. ``categorie`` (a
    ``Beeindigingsreden``) is what the letter states (Awb 3:46); ``reden`` is the internal note."""
    indicatie, basis = _op_lopende_versie(indicatie_id, door, revisie)
    fouten = {}
    if laatste_dag is None:
        fouten["einddatum"] = "Vul de laatste dag van de ondersteuning in."
    elif melding := beeindigingsdatum_fout(basis, laatste_dag):
        fouten["einddatum"] = melding
    if categorie not in Beeindigingsreden.values:
        fouten["categorie"] = "Kies de reden van de beëindiging; die staat in de brief."
    if not (reden or "").strip():
        fouten["reden"] = "Vul de interne toelichting bij de beëindiging in."
    if fouten:
        raise Ongeldig(fouten)
    versie = _kopie(basis, nummer=_volgend_nummer(indicatie), soort=Soort.BEEINDIGING, auteur=door)
    versie.vorige_versie = basis
    versie.ingangsdatum = basis.geldig_vanaf
    versie.einddatum = laatste_dag
    versie.motivering = reden.strip()
    versie.beeindigingsreden = categorie
    versie.reden_beeindiging = reden.strip()
    return _bewaar_concept(versie, indicatie, door)


def _controleer_verlenging(basis: Indicatieversie, g: VersieGegevens) -> None:
    fouten = {}
    if g.taxatie is None:
        fouten["taxatie"] = "Een verlenging (herindicatie) vraagt een nieuwe taxatie."
    elif basis.taxatie_id and (g.taxatie.pk == basis.taxatie_id or g.taxatie.datum < basis.taxatie.datum):
        fouten["taxatie"] = (
            "Kies een nieuwe taxatie: deze is niet recenter dan de taxatie van de lopende versie "
            f"({lange_datum(basis.taxatie.datum)}). Maak eerst een nieuwe taxatie."
        )
    if g.ingangsdatum and g.ingangsdatum <= basis.geldig_tot:
        fouten["ingangsdatum"] = f"Een verlenging begint na de huidige einddatum ({lange_datum(basis.geldig_tot)})."
    if fouten:
        raise Ongeldig(fouten)


@transaction.atomic
def start_verlenging(*, indicatie_id: int, door, gegevens: VersieGegevens, revisie: int | None) -> Indicatieversie:
    """Verlengen (herindicatie): a new period after the current end, resting on a new taxatie."""
    indicatie, basis = _op_lopende_versie(indicatie_id, door, revisie)
    fouten = _valideer_inhoud(indicatie.huishouden, gegevens)
    if fouten:
        raise Ongeldig(fouten)
    _controleer_verlenging(basis, gegevens)
    return _nieuw_concept(indicatie, basis, Soort.VERLENGING, door, gegevens)


# --------------------------------------------------------------------------- the decision (four eyes)


def betrokkenen(versie: Indicatieversie) -> set[int]:
    """Everyone who wrote, changed or submitted the version: none of them may decide it."""
    ids = {versie.auteur_id}
    if versie.ingediend_door_id:
        ids.add(versie.ingediend_door_id)
    ids.update(versie.bewerkers.values_list("pk", flat=True))
    return ids


def mag_beslissen(user, versie: Indicatieversie) -> bool:
    return (
        user.heeft_rol(Rol.BESLISSER)
        and versie.status == VersieStatus.TER_BEOORDELING
        and user.pk not in betrokkenen(versie)
    )


# A formal refusal answers the citizen's application: a first indication or an extension. Re-scaling
# and ending are the municipality's own steps; rejecting them only sends them back.
AANVRAGEN = frozenset({Soort.TOEKENNING, Soort.VERLENGING})


def beslis(
    *,
    versie_id: int,
    door,
    vaststellen: bool,
    reden: str = "",
    revisie: int | None,
    aanvraag_afwijzen: bool = False,
    reden_aanvrager: str = "",
) -> Indicatieversie:
    """Decide a submitted version in one transaction (issue 5 §3): vaststellen, send it back to its author
    (``vaststellen=False``: internal, ``reden`` is the remark for the author, no letter) or, with
    ``aanvraag_afwijzen``, refuse the citizen's application (``reden_aanvrager`` is written for the
    citizen and goes into the refusal letters; ``reden`` stays internal).

    A beslisser of the household's team who did not write, change or submit the version decides.
    Within the same transaction the running version's effective end moves, the tariff parameter set
    is locked, and ``versie_vastgesteld`` / ``versie_afgewezen`` are sent: a failing receiver rolls
    the whole decision back."""
    try:
        return _beslis(
            versie_id=versie_id,
            door=door,
            vaststellen=vaststellen,
            reden=reden,
            revisie=revisie,
            aanvraag_afwijzen=aanvraag_afwijzen and not vaststellen,
            reden_aanvrager=reden_aanvrager,
        )
    except IntegrityError as fout:
        # PostgreSQL's exclusion constraint caught an overlap the service could not see (a concurrent
        # decision that bypassed the lock): the whole transaction has been rolled back.
        if "overlappen" in str(fout) or "exclusion" in str(fout).lower():
            raise Conflict(
                "Deze versie overlapt in tijd met een andere vastgestelde versie die intussen is vastgesteld. "
                "Er is niets opgeslagen; bekijk de actuele stand."
            ) from None
        raise


# Letters written by a receiver are removed again when a later receiver fails (hgarr/bestanden.py).
@atomic_met_bestanden()
def _beslis(*, versie_id, door, vaststellen, reden, revisie, aanvraag_afwijzen, reden_aanvrager) -> Indicatieversie:
    _vereis_rol(door, Rol.BESLISSER)
    indicatie_id = Indicatieversie.objects.values_list("indicatie_id", flat=True).get(pk=versie_id)
    # The household first, then the indication: the same order as creating an indication.
    _vergrendel_huishouden(Indicatie.objects.values_list("huishouden_id", flat=True).get(pk=indicatie_id))
    indicatie = _vergrendel(indicatie_id, revisie)
    _vereis_team(door, indicatie.huishouden)
    versie = Indicatieversie.objects.select_for_update(of=("self",)).select_related("taxatie").get(pk=versie_id)
    if versie.status in (VersieStatus.VASTGESTELD, VersieStatus.AFGEWEZEN):
        raise Conflict(
            f"Over deze versie is intussen al besloten: {versie.get_status_display().lower()}"
            f"{' door ' + versie.beslisser.get_full_name() if versie.beslisser_id else ''}. Er is niets opgeslagen."
        )
    if versie.status != VersieStatus.TER_BEOORDELING:
        raise Ongeldig(f"Deze versie is {versie.get_status_display().lower()}, niet ter beoordeling ingediend.")
    if door.pk in betrokkenen(versie):
        raise Ongeldig(
            "Vier ogen: u heeft deze versie zelf opgesteld, gewijzigd of ingediend. "
            "Een andere beslisser moet besluiten."
        )
    nu = timezone.now()
    if not vaststellen:
        if aanvraag_afwijzen:
            if versie.soort not in AANVRAGEN:
                raise Ongeldig(
                    {
                        "besluit": f"Een {versie.get_soort_display().lower()} is geen aanvraag van de burger en "
                        "kan niet formeel worden afgewezen. Stuur haar terug naar de opsteller."
                    }
                )
            if not (reden_aanvrager or "").strip():
                raise Ongeldig(
                    {"reden_aanvrager": "Vul de reden van de afwijzing voor de aanvrager in; die staat in de brief."}
                )
        elif not (reden or "").strip():
            raise Ongeldig({"reden": "Vul in wat de indicatiesteller moet aanpassen."})
        versie.status = VersieStatus.AFGEWEZEN
        versie.afwijzing = Afwijzing.AANVRAAG_AFGEWEZEN if aanvraag_afwijzen else Afwijzing.TERUGGESTUURD
        versie.afwijzingsreden = (reden or "").strip()
        versie.afwijzingsreden_aanvrager = (reden_aanvrager or "").strip() if aanvraag_afwijzen else ""
        versie.beslisser = door
        versie.beslist_op = nu
        versie.gewijzigd_op = nu
        versie.save()
        _raak_aan(indicatie, door)
        versie_afgewezen.send(sender=Indicatieversie, versie=versie, door=door)
        return versie

    if versie.taxatie_id is None:
        raise Ongeldig(
            "Zonder taxatie kan deze versie niet worden vastgesteld. Wijs hem af met die reden, "
            "zodat de indicatiesteller eerst een taxatie maakt en koppelt."
        )
    if versie.begroting is None:
        raise Ongeldig("Deze versie heeft geen begroting en kan niet worden vastgesteld.")

    vorige = (
        Indicatieversie.objects.select_for_update().get(pk=versie.vorige_versie_id) if versie.vorige_versie_id else None
    )
    vanaf, tot, vorige_tot = _perioden(versie, vorige, indicatie)
    _controleer_overlap(indicatie, versie, vanaf, tot, vorige, vorige_tot)
    _controleer_overlap_huishouden(indicatie, vanaf, tot)

    if vorige is not None and vorige_tot is not None and vorige_tot != vorige.geldig_tot:
        # Only the effective end of the earlier version moves; what was decided stays as it was.
        Indicatieversie.objects.filter(pk=vorige.pk).update(geldig_tot=vorige_tot)
    versie.status = VersieStatus.VASTGESTELD
    versie.geldig_vanaf, versie.geldig_tot = vanaf, tot
    versie.beslisser = door
    versie.beslist_op = nu
    versie.gewijzigd_op = nu
    versie.save()
    begroting_adapter.vergrendel_parameterset(
        versie.parameterset_id, (versie.begroting or {}).get("catalogus_versie_id")
    )
    werk_indicatie_bij(indicatie)
    _raak_aan(indicatie, door)
    versie_vastgesteld.send(sender=Indicatieversie, versie=versie, vorige_versie=vorige, soort=versie.soort, door=door)
    return versie


def _perioden(versie, vorige, indicatie) -> tuple[date | None, date | None, date | None]:
    """(geldig_vanaf, geldig_tot) of the version being decided and the new effective end of the
    version it builds on."""
    if versie.soort == Soort.TOEKENNING:
        if laatste_vastgestelde_versie(indicatie) is not None:
            raise Ongeldig("Deze indicatie heeft al een vastgestelde toekenning.")
        return versie.ingangsdatum, versie.einddatum, None
    if vorige is None or vorige.status != VersieStatus.VASTGESTELD or vorige.geldig_vanaf is None:
        raise Ongeldig("De versie waarop deze voortbouwt, is niet (meer) vastgesteld.")
    if laatste_vastgestelde_versie(indicatie) != vorige:
        raise Conflict(
            "De indicatie is intussen op een andere manier gewijzigd; deze versie bouwt voort op een "
            "oudere stand. Er is niets opgeslagen."
        )
    if indicatie.beeindigd:
        raise Ongeldig("Deze indicatie is al beëindigd.")
    if versie.soort == Soort.WIJZIGING:
        _controleer_wijzigingsdatum(vorige, versie.ingangsdatum)
        return versie.ingangsdatum, versie.einddatum, versie.ingangsdatum - timedelta(days=1)
    if versie.soort == Soort.BEEINDIGING:
        if melding := beeindigingsdatum_fout(vorige, versie.einddatum):
            raise Ongeldig({"einddatum": melding})
        return None, None, versie.einddatum
    # verlenging
    if versie.ingangsdatum <= vorige.geldig_tot:
        raise Ongeldig(
            {"ingangsdatum": f"Een verlenging begint na de huidige einddatum ({lange_datum(vorige.geldig_tot)})."}
        )
    return versie.ingangsdatum, versie.einddatum, None


def _controleer_overlap(indicatie, versie, vanaf, tot, vorige, vorige_tot) -> None:
    """Issue 5 §7: no two decided versions of one indication overlap in time. This is the guard on
    every database; PostgreSQL also has an exclusion constraint (migration 0002)."""
    if vanaf is None:
        return
    andere = indicatie.versies.filter(status=VersieStatus.VASTGESTELD, geldig_vanaf__isnull=False).exclude(pk=versie.pk)
    for ander in andere:
        ander_tot = vorige_tot if vorige is not None and ander.pk == vorige.pk and vorige_tot else ander.geldig_tot
        if ander.geldig_vanaf <= tot and vanaf <= ander_tot:
            raise Ongeldig(
                f"Deze versie ({lange_datum(vanaf)} t/m {lange_datum(tot)}) overlapt met vastgestelde versie "
                f"{ander.nummer} ({lange_datum(ander.geldig_vanaf)} t/m {lange_datum(ander_tot)})."
            )


def _controleer_overlap_huishouden(indicatie, vanaf, tot) -> None:
    """Second line of defence behind the check when an indication is created: no decided period of
    another indication of the same household overlaps the period being decided."""
    if vanaf is None:
        return
    ander = (
        Indicatieversie.objects.filter(
            indicatie__huishouden_id=indicatie.huishouden_id,
            status=VersieStatus.VASTGESTELD,
            geldig_vanaf__lte=tot,
            geldig_tot__gte=vanaf,
        )
        .exclude(indicatie_id=indicatie.pk)
        .select_related("indicatie")
        .first()
    )
    if ander is not None:
        raise AlEenArrangement(ander.indicatie, al_een_arrangement_melding(ander.indicatie, overlap=True))


def werk_indicatie_bij(indicatie: Indicatie) -> None:
    """Keeps the indication's summary (period, ended, next evaluation) in step with its versions."""
    vastgesteld = list(
        indicatie.versies.filter(status=VersieStatus.VASTGESTELD).values_list("soort", "geldig_vanaf", "geldig_tot")
    )
    perioden = [(v, t) for _, v, t in vastgesteld if v is not None]
    indicatie.ingangsdatum = min((v for v, _ in perioden), default=None)
    indicatie.einddatum = max((t for _, t in perioden), default=None)
    indicatie.beeindigd = any(s == Soort.BEEINDIGING for s, _, _ in vastgesteld)
    indicatie.volgende_evaluatie_op = volgende_evaluatie(indicatie)
    indicatie.save(update_fields=["ingangsdatum", "einddatum", "beeindigd", "volgende_evaluatie_op"])


def volgende_evaluatie(indicatie: Indicatie) -> date | None:
    """R20: the next evaluation is due one interval after the last one (or after the start)."""
    if indicatie.ingangsdatum is None:
        return None
    laatste = indicatie.evaluaties.aggregate(m=Max("datum"))["m"]
    volgende = plus_maanden(max(filter(None, [laatste, indicatie.ingangsdatum])), evaluatie_interval_maanden())
    if indicatie.einddatum and volgende > indicatie.einddatum:
        return None
    return volgende


# --------------------------------------------------------------------------- evaluations


@transaction.atomic
def leg_evaluatie_vast(
    *, indicatie_id: int, door, datum: date, veiligheid: str, voortgang: str, advies: str, toelichting: str = ""
) -> Evaluatie:
    """R20: the casusregisseur records an evaluation; the next one is planned one interval later. On an
    indication without a casusregisseur, the one who evaluates becomes it."""
    _vereis_rol(door, Rol.CASUSREGISSEUR)
    indicatie = Indicatie.objects.select_for_update(of=("self",)).select_related("huishouden").get(pk=indicatie_id)
    _vereis_team(door, indicatie.huishouden)
    fouten = {}
    if not indicatie.is_vastgesteld:
        fouten["__all__"] = "Een evaluatie hoort bij een vastgestelde indicatie."
    if datum is None:
        fouten["datum"] = "Vul de evaluatiedatum in."
    elif melding := evaluatiedatum_fout(indicatie, datum):
        fouten["datum"] = melding
    if not (voortgang or "").strip():
        fouten["voortgang"] = "Beschrijf de voortgang op de doelen."
    if fouten:
        raise Ongeldig(fouten)
    evaluatie = Evaluatie.objects.create(
        indicatie=indicatie,
        datum=datum,
        veiligheid=veiligheid,
        voortgang=voortgang.strip(),
        advies=advies,
        toelichting=(toelichting or "").strip(),
        auteur=door,
    )
    indicatie.volgende_evaluatie_op = volgende_evaluatie(indicatie)
    indicatie.gewijzigd_op = timezone.now()
    indicatie.gewijzigd_door = door
    velden = ["volgende_evaluatie_op", "gewijzigd_op", "gewijzigd_door"]
    if indicatie.casusregisseur_id is None:
        # R20: whoever evaluates an indication nobody holds takes up its regie. Like the evaluation
        # itself this does not raise the revision (docs/besluiten.md), so it never breaks an open form.
        indicatie.casusregisseur = door
        velden.append("casusregisseur")
    indicatie.save(update_fields=velden)
    return evaluatie


# --------------------------------------------------------------------------- casusregie (R20)


def _controleer_casusregisseur(kandidaat, huishouden) -> None:
    """Only an active casusregisseur of the household's own team can keep regie over the family."""
    naam = kandidaat.get_full_name() or kandidaat.get_username()
    if kandidaat.team_id != huishouden.team_id:
        raise Ongeldig({"casusregisseur": f"{naam} hoort niet bij het team van dit huishouden ({huishouden.team})."})
    if not kandidaat.is_active:
        raise Ongeldig({"casusregisseur": f"{naam} is geen actieve gebruiker meer."})
    if not kandidaat.heeft_rol(Rol.CASUSREGISSEUR):
        raise Ongeldig({"casusregisseur": f"{naam} heeft niet de rol casusregisseur."})


@transaction.atomic
def wijs_casusregisseur_toe(
    *, indicatie_id: int, casusregisseur_id: int | None, door, revisie: int | None
) -> Indicatie:
    """R20: assign (or with ``None`` clear) the casusregisseur who keeps regie over the family.

    An indicatiesteller, casusregisseur or beslisser of the household's team may do it. The change
    raises the revision like any other change of the indication and lands in the change history."""
    _vereis_rol(door, *CASUS_ROLLEN)
    indicatie = _vergrendel(indicatie_id, revisie)
    _vereis_team(door, indicatie.huishouden)
    if casusregisseur_id is not None:
        kandidaat = get_user_model().objects.select_related("team").filter(pk=casusregisseur_id).first()
        if kandidaat is None:
            raise Ongeldig({"casusregisseur": "Kies een casusregisseur uit de lijst."})
        _controleer_casusregisseur(kandidaat, indicatie.huishouden)
    if indicatie.casusregisseur_id == casusregisseur_id:
        return indicatie  # nothing changes: no new revision, no empty history row
    indicatie.casusregisseur_id = casusregisseur_id
    _raak_aan(indicatie, door, "casusregisseur")
    return indicatie
