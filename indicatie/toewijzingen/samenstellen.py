"""From a plan (``plannen.py``) and the people in it to finished, checked messages.

Used by the ``toewijzing`` command (a JSON case, nothing stored) and by the services (a decided version,
stored in the outbox), so both produce the same XML for the same case.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .bericht import Bericht, Client, Wet
from .configuratie import gemeentecode, xsd_versies
from .configuratie import variant as standaard_variant
from .contactadres import Contactkeuze, kies_contactadres
from .plannen import Berichtplan, Plan, Productregel, plan, regels_uit_begroting
from .regels import Regelfout, controleer
from .xml import naar_xml

_AGB = re.compile(r"^[0-9]{8}$")


class Samenstelfout(Exception):
    """A message cannot be made: one Dutch sentence (a missing BSN, surname or AGB code)."""


@dataclass
class KlaarBericht:
    bericht: Bericht
    xml: bytes
    fouten: list[Regelfout]
    plan: Berichtplan
    contact: Contactkeuze | None = None  # which address the message carries, and why

    @property
    def is_geldig(self) -> bool:
        return not self.fouten


@dataclass
class Uitkomst:
    berichten: list[KlaarBericht] = field(default_factory=list)
    geblokkeerd: list[tuple[str, Wet]] = field(default_factory=list)  # OP003: (ref, wet)
    plan: Plan | None = None


def controleer_agb(agb: str) -> str:
    if not agb:
        raise Samenstelfout("De aanbieder heeft geen AGB-code (aanbieder.agb); zonder AGB-code kan geen "
                            "toewijzing worden verstuurd.")
    if not _AGB.match(agb):
        raise Samenstelfout(f"De AGB-code van de aanbieder ({agb}) moet uit precies 8 cijfers bestaan.")
    return agb


def controleer_client(client: Client) -> Client:
    if not client.bsn:
        raise Samenstelfout(f"Gezinslid {client.ref} krijgt een toewijzing maar heeft geen BSN.")
    if not re.fullmatch(r"[0-9]{9}", client.bsn):
        raise Samenstelfout(f"Het BSN van gezinslid {client.ref} moet uit 9 cijfers bestaan.")
    if not client.achternaam.strip():
        raise Samenstelfout(f"Gezinslid {client.ref} krijgt een toewijzing maar heeft geen achternaam.")
    return client


def identificatie_voor(*delen: object) -> str:
    """A 12-character BerichtIdentificatie for messages that are not stored (the command)."""
    return hashlib.sha256("|".join(str(d) for d in delen).encode()).hexdigest()[:12].upper()


def maak_bericht(bp: Berichtplan, client: Client, *, identificatie: str, dagtekening: date) -> Bericht:
    basis, bericht = xsd_versies(bp.wet)
    return Bericht(
        wet=bp.wet, afzender=gemeentecode(), ontvanger=bp.agb, identificatie=identificatie,
        dagtekening=dagtekening, basisschema_versie=basis, bericht_versie=bericht, client=client,
        producten=tuple(t.als_product() for t in bp.toewijzingen),
    )


def stel_samen(
    uitkomst_plan: Plan,
    *,
    clients: dict[str, Client],
    dagtekening: date,
    identificatie: Callable[[Berichtplan], str],
    contactkeuzes: dict[str, Contactkeuze] | None = None,
) -> Uitkomst:
    uitkomst = Uitkomst(geblokkeerd=list(uitkomst_plan.geblokkeerd), plan=uitkomst_plan)
    for bp in uitkomst_plan.berichten:
        client = clients.get(bp.client_ref)
        if client is None:
            raise Samenstelfout(f"Gezinslid {bp.client_ref} staat in de begroting maar niet in de leden.")
        controleer_client(client)
        bericht = maak_bericht(bp, client, identificatie=identificatie(bp), dagtekening=dagtekening)
        xml = naar_xml(bericht)
        uitkomst.berichten.append(KlaarBericht(bericht=bericht, xml=xml, fouten=controleer(xml, bp.wet), plan=bp,
                                               contact=(contactkeuzes or {}).get(bp.client_ref)))
    return uitkomst


def berichten_voor_casus(
    invoer, begroting, *, moment: datetime, variant: str | None = None, vorige_begroting=None
) -> Uitkomst:
    """The messages of a JSON case (``invoer.ToewijzingInvoer`` + the engine's begroting). Nothing is
    stored; numbers start at 1 per law. With ``vorige_begroting`` (a wijziging, beëindiging or
    verlenging) the previous version is first planned as a toekenning, then this case as the change, and
    only the messages of the change are returned: the updated set with RedenWijziging (OP033x1)."""
    if invoer.datum is not None:  # the decision date of the case: Dagtekening and Toewijzingsdatum
        moment = datetime.combine(invoer.datum, moment.time().replace(tzinfo=None))
    soort = invoer.plansoort
    if soort == "afwijzing":
        return Uitkomst()
    variant = variant or standaard_variant()
    regels: list[Productregel] = regels_uit_begroting(begroting)
    leden = {lid.ref: lid for lid in invoer.leden}
    geblokkeerd = {lid.ref for lid in invoer.leden if lid.geen_berichtenverkeer}  # OP003
    vorige_regels = regels_uit_begroting(vorige_begroting) if vorige_begroting is not None else []
    ontvangers = {r.ref for r in regels + vorige_regels if r.bedrag_per_week > 0 and r.ref not in geblokkeerd}
    agb = ""
    if ontvangers:
        agb = controleer_agb(invoer.aanbieder.agb if invoer.aanbieder else "")
    tellers = {Wet.WMO: 0, Wet.JEUGDWET: 0}

    def nummer_voor(wet: Wet) -> int:
        tellers[wet] += 1
        return tellers[wet]

    bestaande = []
    if vorige_begroting is not None and soort != "toekenning":
        eerder = min(moment - timedelta(minutes=1),
                     datetime.combine(vorige_begroting.ingangsdatum, time(9, 0), tzinfo=moment.tzinfo))
        bestaande = plan(
            soort="toekenning", regels=vorige_regels, bestaande=[], agb=agb,
            ingangsdatum=vorige_begroting.ingangsdatum, einddatum=vorige_begroting.einddatum, moment=eerder,
            variant=variant, nummer_voor=nummer_voor, geblokkeerd=geblokkeerd,
        ).toewijzingen
    elif soort != "toekenning":
        soort = "toekenning" if soort != "beeindiging" else soort
    p = plan(
        soort=soort, regels=regels, bestaande=bestaande, agb=agb,
        ingangsdatum=begroting.ingangsdatum, einddatum=begroting.einddatum, moment=moment,
        variant=variant, nummer_voor=nummer_voor, geblokkeerd=geblokkeerd,
    )
    clients, keuzes = {}, {}
    bewoners = [lid.als_bewoner() for lid in invoer.leden]
    for ref in {bp.client_ref for bp in p.berichten}:
        lid = leden.get(ref)
        if lid is None:
            continue
        keuzes[ref] = kies_contactadres(ref, bewoners)
        clients[ref] = Client(
            ref=lid.ref, bsn=lid.bsn, geboortedatum=lid.geboortedatum, geslacht=lid.geslacht,
            achternaam=lid.achternaam, voornamen=lid.voornamen, voorvoegsel=lid.voorvoegsel,
            adres=keuzes[ref].adres,
        )
    return stel_samen(
        p, clients=clients, dagtekening=moment.date(), contactkeuzes=keuzes,
        identificatie=lambda bp: identificatie_voor(
            invoer.kenmerk, bp.client_ref, bp.wet, bp.agb, moment.isoformat()
        ),
    )
