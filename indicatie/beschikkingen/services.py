"""Write path of the letters: issue the letters of a decided or rejected version (issue 6 §1–4),
confirm a pleger as recipient of the youth letter (§2), and start a batch print (§5)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from hgarr.accounts.roles import Rol
from hgarr.bestanden import atomic_met_bestanden

from .brief import Adres, Beslisser, Brief, Soort
from .models import Afdrukopdracht, Beschikking, JeugdbriefBevestiging, OpdrachtStatus
from .opstellen import Dossier, Onderbouwing, Persoon, regels_uit_begroting, stel_brieven_op
from .rendering import render_brief


class BeschikkingFout(Exception):
    """The letters cannot be issued; the message is one Dutch sentence for the screen."""


# The lifecycle's kinds of version (issue 5) to the letter kinds (issue 6 §1). An extension
# (verlenging) is a new grant for a new period.
SOORT_VAN_VERSIE = {
    "toekenning": Soort.TOEKENNING,
    "verlenging": Soort.TOEKENNING,
    "wijziging": Soort.WIJZIGING,
    "beeindiging": Soort.BEEINDIGING,
}

# Only a refused application of the citizen gets an afwijzing letter: the first indication and an
# extension (herindicatie). A rejected op-/afschalen or ending is the beslisser's internal four-eyes
# outcome: the running decision simply continues, so there is nothing to tell the family.
AFWIJZING_MET_BRIEF = frozenset({"toekenning", "verlenging"})


def lid_ref(gezinslid_id: int) -> str:
    return f"lid-{gezinslid_id}"


def _personen(versie) -> list[Persoon]:
    """Every member of the household, with the safe address (Gezinslid.postadres) and gezag over the
    children who are minors on the start date."""
    huishouden = versie.indicatie.huishouden
    leden = list(huishouden.leden.all())
    peildatum = versie.ingangsdatum
    kinderen = frozenset(lid_ref(lid.pk) for lid in leden if not lid.is_volwassen(peildatum))
    bevestigd = set(
        JeugdbriefBevestiging.objects.filter(gezinslid__in=leden).values_list("gezinslid_id", flat=True)
    )
    # As decided in this version (the snapshot); a member outside it counts as not staying.
    in_voorziening = {
        lid.get("gezinslid_id") for lid in (versie.leden or []) if lid.get("verblijft_in_voorziening")
    } if versie.perceel != "extramuraal" else set()
    personen = []
    for lid in leden:
        lid.huishouden = huishouden  # postadres() reads the household address without another query
        adres = lid.postadres()
        if adres is None:
            reden = (
                "heeft een vertrouwelijk adres en geen volledig correspondentieadres"
                if lid.vertrouwelijk_adres
                else "heeft geen volledig postadres"
            )
        else:
            reden = ""
        personen.append(
            Persoon(
                ref=lid_ref(lid.pk),
                naam=lid.volledige_naam,
                geboortedatum=lid.geboortedatum,
                bsn=lid.bsn,
                rollen=tuple(lid.rollen or ()),
                postadres=Adres(adres.straat, adres.huisnummer, adres.postcode, adres.plaats) if adres else None,
                reden_geen_adres=reden,
                gezag_over=(
                    kinderen - {lid_ref(lid.pk)} if lid.heeft_gezag and lid.is_volwassen(peildatum) else frozenset()
                ),
                pleger_bevestigd=lid.pk in bevestigd,
                verblijft_in_voorziening=lid.pk in in_voorziening,
            )
        )
    return personen


def onderbouwing_van_versie(versie, vorige_versie=None) -> Onderbouwing:
    """What the letter's motivation may rest on (Awb 3:46): the taxatie's assessed categories and the
    decision table's proposal, and for a change the evaluation before it. Never a free text: the
    version's motivation, the deviation motivation and the evaluation notes can hold the case story."""
    taxatie = getattr(versie, "taxatie", None)
    velden = {}
    if taxatie is not None:
        velden = dict(
            taxatie_datum=taxatie.datum, veiligheid=taxatie.veiligheid, vaardigheden=taxatie.vaardigheden,
            voorstel_advies=taxatie.voorstel_advies or "", voorstel_perceel=taxatie.voorstel_perceel or "",
            voorstel_pakket=taxatie.voorstel_pakket or "",
        )
    evaluatie = _evaluatie_voor(versie, vorige_versie) if vorige_versie is not None else None
    return Onderbouwing(
        **velden,
        eigen_taxatie=vorige_versie is None or versie.taxatie_id != vorige_versie.taxatie_id,
        evaluatie_datum=evaluatie.datum if evaluatie else None,
        evaluatie_veiligheid=evaluatie.veiligheid if evaluatie else "",
        beeindigingsreden=getattr(versie, "beeindigingsreden", "") or "",
    )


def _evaluatie_voor(versie, vorige_versie):
    """The last evaluation between the decision this version changes and the moment it was proposed (R20):
    the one that led to the op- or afschalen."""
    tot = versie.ingediend_op or versie.aangemaakt_op
    evaluaties = versie.indicatie.evaluaties.all()
    if tot is not None:
        evaluaties = evaluaties.filter(datum__lte=timezone.localdate(tot))
    if vorige_versie.beslist_op is not None:
        evaluaties = evaluaties.filter(datum__gte=timezone.localdate(vorige_versie.beslist_op))
    return evaluaties.order_by("-datum", "-id").first()


def _parameterset_label(versie) -> str:
    ps = getattr(versie, "parameterset", None)
    if ps is not None:
        return f"{ps.naam} ({ps.jaar})"
    return str((versie.begroting or {}).get("parameterset", ""))


def dossier_van_versie(*, versie, vorige_versie=None, soort: Soort, door) -> Dossier:
    begroting = versie.begroting or (vorige_versie.begroting if vorige_versie is not None else None) or {}
    ingang = versie.geldig_vanaf or versie.ingangsdatum
    einde = versie.einddatum
    if soort == Soort.BEEINDIGING:
        einde = versie.geldig_tot or versie.einddatum
        ingang = (vorige_versie.geldig_vanaf or vorige_versie.ingangsdatum) if vorige_versie is not None else ingang
    # Of a refusal only the reason written for the applicant goes in, never the beslisser's internal
    # remark. Of an ending only the category goes in (onderbouwing); the casusregisseur's free text stays out.
    reden = (versie.afwijzingsreden_aanvrager or "") if soort == Soort.AFWIJZING else ""
    functie = getattr(door, "functie", "") or "Beslisser"
    return Dossier(
        kenmerk=f"HG-{versie.indicatie_id:05d}-V{versie.nummer}",
        datum=timezone.localdate(),
        perceel=versie.perceel,
        pakket=versie.pakket,
        ingangsdatum=ingang,
        einddatum=einde,
        personen=_personen(versie),
        regels=regels_uit_begroting(begroting),
        beslisser=Beslisser(door.get_full_name() or door.get_username(), functie),
        aanbieder=versie.aanbieder.naam if versie.aanbieder_id else None,
        onderbouwing=onderbouwing_van_versie(versie, vorige_versie),
        reden=reden,
        parameterset=_parameterset_label(versie),
        versie=f"versie {versie.nummer}",
        vorige_regels=regels_uit_begroting(vorige_versie.begroting or {}) if vorige_versie is not None else [],
        vorige_ingangsdatum=(vorige_versie.geldig_vanaf or vorige_versie.ingangsdatum) if vorige_versie else None,
        vorige_einddatum=vorige_versie.einddatum if vorige_versie is not None else None,
        vorige_perceel=vorige_versie.perceel if vorige_versie is not None else "",
        vorige_pakket=vorige_versie.pakket if vorige_versie is not None else "",
        vorig_besluit_datum=(
            timezone.localdate(vorige_versie.beslist_op) if vorige_versie is not None and vorige_versie.beslist_op
            else None
        ),
        vorige_kenmerken=_vorige_kenmerken(vorige_versie),
    )


def _vorige_kenmerken(vorige_versie) -> dict[tuple[str, str], str]:
    """The kenmerk of each person's letter on the earlier decision, per law, so that a wijziging or
    beëindiging names the decision it changes; a corrected letter is named by its correction."""
    if vorige_versie is None:
        return {}
    kenmerken = {}
    for client_ref, wet, kenmerk in (
        Beschikking.objects.filter(versie=vorige_versie, vervangen_door__isnull=True)
        .order_by("uitgegeven_op", "kenmerk")
        .values_list("client_ref", "wet", "kenmerk")
    ):
        kenmerken.setdefault((client_ref, wet), kenmerk)  # the first letter to that client, not a copy
    return kenmerken


@dataclass(frozen=True)
class Controle:
    brieven: list[Brief]
    problemen: list[str]


def controleer(*, versie, vorige_versie=None, soort: Soort, door) -> Controle:
    """The letters a decision would issue, and why any of them cannot be sent (for the screen)."""
    dossier = dossier_van_versie(versie=versie, vorige_versie=vorige_versie, soort=soort, door=door)
    brieven = stel_brieven_op(dossier, soort)
    problemen = [
        f"De {b.soort.label} ({b.wet.value}) over {b.client_naam} kan niet worden verzonden: "
        f"{b.geadresseerde.reden_geen_adres}"
        for b in brieven
        if not b.kan_verzonden_worden
    ]
    return Controle(brieven=brieven, problemen=problemen)


def _gezinslid_id(ref: str) -> int | None:
    return int(ref[4:]) if ref.startswith("lid-") and ref[4:].isdigit() else None


@atomic_met_bestanden()
def geef_beschikkingen_uit(*, versie, vorige_versie=None, soort: Soort | str, door) -> list[Beschikking]:
    """Render and store every letter of a decision, once (issue 6 §4). Raises BeschikkingFout when a
    letter cannot be sent (no safe address): then nothing is issued, and the decision that called this
    inside its transaction is rolled back with the reason on the screen."""
    soort = Soort(soort)
    controle = controleer(versie=versie, vorige_versie=vorige_versie, soort=soort, door=door)
    if controle.problemen:
        raise BeschikkingFout(" ".join(controle.problemen))
    huishouden = versie.indicatie.huishouden
    uitgegeven = []
    for brief in controle.brieven:
        beschikking = _sla_op(brief, versie=versie, vorige_versie=vorige_versie, huishouden=huishouden, door=door)
        uitgegeven.append(beschikking)
    return uitgegeven


def _sla_op(brief: Brief, *, versie, vorige_versie, huishouden, door, vervangt=None) -> Beschikking:
    gerenderd = render_brief(brief)
    sha = hashlib.sha256(gerenderd.pdf).hexdigest()
    beschikking = Beschikking(
        kenmerk=brief.kenmerk,
        soort=brief.soort.value,
        wet=brief.wet.value,
        huishouden=huishouden,
        versie=versie,
        vorige_versie=vorige_versie,
        parameterset_id=getattr(versie, "parameterset_id", None),
        parameterset_label=brief.parameterset[:120],
        client_id=_gezinslid_id(brief.client_ref),
        client_ref=brief.client_ref,
        # A youth letter addressed to "the parent(s)" of the child has no member as addressee.
        geadresseerde_id=None
        if brief.is_jeugd and brief.geadresseerde.ref == brief.client_ref
        else _gezinslid_id(brief.geadresseerde.ref),
        geadresseerde_naam=brief.geadresseerde.naam[:250],
        bestandsnaam=brief.bestandsnaam,
        datum=brief.datum,
        ingangsdatum=brief.ingangsdatum,
        einddatum=brief.einddatum,
        per_week=brief.per_week,
        periode=brief.periode,
        sha256=sha,
        grootte=len(gerenderd.pdf),
        uitgegeven_door=door,
        vervangt=vervangt,
    )
    beschikking.bestand.save(f"{brief.kenmerk}-{sha[:12]}.pdf", ContentFile(gerenderd.pdf), save=False)
    beschikking.save()
    return beschikking


@atomic_met_bestanden()
def corrigeer_beschikking(*, beschikking: Beschikking, door) -> Beschikking:
    """A correction is a new letter (issue 6 §4), for example after a member's correspondence address
    was fixed: the same decision, rendered again from the same version with today's data, with a new
    kenmerk, pointing to the letter it replaces. The old letter stays as it was."""
    if not door.heeft_rol(Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR, Rol.BESLISSER):
        raise BeschikkingFout("U heeft geen rol die een beschikking mag corrigeren.")
    if beschikking.vervangen_door.exists():
        raise BeschikkingFout("Deze beschikking is al vervangen; corrigeer de nieuwste.")
    versie = beschikking.versie
    # Signed by whoever decided, not by whoever reissues it.
    controle = controleer(versie=versie, vorige_versie=beschikking.vorige_versie, soort=Soort(beschikking.soort),
                          door=versie.beslisser or door)
    geadresseerde_ref = (
        lid_ref(beschikking.geadresseerde_id) if beschikking.geadresseerde_id else beschikking.client_ref
    )
    brief = next(
        (b for b in controle.brieven
         if b.client_ref == beschikking.client_ref and b.wet.value == beschikking.wet
         and b.geadresseerde.ref == geadresseerde_ref),
        None,
    )
    if brief is None:
        raise BeschikkingFout("Deze beschikking hoort niet meer bij het besluit; er is geen correctie te maken.")
    if not brief.kan_verzonden_worden:
        raise BeschikkingFout(f"De correctie kan niet worden verzonden: {brief.geadresseerde.reden_geen_adres}")
    aantal = Beschikking.objects.filter(kenmerk__startswith=f"{beschikking.kenmerk}-C").count()
    brief = replace(brief, kenmerk=f"{beschikking.kenmerk}-C{aantal + 1}")
    return _sla_op(brief, versie=versie, vorige_versie=beschikking.vorige_versie,
                   huishouden=beschikking.huishouden, door=door, vervangt=beschikking)


@dataclass(frozen=True)
class Bevestigd:
    bevestiging: JeugdbriefBevestiging
    uitgegeven: list[Beschikking]  # the youth letters this parent gets now, of the decisions that apply


@atomic_met_bestanden()
def bevestig_jeugdbrief_aan_pleger(*, gezinslid, door, toelichting: str = "") -> Bevestigd:
    """Only an indicatiesteller confirms (issue 6 §2). The confirmation also issues, right away, the
    youth letters this parent missed of the decisions that still apply: otherwise he would only hear
    of the decision about his child at the next one. Nothing is stored when such a letter cannot be
    sent (no safe address)."""
    if not door.heeft_rol(Rol.INDICATIESTELLER):
        raise BeschikkingFout("Alleen een indicatiesteller kan dit bevestigen.")
    if "pleger" not in (gezinslid.rollen or []):
        raise BeschikkingFout("Dit gezinslid is geen pleger; een bevestiging is niet nodig.")
    # One confirmation at a time per member, so a double click cannot issue a copy twice.
    type(gezinslid).objects.select_for_update().filter(pk=gezinslid.pk).first()
    bevestiging, _ = JeugdbriefBevestiging.objects.get_or_create(
        gezinslid=gezinslid, defaults={"bevestigd_door": door, "toelichting": toelichting[:300]}
    )
    return Bevestigd(bevestiging=bevestiging, uitgegeven=_geef_gemiste_jeugdbrieven_uit(gezinslid, door=door))


def _geldende_besluiten(huishouden) -> list:
    """Per indication of the household the last decided version, while the indication has not ended."""
    from indicatie.indicaties.models import Indicatieversie, VersieStatus

    vandaag = timezone.localdate()
    versies = (
        Indicatieversie.objects.filter(indicatie__huishouden=huishouden, status=VersieStatus.VASTGESTELD)
        .select_related("indicatie__huishouden", "aanbieder", "vorige_versie", "taxatie", "beslisser", "parameterset")
        .order_by("indicatie_id", "-beslist_op", "-nummer")
    )
    laatste = {}
    for versie in versies:
        laatste.setdefault(versie.indicatie_id, versie)
    return [v for v in laatste.values() if v.indicatie.einddatum is None or v.indicatie.einddatum >= vandaag]


def _volgend_kenmerk(versie, basis: str) -> str:
    """The next free ``<basis>-NN`` of a version: an extra copy never takes an issued letter's kenmerk."""
    nummers = [
        int(k[len(basis) + 1:])
        for k in Beschikking.objects.filter(versie=versie, kenmerk__startswith=f"{basis}-").values_list(
            "kenmerk", flat=True
        )
        if k[len(basis) + 1:].isdigit()
    ]
    return f"{basis}-{max(nummers, default=0) + 1:02d}"


def _geef_gemiste_jeugdbrieven_uit(gezinslid, *, door) -> list[Beschikking]:
    """An extra copy of the same decision for this parent: the letters are composed from the decided
    version exactly as at the decision (signed by its beslisser), with a new kenmerk and today's date."""
    ref = lid_ref(gezinslid.pk)
    uitgegeven = []
    for versie in _geldende_besluiten(gezinslid.huishouden):
        soort = SOORT_VAN_VERSIE.get(str(versie.soort), Soort.TOEKENNING)
        controle = controleer(versie=versie, vorige_versie=versie.vorige_versie, soort=soort,
                              door=versie.beslisser or door)
        for brief in controle.brieven:
            if not (brief.is_jeugd and brief.geadresseerde.ref == ref):
                continue
            if Beschikking.objects.filter(versie=versie, client_ref=brief.client_ref, wet=brief.wet.value,
                                          geadresseerde=gezinslid).exists():
                continue
            if not brief.kan_verzonden_worden:
                raise BeschikkingFout(
                    f"De bevestiging is niet opgeslagen: de beschikking Jeugdwet aan {gezinslid.volledige_naam} "
                    f"kan niet worden verzonden. {brief.geadresseerde.reden_geen_adres}"
                )
            brief = replace(brief, kenmerk=_volgend_kenmerk(versie, brief.kenmerk.rsplit("-", 1)[0]))
            uitgegeven.append(_sla_op(brief, versie=versie, vorige_versie=versie.vorige_versie,
                                      huishouden=versie.indicatie.huishouden, door=door))
    return uitgegeven


@transaction.atomic
def start_afdrukopdracht(*, beschikkingen: list[Beschikking], door, omschrijving: str = "") -> Afdrukopdracht:
    """Create the job and enqueue the background task once the job is committed (issue 6 §5)."""
    if not beschikkingen:
        raise BeschikkingFout("Kies ten minste één beschikking om af te drukken.")
    opdracht = Afdrukopdracht.objects.create(
        team_id=door.team_id,
        aangemaakt_door=door,
        omschrijving=omschrijving[:200],
        beschikking_ids=[b.pk for b in beschikkingen],
        totaal=len(beschikkingen),
        status=OpdrachtStatus.WACHTEND,
    )

    def _plan():
        from .tasks import druk_af

        resultaat = druk_af.enqueue(opdracht_id=opdracht.pk)
        Afdrukopdracht.objects.filter(pk=opdracht.pk, task_id="").update(task_id=str(resultaat.id)[:64])

    transaction.on_commit(_plan)
    return opdracht
