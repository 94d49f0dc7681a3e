"""The JSON case of ``manage.py proefdruk`` (issue 6 §6): the ``manage.py begroting`` case (issue 3 §4)
plus, per member, name, BSN and addresses, and on the case the aanbieder, kenmerk and beslisser.

The engine validates and computes its own part of the case; this schema reads only the extra fields
(unknown fields are ignored, as in the engine) and turns both into a ``Dossier``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from indicatie.indicaties.beeindiging import Beeindigingsreden
from indicatie.proefgeval import AdresInvoer, Invoer, JaNee, Tekst
from tarieven.engine import verblijft

from .brief import Adres, Beslisser, Soort
from .opstellen import Dossier, Onderbouwing, Persoon, kies_postadres, regels_uit_begroting


def _lijst(v: Any) -> Any:
    return [] if v is None else v


class LidInvoer(Invoer):
    ref: Tekst
    geboortedatum: date
    rollen: Annotated[list[str], BeforeValidator(_lijst)] = []
    voornamen: Tekst | None = None
    voorvoegsel: Tekst | None = None
    achternaam: Tekst | None = None
    bsn: Tekst | None = None
    adres: AdresInvoer | None = None
    vertrouwelijk_adres: JaNee = False
    correspondentieadres: AdresInvoer | None = None
    gezag_over: Annotated[list[str], BeforeValidator(_lijst)] = []
    # Own extension: the indicatiesteller confirmed that this parent, the pleger, may get the youth letter.
    pleger_bevestigd: JaNee = False
    # The engine's field, read here too: only who stays in the facility reads about it (issue 6 §2).
    verblijft_in_voorziening: bool | None = None

    @property
    def naam(self) -> str:
        delen = [self.voornamen, self.voorvoegsel, self.achternaam]
        return " ".join(d for d in delen if d) or self.ref


class AanbiederInvoer(Invoer):
    naam: Tekst
    agb: Tekst | None = None


class BeslisserInvoer(Invoer):
    naam: str
    functie: str = ""


class ProefdrukInvoer(Invoer):
    leden: list[LidInvoer] = Field(min_length=1)
    aanbieder: AanbiederInvoer | None = None
    kenmerk: Tekst | None = None
    beslisser: BeslisserInvoer | None = None
    # Own extensions, all optional: the letter date, the kind, the reason (afwijzing/beëindiging),
    # the motivation, and for a wijziging the previous version (fields that differ from this case).
    datum: date | None = None
    soort: Literal["toekenning", "wijziging", "beeindiging", "beëindiging", "afwijzing"] = "toekenning"
    reden: str | None = None
    # beëindiging: the category the letter states (indicaties.beeindiging); ``reden`` never goes in.
    beeindigingsreden: Literal[tuple(Beeindigingsreden.values)] | None = None  # type: ignore[valid-type]
    motivering: str | list[str] | None = None
    vorige: dict | None = None

    @model_validator(mode="after")
    def gezag_bestaat(self):
        refs = {lid.ref for lid in self.leden}
        for lid in self.leden:
            for ref in lid.gezag_over:
                if ref not in refs:
                    raise ValueError(f"Gezinslid {lid.ref} heeft gezag over onbekend gezinslid {ref!r}.")
                if ref == lid.ref:
                    raise ValueError(f"Gezinslid {lid.ref} kan geen gezag over zichzelf hebben.")
        return self

    @property
    def brief_soort(self) -> Soort:
        return Soort.BEEINDIGING if self.soort in ("beeindiging", "beëindiging") else Soort(self.soort)


def persoon_uit(lid: LidInvoer, perceel: str = "extramuraal") -> Persoon:
    postadres, reden = kies_postadres(
        vertrouwelijk=lid.vertrouwelijk_adres,
        adres=lid.adres.als_adres(Adres) if lid.adres else None,
        correspondentieadres=lid.correspondentieadres.als_adres(Adres) if lid.correspondentieadres else None,
    )
    return Persoon(
        ref=lid.ref,
        naam=lid.naam,
        geboortedatum=lid.geboortedatum,
        bsn=lid.bsn or "",
        rollen=tuple(lid.rollen),
        postadres=postadres,
        reden_geen_adres=reden,
        gezag_over=frozenset(lid.gezag_over),
        pleger_bevestigd=lid.pleger_bevestigd,
        # The engine's rule (R12), so the letters follow the same stay as the amounts.
        verblijft_in_voorziening=verblijft(lid, perceel),
    )


def dossier_uit(invoer: ProefdrukInvoer, begroting: Any, *, vorige_begroting: Any = None,
                vandaag: date | None = None) -> Dossier:
    motivering: tuple[str, ...] = ()
    if isinstance(invoer.motivering, str) and invoer.motivering:
        motivering = tuple(a.strip() for a in invoer.motivering.split("\n\n") if a.strip())
    elif isinstance(invoer.motivering, list):
        motivering = tuple(a for a in invoer.motivering if a)
    beslisser = invoer.beslisser
    return Dossier(
        kenmerk=invoer.kenmerk or "PROEFDRUK",
        datum=invoer.datum or vandaag or date.today(),
        perceel=begroting.perceel,
        pakket=begroting.pakket,
        ingangsdatum=begroting.ingangsdatum,
        einddatum=begroting.einddatum,
        personen=[persoon_uit(lid, begroting.perceel) for lid in invoer.leden],
        regels=regels_uit_begroting(begroting),
        beslisser=(
            Beslisser(beslisser.naam, beslisser.functie) if beslisser else Beslisser("(naam beslisser)", "(functie)")
        ),
        aanbieder=invoer.aanbieder.naam if invoer.aanbieder else None,
        motivering=motivering,
        onderbouwing=Onderbouwing(beeindigingsreden=invoer.beeindigingsreden) if invoer.beeindigingsreden else None,
        reden=invoer.reden or "",
        parameterset=getattr(begroting, "parameterset", ""),
        vorige_regels=regels_uit_begroting(vorige_begroting) if vorige_begroting is not None else [],
        vorige_ingangsdatum=getattr(vorige_begroting, "ingangsdatum", None),
        vorige_einddatum=getattr(vorige_begroting, "einddatum", None),
        vorige_perceel=getattr(vorige_begroting, "perceel", ""),
        vorige_pakket=getattr(vorige_begroting, "pakket", ""),
    )
