"""The outbox of toewijzing messages (issue 8 §4) and the toewijzingen they carry, with their numbers.

- ``Toewijzing``: the current content of one toewijzing as the aanbieder last received it (or will);
  its ``nummer`` is unique within each law (retourcode 9332) and kept across changes (OP033x1, see
  ``plannen.py`` for the choice on changed weekly amounts).
- ``Uitgaandbericht``: one WMO301 / JW301 per client per aanbieder per decided version (OP087), stored
  with its XML and SHA-256; status klaar / verzonden / retour ontvangen, or afgekeurd when a rule check
  failed (the failing rules are stored), or ``geen_berichtenverkeer`` for a member under OP003 (no XML:
  the aanbieder must be informed through the secure alternative route).
- ``Nummerreeks``: counters for ToewijzingNummer per law and for the BerichtIdentificatie.

Writes happen in ``services.py`` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Wet(models.TextChoices):
    WMO = "Wmo", "Wmo"
    JEUGDWET = "Jeugdwet", "Jeugdwet"


class Nummerreeks(models.Model):
    """A counter: ``Wmo`` / ``Jeugdwet`` for ToewijzingNummer, ``bericht`` for BerichtIdentificatie."""

    sleutel = models.CharField(max_length=20, primary_key=True)
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "nummerreeks"
        verbose_name_plural = "nummerreeksen"

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.laatste}"


class Toewijzing(models.Model):
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    nummer = models.PositiveIntegerField("ToewijzingNummer")
    indicatie = models.ForeignKey("indicaties.Indicatie", on_delete=models.PROTECT, related_name="toewijzingen")
    gezinslid = models.ForeignKey(
        "huishoudens.Gezinslid", on_delete=models.SET_NULL, null=True, blank=True, related_name="toewijzingen"
    )
    client_ref = models.CharField("cliënt (ref)", max_length=100)
    aanbieder = models.ForeignKey("indicaties.Aanbieder", on_delete=models.PROTECT, related_name="toewijzingen")
    agb = models.CharField("AGB-code", max_length=8)
    categorie = models.CharField("productcategorie", max_length=2)
    code = models.CharField("productcode", max_length=5, blank=True)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    weekbedrag = models.DecimalField("bedrag per week", max_digits=10, decimal_places=2)
    volume = models.PositiveIntegerField("volume (eurocent per week)", null=True, blank=True)
    budget = models.PositiveIntegerField("budget (eurocent)", null=True, blank=True)
    reden_wijziging = models.CharField("reden wijziging", max_length=2, blank=True)
    toewijzingsdatum = models.DateField("toewijzingsdatum")
    toewijzingstijd = models.TimeField("toewijzingstijd")
    versie = models.ForeignKey(
        "indicaties.Indicatieversie", on_delete=models.PROTECT, related_name="toewijzingen",
        help_text="De vastgestelde versie die deze toewijzing het laatst heeft gewijzigd.",
    )

    class Meta:
        ordering = ["wet", "nummer"]
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        constraints = [
            # Retourcode 9332: a ToewijzingNummer is unique within the law.
            models.UniqueConstraint(fields=["wet", "nummer"], name="toewijzingnummer_uniek_per_wet"),
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("ingangsdatum")), name="toewijzing_einde_na_begin"
            ),
            # CD077/CD078: Omvang and Budget exclude each other.
            models.CheckConstraint(
                condition=Q(volume__isnull=True) | Q(budget__isnull=True), name="toewijzing_omvang_of_budget"
            ),
        ]

    def __str__(self) -> str:
        return f"Toewijzing {self.wet} {self.nummer}"


class BerichtStatus(models.TextChoices):
    KLAAR = "klaar", "Klaar voor verzending"
    AFGEKEURD = "afgekeurd", "Afgekeurd door de regelcontrole"
    VERZONDEN = "verzonden", "Verzonden"
    RETOUR = "retour_ontvangen", "Retour ontvangen"
    GEEN_BERICHTENVERKEER = "geen_berichtenverkeer", "Geen bericht (OP003)"


DOWNLOADBAAR = (BerichtStatus.KLAAR, BerichtStatus.VERZONDEN, BerichtStatus.RETOUR)


class Uitgaandbericht(models.Model):
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    berichtsoort = models.CharField("bericht", max_length=6)  # WMO301 / JW301
    identificatie = models.CharField("BerichtIdentificatie", max_length=12, blank=True)
    dagtekening = models.DateField("dagtekening")
    versie = models.ForeignKey(
        "indicaties.Indicatieversie", on_delete=models.PROTECT, related_name="toewijzingsberichten"
    )
    huishouden = models.ForeignKey("huishoudens.Huishouden", on_delete=models.PROTECT, related_name="+")
    gezinslid = models.ForeignKey("huishoudens.Gezinslid", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    client_ref = models.CharField("cliënt (ref)", max_length=100)
    aanbieder = models.ForeignKey("indicaties.Aanbieder", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("status", max_length=25, choices=BerichtStatus.choices)
    xml = models.BinaryField("XML", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    # [{"regel": "CD077/CD078", "melding": "..."}] when the rule check failed
    regelfouten = models.JSONField("regelfouten", default=list, blank=True)
    # The toegewezen producten as sent (to rebuild the message after a data correction).
    producten = models.JSONField("toegewezen producten", default=list, blank=True)
    # The contact address the message carries (empty: a Contact without address) and why, in Dutch
    # (contactadres.py); shown beside the message so the team sees which address went to the aanbieder.
    contactadres = models.CharField("contactadres in het bericht", max_length=250, blank=True)
    contactadres_uitleg = models.TextField("waarom dit contactadres", blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    verzonden_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+")
    retour_op = models.DateTimeField(null=True, blank=True)
    retour_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = "uitgaand bericht"
        verbose_name_plural = "uitgaande berichten"
        constraints = [
            models.UniqueConstraint(
                fields=["identificatie"], condition=~Q(identificatie=""), name="berichtidentificatie_uniek"
            ),
        ]
        indexes = [models.Index(fields=["huishouden", "status"], name="bericht_huishouden_status")]

    def __str__(self) -> str:
        return f"{self.berichtsoort} {self.identificatie or '(geen)'}"

    @property
    def bestandsnaam(self) -> str:
        """No name or BSN in the file name (privacy): the message kind and its identification."""
        return f"{self.berichtsoort}-{self.identificatie}.xml"

    @property
    def is_downloadbaar(self) -> bool:
        return self.status in DOWNLOADBAAR and bool(self.xml)

    @property
    def is_op003(self) -> bool:
        return self.status == BerichtStatus.GEEN_BERICHTENVERKEER

    @property
    def client_naam(self) -> str:
        return self.gezinslid.volledige_naam if self.gezinslid_id and self.gezinslid else self.client_ref
