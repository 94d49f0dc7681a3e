"""Which address a WMO301 / JW301 carries as the client's contact (issue 8 §1, standaarden.md §1.2, §3.2).

One rule for both laws and for both ways a message is made (a decided version: ``Gezinslid``; the
``toewijzing`` command: the JSON case), so the adult's and the child's message can never differ in how
the address is chosen.

1. The member's own step is the letters' rule (``beschikkingen.opstellen.kies_postadres``, reused, not
   copied): the member's own correspondence address first; a member with a confidential address gets
   nothing else; otherwise the member's own residential address.
2. The household step, on top of it, for a residential address only:
   - an address where a member with a confidential address lives is confidential for everyone who lives
     there (in the intake: the household address when that member does not live elsewhere);
   - a child over whom a parent with gezag has a confidential address gets no residential address at all:
     it is the address the family fled from, where the pleger may live, or (if they live together) the
     parent's secret address or shelter.
3. Never another member's address: the parent's correspondence address is the parent's, not the child's.
   The XSD requires ``Contactgegevens/Contact`` with a ``Soort`` but allows ``Adres`` to be left out
   (0..1, and no CD/CS rule requires it), so the contact then goes without an address. A child that needs a
   postal route gets its own correspondence address in the intake, which step 1 then uses.

The choice comes with one Dutch sentence that the outbox shows beside the message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from indicatie.beschikkingen.opstellen import kies_postadres

from .bericht import Adres


@dataclass(frozen=True)
class Bewoner:
    """One member, as much as the address choice needs of them."""

    ref: str
    woonadres: Adres | None  # where the member lives: own address, or the household's
    correspondentieadres: Adres | None = None
    vertrouwelijk: bool = False
    gezag_over: frozenset[str] = frozenset()
    woonadres_naam: str = "het woonadres"  # how the screen names the residential address


@dataclass(frozen=True)
class Contactkeuze:
    adres: Adres | None
    uitleg: str  # Dutch, for the outbox screen

    @property
    def omschrijving(self) -> str:
        if self.adres is None:
            return ""
        delen = [f"{self.adres.straat} {self.adres.huisnummer}".strip(),
                 f"{self.adres.postcode} {self.adres.plaats}".strip()]
        return ", ".join(" ".join(d.split()) for d in delen if d.strip())


def _sleutel(adres: Adres | None) -> tuple[str, str, str] | None:
    """Street, number and place, compared without case, spaces and punctuation; the postcode is left out
    because it is often missing or written differently (a match withholds an address: safe side)."""
    if adres is None:
        return None

    def schoon(tekst: str) -> str:
        return "".join(ch for ch in (tekst or "").casefold() if ch.isalnum())

    sleutel = (schoon(adres.straat), schoon(adres.huisnummer), schoon(adres.plaats))
    return sleutel if sleutel[0] and sleutel[1] else None


def kies_contactadres(ref: str, bewoners: Iterable[Bewoner]) -> Contactkeuze:
    """The contact address of member ``ref`` among ``bewoners`` (all members of the household)."""
    alle = list(bewoners)
    lid = next(b for b in alle if b.ref == ref)
    adres, reden = kies_postadres(
        vertrouwelijk=lid.vertrouwelijk, adres=lid.woonadres, correspondentieadres=lid.correspondentieadres
    )
    if adres is None:
        if lid.vertrouwelijk:
            return Contactkeuze(None, "Geen adres in het bericht: dit gezinslid heeft een vertrouwelijk adres en "
                                      "geen (volledig) eigen correspondentieadres.")
        return Contactkeuze(None, f"Geen adres in het bericht: dit gezinslid {reden or 'heeft geen volledig adres'}.")

    naam = f"{lid.woonadres_naam[:1].upper()}{lid.woonadres_naam[1:]}"
    if adres is not lid.correspondentieadres and any(
        b.ref != ref and ref in b.gezag_over and b.vertrouwelijk for b in alle
    ):
        return Contactkeuze(None, "Geen adres in het bericht: een ouder met gezag heeft een vertrouwelijk adres. "
                                  f"{naam} kan het adres zijn waar het gezin is gevlucht of waar de pleger woont, "
                                  "of het adres van die ouder zelf; het correspondentieadres van de ouder hoort niet "
                                  "in het bericht van een ander. Leg zo nodig een eigen correspondentieadres vast "
                                  "bij dit gezinslid.")
    vertrouwelijke_adressen = {_sleutel(b.woonadres) for b in alle if b.vertrouwelijk} - {None}
    if _sleutel(adres) in vertrouwelijke_adressen:
        # Also catches a correspondence address that was filled in with a confidential address.
        return Contactkeuze(None, "Geen adres in het bericht: op dit adres woont een gezinslid met een vertrouwelijk "
                                  "adres, dus het is zelf vertrouwelijk.")
    if adres is lid.correspondentieadres:
        return Contactkeuze(adres, "Het eigen correspondentieadres van dit gezinslid.")
    return Contactkeuze(adres, f"{naam} van dit gezinslid: er is geen vertrouwelijk adres bij dit gezinslid, bij "
                               "wie er woont of bij een ouder met gezag.")


def _adres(a) -> Adres | None:
    if a is None:
        return None
    adres = Adres(a.straat or "", a.huisnummer or "", a.postcode or "", a.plaats or "")
    return adres if any(v.strip() for v in (adres.straat, adres.huisnummer, adres.postcode, adres.plaats)) else None


def bewoners_uit_huishouden(huishouden, peildatum: date) -> list[Bewoner]:
    """The members of a household (``Gezinslid``), keyed by their primary key as text. Gezag is a flag per
    adult over all the household's children (besluiten.md §2): every minor on ``peildatum``."""
    leden = list(huishouden.leden.all())
    kinderen = frozenset(str(lid.pk) for lid in leden if not lid.is_volwassen(peildatum))
    uit = []
    for lid in leden:
        uit.append(Bewoner(
            ref=str(lid.pk),
            woonadres=_adres(lid.eigen_adres if lid.woont_elders else huishouden.adres),
            correspondentieadres=_adres(lid.correspondentieadres),
            vertrouwelijk=lid.vertrouwelijk_adres,
            gezag_over=kinderen - {str(lid.pk)} if lid.heeft_gezag else frozenset(),
            woonadres_naam="het eigen adres (woont elders)" if lid.woont_elders else "het adres van het huishouden",
        ))
    return uit


def contactadres_van_gezinslid(lid, peildatum: date) -> Contactkeuze:
    huishouden = lid.huishouden
    return kies_contactadres(str(lid.pk), bewoners_uit_huishouden(huishouden, peildatum))
