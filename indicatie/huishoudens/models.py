"""Household intake: Huishouden and Gezinslid (issue 2, DESIGN.md §1)."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models

from hgarr.bsn import maskeer_bsn
from hgarr.datums import is_volwassen_op, leeftijd_op


@dataclass(frozen=True)
class Adres:
    straat: str
    huisnummer: str
    postcode: str
    plaats: str

    @property
    def is_compleet(self) -> bool:
        return bool(self.straat and self.huisnummer and self.plaats)

    def regels(self) -> list[str]:
        return [f"{self.straat} {self.huisnummer}".strip(), f"{self.postcode}  {self.plaats}".strip()]

    def __str__(self) -> str:
        return ", ".join(r for r in self.regels() if r)


class Toeleiding(models.TextChoices):
    WIJKTEAM = "wijkteam", "Wijkteam"
    STEDELIJK_LOKET = "stedelijk_loket", "Stedelijk loket"


class Huishouden(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="huishoudens")
    gemeente = models.CharField("gemeente", max_length=80, default="Rotterdam")
    toeleiding = models.CharField(
        "toeleiding via", max_length=20, choices=Toeleiding.choices, default=Toeleiding.WIJKTEAM
    )
    registratiedatum = models.DateField("registratiedatum", default=date.today)
    straat = models.CharField("straat", max_length=120, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=20, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    plaats = models.CharField("plaats", max_length=80, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-registratiedatum", "-id"]
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"

    def __str__(self) -> str:
        return f"Huishouden {self.pk}"

    @property
    def adres(self) -> Adres:
        return Adres(self.straat, self.huisnummer, self.postcode, self.plaats)

    @property
    def naam(self) -> str:
        """A display name built from the members' surnames (no separate household name is stored)."""
        namen = []
        for lid in self.leden.all():
            if lid.achternaam_volledig not in namen:
                namen.append(lid.achternaam_volledig)
        return "Huishouden " + (" / ".join(namen[:3]) if namen else str(self.pk))


class Rol(models.TextChoices):
    SLACHTOFFER = "slachtoffer", "Slachtoffer"
    PLEGER = "pleger", "Pleger"
    GETUIGE = "getuige", "Getuige"
    OVERIG = "overig", "Overig"


class Relatie(models.TextChoices):
    OUDER = "ouder", "Ouder"
    PARTNER = "partner", "Partner"
    EX_PARTNER = "ex-partner", "Ex-partner"
    KIND = "kind", "Kind"
    OVERIG = "overig", "Overig"


class Geslacht(models.TextChoices):
    # Codes follow the iStandaard (COD046): 0 onbekend, 1 man, 2 vrouw.
    ONBEKEND = "0", "Onbekend"
    MAN = "1", "Man"
    VROUW = "2", "Vrouw"


class Gezinslid(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="leden")
    volgorde = models.PositiveSmallIntegerField(default=0)
    voornamen = models.CharField("voornamen", max_length=200)
    voorvoegsel = models.CharField("voorvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=200)
    geboortedatum = models.DateField("geboortedatum")
    bsn = models.CharField("BSN", max_length=9, blank=True, db_index=True)
    geslacht = models.CharField("geslacht", max_length=1, choices=Geslacht.choices, default=Geslacht.ONBEKEND)
    rollen = models.JSONField("rollen", default=list, blank=True)
    relatie = models.CharField("relatie in het gezin", max_length=20, choices=Relatie.choices)
    doet_mee = models.BooleanField("doet mee", default=True)
    heeft_gezag = models.BooleanField("heeft gezag over de kinderen", default=False)
    # Own address when the person lives elsewhere than the household address.
    woont_elders = models.BooleanField("woont elders", default=False)
    straat = models.CharField("straat", max_length=120, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=20, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    plaats = models.CharField("plaats", max_length=80, blank=True)
    # A confidential address (shelter or secret address) is never printed or sent; letters go to
    # the correspondence address.
    vertrouwelijk_adres = models.BooleanField("vertrouwelijk adres", default=False)
    corr_straat = models.CharField("straat (correspondentie)", max_length=120, blank=True)
    corr_huisnummer = models.CharField("huisnummer (correspondentie)", max_length=20, blank=True)
    corr_postcode = models.CharField("postcode (correspondentie)", max_length=7, blank=True)
    corr_plaats = models.CharField("plaats (correspondentie)", max_length=80, blank=True)
    # iStandaarden rule OP003: no standardised message traffic about this person.
    geen_berichtenverkeer = models.BooleanField("geen berichtenverkeer (OP003)", default=False)

    class Meta:
        ordering = ["volgorde", "id"]
        verbose_name = "gezinslid"
        verbose_name_plural = "gezinsleden"

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def achternaam_volledig(self) -> str:
        return f"{self.voorvoegsel} {self.achternaam}".strip()

    @property
    def volledige_naam(self) -> str:
        return f"{self.voornamen} {self.achternaam_volledig}".strip()

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn)

    def leeftijd(self, peildatum: date | None = None) -> int:
        return leeftijd_op(self.geboortedatum, peildatum or date.today())

    def is_volwassen(self, peildatum: date | None = None) -> bool:
        return is_volwassen_op(self.geboortedatum, peildatum or date.today())

    @property
    def rollen_labels(self) -> list[str]:
        return [Rol(r).label for r in self.rollen if r in Rol.values]

    @property
    def eigen_adres(self) -> Adres:
        return Adres(self.straat, self.huisnummer, self.postcode, self.plaats)

    @property
    def correspondentieadres(self) -> Adres:
        return Adres(self.corr_straat, self.corr_huisnummer, self.corr_postcode, self.corr_plaats)

    def postadres(self) -> Adres | None:
        """The address a letter to this person may use, or None when there is no safe one.

        Confidential address: only the correspondence address. Living elsewhere: the own address.
        Otherwise the household's address.
        """
        if self.vertrouwelijk_adres:
            adres = self.correspondentieadres
        elif self.woont_elders:
            adres = self.eigen_adres
        else:
            adres = self.huishouden.adres
        return adres if adres.is_compleet else None
