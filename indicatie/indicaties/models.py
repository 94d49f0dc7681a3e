"""The indication lifecycle (issue 5; R13, R20, DESIGN.md §3).

An ``Indicatie`` is a chain of ``Indicatieversie`` rows. A version holds what was indicated (perceel,
pakket, maatwerk, vrije trede, aanbieder, period, the participating members), what it rests on (the
taxatie and the motivation) and the begroting as the engine computed it, with the tariff parameter set
it used. Statuses: concept -> ter beoordeling -> vastgesteld or afgewezen (or ingetrokken by the author).

A decided version is never edited. The only thing that changes on it later is its *effective* end
(``geldig_tot``): when a later version takes over from a date (op-/afschalen) or the indication is ended
early, the decided version stops applying the day before. What was decided (``ingangsdatum``,
``einddatum``, the begroting) stays as it was.

Writes happen in ``services.py`` only; reads in ``selectors.py``.
"""

from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from indicatie.taxaties.models import Pakket, Perceel, Veiligheid

from .beeindiging import Beeindigingsreden, in_de_brief
from .beeindiging import label as beeindigingsreden_label

__all__ = [
    "Aanbieder",
    "Afwijzing",
    "Advies",
    "Beeindigingsreden",
    "Evaluatie",
    "Indicatie",
    "Indicatieversie",
    "Pakket",
    "Perceel",
    "Soort",
    "VersieStatus",
    "Veiligheid",
]

agb_validator = RegexValidator(r"^\d{8}$", "De AGB-code bestaat uit precies 8 cijfers.")


class Aanbieder(models.Model):
    """A contracted care provider (zorgaanbieder) and the percelen it is contracted for."""

    naam = models.CharField("naam", max_length=200)
    agb_code = models.CharField("AGB-code", max_length=8, unique=True, validators=[agb_validator])
    percelen = models.JSONField(
        "gecontracteerde percelen",
        default=list,
        blank=True,
        help_text="Waarden: extramuraal, semimuraal, intramuraal.",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"

    def __str__(self) -> str:
        return f"{self.naam} (AGB {self.agb_code})"

    def is_gecontracteerd_voor(self, perceel: str) -> bool:
        return perceel in (self.percelen or [])

    @property
    def percelen_labels(self) -> list[str]:
        return [Perceel(p).label for p in self.percelen if p in Perceel.values]


class VersieStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_BEOORDELING = "ter_beoordeling", "Ter beoordeling"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


OPEN_STATUSSEN = (VersieStatus.CONCEPT, VersieStatus.TER_BEOORDELING)


class Afwijzing(models.TextChoices):
    """What a rejection (status afgewezen) means. Sending back is internal: no letter, the author revises
    and resubmits. Refusing the application is the formal decision on the citizen's request (a first
    indication or an extension): refusal letters, and that version is not offered for revision."""

    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd naar de indicatiesteller"
    AANVRAAG_AFGEWEZEN = "aanvraag_afgewezen", "Aanvraag afgewezen"


class Soort(models.TextChoices):
    """What a version does; the same values as the ``soort`` of the ``versie_vastgesteld`` signal."""

    TOEKENNING = "toekenning", "Toekenning"
    WIJZIGING = "wijziging", "Wijziging (op-/afschalen)"
    BEEINDIGING = "beeindiging", "Beëindiging"
    VERLENGING = "verlenging", "Verlenging (herindicatie)"


class Indicatie(models.Model):
    huishouden = models.ForeignKey("huishoudens.Huishouden", on_delete=models.PROTECT, related_name="indicaties")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(default=timezone.now, db_index=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Optimistic lock: every write to the indication or one of its versions raises it by one. A form
    # carries the value it was shown with; a write with an older value is refused (issue 5 §7).
    revisie = models.PositiveIntegerField(default=0)
    # Kept in step by the services from the decided versions, so the worklist needs no joins.
    ingangsdatum = models.DateField("ingangsdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True, db_index=True)
    beeindigd = models.BooleanField("vervroegd beëindigd", default=False)
    volgende_evaluatie_op = models.DateField("volgende evaluatie", null=True, blank=True, db_index=True)
    # R20: the one person who keeps regie over the family. Only a casusregisseur of the household's
    # team (services.wijs_casusregisseur_toe); PROTECT like the other user links: users are
    # deactivated, not deleted, and a silent SET_NULL would leave no trace in the change history.
    casusregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="casusregisseur",
    )

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = "indicatie"
        verbose_name_plural = "indicaties"

    def __str__(self) -> str:
        return f"Indicatie {self.pk}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.ingangsdatum is not None

    def status_op(self, peildatum: date | None = None) -> str:
        """A short Dutch status for lists; the version statuses live on the versions."""
        peildatum = peildatum or date.today()
        if not self.is_vastgesteld:
            # A formally refused application is an outcome, not something still to be decided.
            if self.versies.filter(status=VersieStatus.AFGEWEZEN, afwijzing=Afwijzing.AANVRAAG_AFGEWEZEN).exists():
                return "Aanvraag afgewezen"
            return "Nog niet vastgesteld"
        if self.beeindigd and self.einddatum and self.einddatum < peildatum:
            return "Beëindigd"
        if self.einddatum and self.einddatum < peildatum:
            return "Afgelopen"
        if self.ingangsdatum > peildatum:
            return "Toegekend, nog niet gestart"
        return "Lopend"


class Indicatieversie(models.Model):
    indicatie = models.ForeignKey(Indicatie, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveSmallIntegerField("versienummer")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.TOEKENNING)
    status = models.CharField("status", max_length=20, choices=VersieStatus.choices, default=VersieStatus.CONCEPT)
    # The decided version this one changes, ends or extends (None for the first toekenning).
    vorige_versie = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="volgende_versies"
    )

    # What is indicated.
    perceel = models.CharField("perceel", max_length=20, choices=Perceel.choices)
    pakket = models.CharField("pakket", max_length=4, choices=Pakket.choices)
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="versies", verbose_name="aanbieder")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    gemeente = models.CharField("gemeente", max_length=80, default="Rotterdam")
    # Snapshot of the members as the engine saw them, so a decided version can always be recomputed:
    # [{"ref": "lid-12", "gezinslid_id": 12, "geboortedatum": "2015-04-01", "rollen": [...],
    #   "doet_mee": true, "verblijft_in_voorziening": false}, ...]
    leden = models.JSONField("deelnemende gezinsleden", default=list)
    # [{"product": "dagbesteding", "trede": 2, "ref": "lid-12"}, ...]  (R7)
    maatwerk = models.JSONField("maatwerk", default=list, blank=True)
    # {"wmo_per_week": "250.00", "jeugd_per_week": "100.00", "motivering": "..."} or None (R3)
    vrije_trede = models.JSONField("vrije trede", null=True, blank=True)
    bestaande_wmo_verblijf = models.BooleanField("bestaande Wmo semi-/intramurale ondersteuning (R11)", default=False)

    # What it rests on.
    taxatie = models.ForeignKey(
        "taxaties.Taxatie", on_delete=models.PROTECT, null=True, blank=True, related_name="indicatieversies"
    )
    motivering = models.TextField("motivering")
    # Ending early: the category the letter states (Awb 3:46), and the casusregisseur's internal note,
    # which can hold the case story and never goes into a letter. Empty category: ended before it existed.
    beeindigingsreden = models.CharField(
        "reden van beëindiging", max_length=40, choices=Beeindigingsreden.choices, blank=True, default=""
    )
    reden_beeindiging = models.TextField("interne toelichting bij de beëindiging", blank=True)

    # The begroting as the engine computed it (tarieven.engine.uitvoer.Begroting as JSON) and the
    # parameter set it used: a later tariff change never alters a decided budget.
    begroting = models.JSONField("begroting", null=True, blank=True)
    parameterset = models.ForeignKey(
        "tarieven.Parameterset", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    begroting_berekend_op = models.DateTimeField(null=True, blank=True)

    # The period in which this decided version applies; set when it is decided, and its end is
    # brought forward when a later version takes over or the indication is ended early. A
    # beëindiging version has no period of its own (it shortens the previous one).
    geldig_vanaf = models.DateField("geldig vanaf", null=True, blank=True)
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)

    # Who and when (four eyes, issue 5 §3).
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    bewerkers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(null=True, blank=True)
    beslisser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beslist_op = models.DateTimeField(null=True, blank=True)
    # Internal remark of the beslisser for the author (never in a letter).
    afwijzingsreden = models.TextField("interne toelichting bij het terugsturen of afwijzen", blank=True)
    afwijzing = models.CharField("soort afwijzing", max_length=20, choices=Afwijzing.choices, blank=True, default="")
    # Only for a formal refusal: the reason written for the citizen, which the refusal letter states.
    afwijzingsreden_aanvrager = models.TextField("reden van afwijzing voor de aanvrager", blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["indicatie_id", "nummer"]
        verbose_name = "indicatieversie"
        verbose_name_plural = "indicatieversies"
        constraints = [
            models.UniqueConstraint(fields=["indicatie", "nummer"], name="versienummer_uniek_per_indicatie"),
            # At most one version in progress per indication: a second re-scaling waits for the first.
            models.UniqueConstraint(
                fields=["indicatie"],
                condition=Q(status__in=["concept", "ter_beoordeling"]),
                name="een_open_versie_per_indicatie",
            ),
            models.CheckConstraint(condition=Q(einddatum__gte=models.F("ingangsdatum")), name="versie_einde_na_begin"),
            models.CheckConstraint(
                condition=Q(geldig_vanaf__isnull=True) | Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="versie_geldig_tot_na_vanaf",
            ),
            # No two decided versions of one indication overlap in time: on PostgreSQL an exclusion
            # constraint (migration 0002); on SQLite the service guards it (services._controleer_overlap).
        ]
        indexes = [
            models.Index(fields=["status", "indicatie"], name="versie_status_indicatie"),
            models.Index(fields=["auteur", "status"], name="versie_auteur_status"),
        ]

    def __str__(self) -> str:
        return f"Versie {self.nummer} van indicatie {self.indicatie_id} ({self.get_status_display().lower()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == VersieStatus.VASTGESTELD

    @property
    def is_teruggestuurd(self) -> bool:
        return self.status == VersieStatus.AFGEWEZEN and self.afwijzing != Afwijzing.AANVRAAG_AFGEWEZEN

    @property
    def is_aanvraag_afgewezen(self) -> bool:
        return self.status == VersieStatus.AFGEWEZEN and self.afwijzing == Afwijzing.AANVRAAG_AFGEWEZEN

    @property
    def status_label(self) -> str:
        """The status in words; a rejection says whether it went back internally or was refused."""
        if self.status == VersieStatus.AFGEWEZEN:
            return "Aanvraag afgewezen" if self.is_aanvraag_afgewezen else "Teruggestuurd naar de indicatiesteller"
        return self.get_status_display()

    @property
    def heeft_eigen_periode(self) -> bool:
        return self.geldig_vanaf is not None

    @property
    def omschrijving(self) -> str:
        if self.pakket == Pakket.VRIJ:
            return f"{Perceel(self.perceel).label}, vrije trede"
        return f"{Perceel(self.perceel).label}, {Pakket(self.pakket).label}"

    @property
    def beeindigingsreden_label(self) -> str:
        return beeindigingsreden_label(self.beeindigingsreden)

    @property
    def beeindigingsreden_in_de_brief(self) -> str:
        return in_de_brief(self.beeindigingsreden)

    @property
    def refs(self) -> list[str]:
        return [lid["ref"] for lid in self.leden]

    def totaal_per_week(self):
        from decimal import Decimal

        if not self.begroting:
            return None
        return Decimal(str(self.begroting.get("totaal_per_week", "0")))


class Advies(models.TextChoices):
    VOORTZETTEN = "voortzetten", "Voortzetten"
    OPSCHALEN = "opschalen", "Opschalen"
    AFSCHALEN = "afschalen", "Afschalen"
    BEEINDIGEN = "beeindigen", "Beëindigen"


class Evaluatie(models.Model):
    """An evaluation moment of the casusregisseur (R20): is it still safe, is the help working."""

    indicatie = models.ForeignKey(Indicatie, on_delete=models.CASCADE, related_name="evaluaties")
    datum = models.DateField("evaluatiedatum")
    veiligheid = models.CharField("huidige veiligheid", max_length=30, choices=Veiligheid.choices)
    voortgang = models.TextField("voortgang op de doelen")
    advies = models.CharField("advies", max_length=20, choices=Advies.choices)
    toelichting = models.TextField("toelichting", blank=True)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"

    def __str__(self) -> str:
        return f"Evaluatie {self.datum:%d-%m-%Y} van indicatie {self.indicatie_id}"
