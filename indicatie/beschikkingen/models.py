"""Issued decision letters (issue 6 §4) and batch print jobs (§5).

A Beschikking is stored once: its PDF lives in private storage (never a public media URL) with its
SHA-256, and the row cannot be changed or deleted. A correction is a new letter that ``vervangt`` the
old one.
"""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from hgarr import bestanden

from .brief import Soort as BriefSoort
from .brief import Wet as BriefWet


class PriveOpslag(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT; they have no URL: only the download views serve them. The
    folder is read from the settings on every use (tests point it elsewhere)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):  # pragma: no cover - a guard, nothing calls it
        raise NotImplementedError("Privébestanden hebben geen openbare URL.")

    def _save(self, name, content):
        naam = super()._save(name, content)
        bestanden.onthoud(self, naam)  # removed again if the transaction that wrote it rolls back
        return naam


def prive_opslag():
    return PriveOpslag()


class Soort(models.TextChoices):
    TOEKENNING = BriefSoort.TOEKENNING.value, "Toekenning"
    WIJZIGING = BriefSoort.WIJZIGING.value, "Wijziging"
    BEEINDIGING = BriefSoort.BEEINDIGING.value, "Beëindiging"
    AFWIJZING = BriefSoort.AFWIJZING.value, "Afwijzing"


class Wet(models.TextChoices):
    WMO = BriefWet.WMO.value, "Wmo 2015"
    JEUGDWET = BriefWet.JEUGDWET.value, "Jeugdwet"


class OnveranderlijkFout(Exception):
    """An issued letter is never changed or deleted (issue 6 §4)."""


# The folders of private storage that hold the files of these models (ruim_weesbestanden sweeps them).
MAP_BESCHIKKINGEN = "beschikkingen"
MAP_AFDRUKKEN = "afdrukken"


def _pad_beschikking(instance: Beschikking, filename: str) -> str:
    return f"{MAP_BESCHIKKINGEN}/{instance.datum:%Y/%m}/{filename}"


class BeschikkingQuerySet(models.QuerySet):
    """Bulk changes bypass save()/delete(); refuse them too, on every database (PostgreSQL also has a
    trigger). The retention job anonymises through ``_base_manager``, a plain manager."""

    def update(self, **kwargs):
        raise OnveranderlijkFout("Een uitgegeven beschikking kan niet worden gewijzigd; maak een nieuwe brief.")

    def delete(self):
        raise OnveranderlijkFout("Een uitgegeven beschikking kan niet worden verwijderd.")


class Beschikking(models.Model):
    # What anonymisation after the retention term writes over (hgarr/audit/bewaren.py).
    ANONIEME_WAARDEN = {"geadresseerde_naam": "Geanonimiseerd"}

    kenmerk = models.CharField("kenmerk", max_length=60, unique=True)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    huishouden = models.ForeignKey("huishoudens.Huishouden", on_delete=models.PROTECT, related_name="beschikkingen")
    versie = models.ForeignKey(
        "indicaties.Indicatieversie", on_delete=models.PROTECT, related_name="beschikkingen"
    )
    vorige_versie = models.ForeignKey(
        "indicaties.Indicatieversie", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    parameterset = models.ForeignKey(
        "tarieven.Parameterset", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    parameterset_label = models.CharField("parameterset", max_length=120, blank=True)
    # The person the decision is about (the adult, or the youngest child for the youth letter).
    client = models.ForeignKey("huishoudens.Gezinslid", on_delete=models.PROTECT, related_name="+")
    client_ref = models.CharField(max_length=100)
    # Who it is sent to; None: the parent(s) of the child without recorded gezag.
    geadresseerde = models.ForeignKey(
        "huishoudens.Gezinslid", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geadresseerde_naam = models.CharField("geadresseerde", max_length=250)
    bestandsnaam = models.CharField(max_length=250)
    datum = models.DateField("datum")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    per_week = models.DecimalField("per week", max_digits=12, decimal_places=2)
    periode = models.DecimalField("voor de periode", max_digits=12, decimal_places=2)
    bestand = models.FileField(storage=prive_opslag, upload_to=_pad_beschikking, max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    uitgegeven_op = models.DateTimeField("uitgegeven op", auto_now_add=True, db_index=True)
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vervangt = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="vervangen_door"
    )

    objects = BeschikkingQuerySet.as_manager()

    class Meta:
        ordering = ["-uitgegeven_op", "kenmerk"]
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        indexes = [models.Index(fields=["huishouden", "-uitgegeven_op"], name="beschikking_huish_datum")]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.get_soort_display().lower()}, {self.get_wet_display()})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout("Een uitgegeven beschikking kan niet worden gewijzigd; maak een nieuwe brief.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een uitgegeven beschikking kan niet worden verwijderd.")

    def lees_pdf(self) -> bytes:
        """The stored bytes, after checking them against the SHA-256 taken at issue."""
        with self.bestand.open("rb") as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise IntegriteitsFout(
                f"Het bestand van beschikking {self.kenmerk} is niet meer hetzelfde als bij uitgifte."
            )
        return data


class IntegriteitsFout(Exception):
    pass


class JeugdbriefBevestiging(models.Model):
    """The indicatiesteller confirms that a parent who is the pleger may receive the youth letter at
    their address (issue 6 §2). Without it that parent gets no letter."""

    gezinslid = models.OneToOneField("huishoudens.Gezinslid", on_delete=models.CASCADE, related_name="+")
    bevestigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    bevestigd_op = models.DateTimeField(auto_now_add=True)
    toelichting = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "bevestiging jeugdbrief aan pleger"
        verbose_name_plural = "bevestigingen jeugdbrief aan pleger"

    def __str__(self) -> str:
        return f"Bevestiging jeugdbrief aan gezinslid {self.gezinslid_id}"


class OpdrachtStatus(models.TextChoices):
    WACHTEND = "wachtend", "Wacht op verwerking"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


def _pad_opdracht(instance: Afdrukopdracht, filename: str) -> str:
    return f"{MAP_AFDRUKKEN}/{instance.aangemaakt_op:%Y/%m}/{filename}"


class Afdrukopdracht(models.Model):
    """A batch print: the selected letters combined into one PDF by a background task (issue 6 §5)."""

    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    omschrijving = models.CharField(max_length=200, blank=True)
    beschikking_ids = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=OpdrachtStatus.choices, default=OpdrachtStatus.WACHTEND)
    totaal = models.PositiveIntegerField(default=0)
    verwerkt = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    bestand = models.FileField(storage=prive_opslag, upload_to=_pad_opdracht, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    foutmelding = models.CharField(max_length=300, blank=True)
    klaar_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = "afdrukopdracht"
        verbose_name_plural = "afdrukopdrachten"

    def __str__(self) -> str:
        return f"Afdrukopdracht {self.pk} ({self.get_status_display().lower()})"

    @property
    def procent(self) -> int:
        if not self.totaal:
            return 100 if self.status == OpdrachtStatus.KLAAR else 0
        return min(100, round(100 * self.verwerkt / self.totaal))

    @property
    def is_afgerond(self) -> bool:
        return self.status in (OpdrachtStatus.KLAAR, OpdrachtStatus.MISLUKT)
