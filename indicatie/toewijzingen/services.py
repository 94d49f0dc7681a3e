"""Write path of the toewijzing outbox (issue 8). Every action is one function with keyword-only
arguments in one transaction.

``maak_berichten_voor_versie`` runs inside the deciding transaction (receiver of ``versie_vastgesteld``):
it plans the toewijzingen (``plannen.py``), stores them with their numbers, builds and checks one
message per client per aanbieder per law, and stores each in the outbox:
- ``klaar`` when the XSD and every extra rule pass;
- ``afgekeurd`` with the failing rules otherwise (never offered for sending);
- ``geen_berichtenverkeer`` (no XML) for a member under OP003.
A data problem never blocks the decision itself: it ends up as ``afgekeurd`` on the screen.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from hgarr.accounts.roles import CASUS_ROLLEN

from . import configuratie
from .bericht import Client, ToegewezenProduct, Wet
from .contactadres import Contactkeuze, contactadres_van_gezinslid
from .models import BerichtStatus, Nummerreeks, Toewijzing, Uitgaandbericht
from .plannen import Berichtplan, Toewijzingstand, plan, regels_uit_begroting
from .regels import Regelfout, controleer
from .samenstellen import Samenstelfout, controleer_client, maak_bericht
from .xml import naar_xml


class BerichtFout(Exception):
    """A user action that is not possible (one Dutch sentence)."""


def volgend_nummer(sleutel: str) -> int:
    """Next value of a counter; the row lock serialises concurrent decisions (PostgreSQL)."""
    Nummerreeks.objects.get_or_create(sleutel=sleutel)
    reeks = Nummerreeks.objects.select_for_update().get(sleutel=sleutel)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return reeks.laatste


def nieuwe_identificatie() -> str:
    """BerichtIdentificatie (max 12): 'HG' + 10 digits from a counter, unique across the outbox."""
    return f"HG{volgend_nummer('bericht'):010d}"


def _stand(t: Toewijzing) -> Toewijzingstand:
    return Toewijzingstand(
        nummer=t.nummer, wet=Wet(t.wet), agb=t.agb, client_ref=t.client_ref, categorie=t.categorie,
        code=t.code or None, ingangsdatum=t.ingangsdatum, einddatum=t.einddatum, weekbedrag=t.weekbedrag,
        toewijzingsdatum=t.toewijzingsdatum, toewijzingstijd=t.toewijzingstijd,
        reden_wijziging=t.reden_wijziging or None, budget=t.budget, volume=t.volume, pk=t.pk,
    )


def _client(lid, ref: str, peildatum: date) -> tuple[Client, Contactkeuze]:
    """The member's own data, with the contact address of ``contactadres.py`` (the same rule for the
    WMO301 and the JW301): never another member's address, a confidential address, or the household
    address of a child whose parent with gezag has a confidential address."""
    keuze = contactadres_van_gezinslid(lid, peildatum)
    return Client(
        ref=ref, bsn=lid.bsn or "", geboortedatum=lid.geboortedatum, geslacht=lid.geslacht or "0",
        achternaam=lid.achternaam or "", voornamen=lid.voornamen or "", voorvoegsel=lid.voorvoegsel or "",
        adres=keuze.adres,
    ), keuze


def _product_json(p: ToegewezenProduct) -> dict:
    return {
        "nummer": p.nummer, "categorie": p.categorie, "code": p.code,
        "toewijzingsdatum": p.toewijzingsdatum.isoformat(), "toewijzingstijd": p.toewijzingstijd.isoformat(),
        "ingangsdatum": p.ingangsdatum.isoformat(), "einddatum": p.einddatum.isoformat() if p.einddatum else None,
        "reden_wijziging": p.reden_wijziging, "volume": p.volume, "eenheid": p.eenheid,
        "frequentie": p.frequentie, "budget": p.budget,
    }


def _product_uit_json(d: dict) -> ToegewezenProduct:
    return ToegewezenProduct(
        nummer=d["nummer"], categorie=d["categorie"], code=d.get("code"),
        toewijzingsdatum=date.fromisoformat(d["toewijzingsdatum"]),
        toewijzingstijd=time.fromisoformat(d["toewijzingstijd"]),
        ingangsdatum=date.fromisoformat(d["ingangsdatum"]),
        einddatum=date.fromisoformat(d["einddatum"]) if d.get("einddatum") else None,
        reden_wijziging=d.get("reden_wijziging"), volume=d.get("volume"), eenheid=d.get("eenheid"),
        frequentie=d.get("frequentie"), budget=d.get("budget"),
    )


def _bouw(*, wet: Wet, agb: str, client: Client, producten: list[ToegewezenProduct], dagtekening: date):
    """(identificatie, xml, regelfouten) of one message."""
    identificatie = nieuwe_identificatie()
    bp = Berichtplan(agb=agb, wet=wet, client_ref=client.ref, toewijzingen=[])
    bericht = replace(maak_bericht(bp, client, identificatie=identificatie, dagtekening=dagtekening),
                      producten=tuple(producten))
    fouten: list[Regelfout] = []
    try:
        controleer_client(client)
    except Samenstelfout as fout:
        fouten.append(Regelfout("GEGEVENS", str(fout)))
    xml = naar_xml(bericht)
    fouten += controleer(xml, wet)
    return identificatie, xml, fouten


@transaction.atomic
def maak_berichten_voor_versie(
    *, versie, soort: str | None = None, moment: datetime | None = None
) -> list[Uitgaandbericht]:
    """The messages of a decided version (idempotent: a version that already has messages keeps them)."""
    from indicatie.huishoudens.models import Gezinslid

    bestaand = list(Uitgaandbericht.objects.filter(versie=versie))
    if bestaand:
        return bestaand
    soort = soort or versie.soort
    moment = timezone.localtime(moment or versie.beslist_op or timezone.now())
    indicatie = versie.indicatie
    aanbieder = versie.aanbieder
    agb = aanbieder.agb_code

    ids = {lid["ref"]: lid.get("gezinslid_id") for lid in (versie.leden or [])}
    leden = {g.pk: g for g in Gezinslid.objects.filter(pk__in=[i for i in ids.values() if i])}
    per_ref = {ref: leden.get(i) for ref, i in ids.items()}
    rijen = {t.pk: t for t in Toewijzing.objects.select_for_update().filter(indicatie=indicatie)}
    for t in rijen.values():  # members of earlier versions who left this one
        if t.client_ref not in per_ref and t.gezinslid_id:
            per_ref[t.client_ref] = t.gezinslid
    geblokkeerd = {ref for ref, lid in per_ref.items() if lid is not None and lid.geen_berichtenverkeer}  # OP003

    uitkomst = plan(
        soort=soort,
        regels=regels_uit_begroting(versie.begroting) if soort != "beeindiging" else [],
        bestaande=[_stand(t) for t in rijen.values()],
        agb=agb, ingangsdatum=versie.ingangsdatum, einddatum=versie.einddatum, moment=moment,
        variant=configuratie.variant(), nummer_voor=lambda wet: volgend_nummer(str(wet)),
        geblokkeerd=geblokkeerd, beeindigingsreden=getattr(versie, "beeindigingsreden", "") or None,
    )

    from indicatie.indicaties.models import Aanbieder

    aanbieders = {agb: aanbieder}
    for t in uitkomst.toewijzingen:
        velden = dict(
            wet=str(t.wet), nummer=t.nummer, indicatie=indicatie, client_ref=t.client_ref,
            agb=t.agb, categorie=t.categorie, code=t.code or "", ingangsdatum=t.ingangsdatum,
            einddatum=t.einddatum, weekbedrag=Decimal(t.weekbedrag), volume=t.volume, budget=t.budget,
            reden_wijziging=t.reden_wijziging or "", toewijzingsdatum=t.toewijzingsdatum,
            toewijzingstijd=t.toewijzingstijd, versie=versie,
        )
        if t.pk is not None:
            Toewijzing.objects.filter(pk=t.pk).update(**velden)
        else:
            lid = per_ref.get(t.client_ref)
            if t.agb not in aanbieders:
                aanbieders[t.agb] = Aanbieder.objects.get(agb_code=t.agb)
            Toewijzing.objects.create(gezinslid=lid, aanbieder=aanbieders[t.agb], **velden)

    dagtekening = moment.date()
    berichten = []
    for bp in uitkomst.berichten:
        lid = per_ref.get(bp.client_ref)
        if bp.agb not in aanbieders:
            aanbieders[bp.agb] = Aanbieder.objects.get(agb_code=bp.agb)
        producten = [t.als_product() for t in bp.toewijzingen]
        if lid is None:
            client = Client(ref=bp.client_ref, bsn="", geboortedatum=dagtekening, geslacht="0", achternaam="")
            keuze = Contactkeuze(None, "Geen adres in het bericht: het gezinslid bestaat niet meer.")
        else:
            client, keuze = _client(lid, bp.client_ref, versie.ingangsdatum)
        identificatie, xml, fouten = _bouw(wet=bp.wet, agb=bp.agb, client=client, producten=producten,
                                           dagtekening=dagtekening)
        berichten.append(Uitgaandbericht.objects.create(
            wet=str(bp.wet), berichtsoort=bp.wet.berichtnaam, identificatie=identificatie, dagtekening=dagtekening,
            versie=versie, huishouden=indicatie.huishouden, gezinslid=lid, client_ref=bp.client_ref,
            aanbieder=aanbieders[bp.agb], status=BerichtStatus.AFGEKEURD if fouten else BerichtStatus.KLAAR,
            xml=xml, sha256=hashlib.sha256(xml).hexdigest(),
            regelfouten=[{"regel": f.regel, "melding": f.melding} for f in fouten],
            producten=[_product_json(p) for p in producten],
            contactadres=keuze.omschrijving, contactadres_uitleg=keuze.uitleg,
        ))
    for ref, wet in uitkomst.geblokkeerd:
        berichten.append(Uitgaandbericht.objects.create(
            wet=str(wet), berichtsoort=wet.berichtnaam, identificatie="", dagtekening=dagtekening, versie=versie,
            huishouden=indicatie.huishouden, gezinslid=per_ref.get(ref), client_ref=ref, aanbieder=aanbieder,
            status=BerichtStatus.GEEN_BERICHTENVERKEER,
        ))
    return berichten


def _vereis_casusrol(door) -> None:
    if not door.is_authenticated or not door.heeft_rol(*[str(r) for r in CASUS_ROLLEN]):
        raise PermissionDenied("U heeft geen rol die dit mag.")


@transaction.atomic
def controleer_opnieuw(*, bericht: Uitgaandbericht, door) -> Uitgaandbericht:
    """After a correction of the member's data (a BSN, a name): rebuild a rejected message with the same
    toewijzingen and a new identification, and check it again."""
    _vereis_casusrol(door)
    bericht = Uitgaandbericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.status != BerichtStatus.AFGEKEURD:
        raise BerichtFout("Alleen een afgekeurd bericht kan opnieuw worden gecontroleerd.")
    if bericht.gezinslid is None:
        raise BerichtFout("Het gezinslid van dit bericht bestaat niet meer.")
    if bericht.gezinslid.geen_berichtenverkeer:
        bericht.status = BerichtStatus.GEEN_BERICHTENVERKEER
        bericht.xml, bericht.sha256, bericht.identificatie, bericht.regelfouten = None, "", "", []
        bericht.contactadres, bericht.contactadres_uitleg = "", ""
        bericht.save()
        return bericht
    producten = [_product_uit_json(d) for d in bericht.producten]
    client, keuze = _client(bericht.gezinslid, bericht.client_ref, bericht.versie.ingangsdatum)
    identificatie, xml, fouten = _bouw(
        wet=Wet(bericht.wet), agb=bericht.aanbieder.agb_code, client=client,
        producten=producten, dagtekening=timezone.localdate(),
    )
    bericht.contactadres, bericht.contactadres_uitleg = keuze.omschrijving, keuze.uitleg
    bericht.identificatie, bericht.xml, bericht.sha256 = identificatie, xml, hashlib.sha256(xml).hexdigest()
    bericht.dagtekening = timezone.localdate()
    bericht.regelfouten = [{"regel": f.regel, "melding": f.melding} for f in fouten]
    bericht.status = BerichtStatus.AFGEKEURD if fouten else BerichtStatus.KLAAR
    bericht.save()
    return bericht


@transaction.atomic
def markeer_verzonden(*, berichten, door) -> int:
    """Sending is uploading the files to the exchange by hand (no live connection here); afterwards the
    messages are marked as sent. Only messages that are klaar can be marked."""
    _vereis_casusrol(door)
    ids = [b.pk for b in berichten]
    nu = timezone.now()
    return Uitgaandbericht.objects.filter(pk__in=ids, status=BerichtStatus.KLAAR).update(
        status=BerichtStatus.VERZONDEN, verzonden_op=nu, verzonden_door=door
    )


@transaction.atomic
def markeer_retour(*, bericht: Uitgaandbericht, door) -> Uitgaandbericht:
    """The aanbieder's 302 (retour) came in for a sent message."""
    _vereis_casusrol(door)
    bericht = Uitgaandbericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.status != BerichtStatus.VERZONDEN:
        raise BerichtFout("Alleen een verzonden bericht kan als retour ontvangen worden gemarkeerd.")
    bericht.status = BerichtStatus.RETOUR
    bericht.retour_op = timezone.now()
    bericht.retour_door = door
    bericht.save(update_fields=["status", "retour_op", "retour_door"])
    return bericht
