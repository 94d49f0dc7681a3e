"""Access log of case files (NEN 7513 style): who saw what, when, allowed or denied; and the change
history of case files (who changed what, old and new values).

The access log is append-only: the model refuses updates and deletes, the admin shows it read-only,
and on PostgreSQL a trigger (migration 0002) refuses UPDATE and DELETE on the table.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from hgarr.accounts.roles import ROL_LABELS


class Actie(models.TextChoices):
    BEKIJKEN = "bekijken", "Bekijken"
    ZOEKEN = "zoeken", "Zoeken"
    WIJZIGEN = "wijzigen", "Wijzigen"
    AANMAKEN = "aanmaken", "Aanmaken"
    AFDRUKKEN = "afdrukken", "Afdrukken"
    DOWNLOADEN = "downloaden", "Downloaden"
    EXPORTEREN = "exporteren", "Exporteren"
    ANONIMISEREN = "anonimiseren", "Anonimiseren"


class Uitkomst(models.TextChoices):
    TOEGESTAAN = "toegestaan", "Toegestaan"
    GEWEIGERD = "geweigerd", "Geweigerd"


class AlleenToevoegenFout(Exception):
    """The access log cannot be changed or deleted."""


class AlleenToevoegenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AlleenToevoegenFout("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise AlleenToevoegenFout("Het toegangslog kan niet worden verwijderd.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AlleenToevoegenFout("Het toegangslog kan niet worden gewijzigd.")


# What the object types written by the views mean, for the privacy officer's screen.
OBJECTTYPE_LABELS = {
    "huishouden": "Huishouden",
    "taxatie": "Taxatie",
    "taxaties": "Taxaties van een huishouden",
    "indicatie": "Indicatie",
    "beschikking": "Beschikking",
    "beschikkingen_huishouden": "Beschikkingen van een huishouden",
    "jeugdbrief_bevestiging": "Bevestiging jeugdbrief aan pleger",
    "afdrukopdracht": "Afdrukopdracht",
    "toewijzingsbericht": "Toewijzingsbericht (301)",
    "toewijzingsberichten_versie": "Toewijzingsberichten van een versie",
    "toewijzingsberichten_dag": "Toewijzingsberichten van een dag",
    "toegangslog": "Toegangslog",
}


class ToegangslogRegel(models.Model):
    # Set when the action happened (also when the row is written after the request's transaction).
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    # No database constraint: the log outlives users, and is written outside the request transaction.
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150, blank=True)
    rol = models.CharField("rol", max_length=200, blank=True)
    team = models.CharField("team", max_length=100, blank=True)
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    objecttype = models.CharField("soort object", max_length=50)
    object_id = models.CharField("object-ID", max_length=50, blank=True)
    # Keyed hash of the subject's BSN (never the BSN itself): lets a privacy officer find every
    # access to one person without the log holding the number.
    subject_hashes = models.JSONField("betrokkenen (gehashte BSN's)", default=list, blank=True)
    uitkomst = models.CharField("uitkomst", max_length=12, choices=Uitkomst.choices)
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    detail = models.CharField("toelichting", max_length=200, blank=True)

    objects = AlleenToevoegenQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M:%S} {self.gebruikersnaam or '-'} {self.actie} {self.objecttype}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AlleenToevoegenFout("Het toegangslog kan niet worden gewijzigd.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegenFout("Het toegangslog kan niet worden verwijderd.")

    @property
    def rollen_weergave(self) -> str:
        """The stored role keys as the privacy officer knows them ("Beslisser, Casusregisseur")."""
        return ", ".join(ROL_LABELS.get(r, r) for r in self.rol.split(",") if r)

    @property
    def objecttype_weergave(self) -> str:
        return OBJECTTYPE_LABELS.get(self.objecttype, self.objecttype.replace("_", " ").capitalize())


class Wijziging(models.Model):
    """One change of a registered model (see hgarr/audit/geschiedenis.py): who, when, old and new."""

    class Soort(models.TextChoices):
        AANGEMAAKT = "aangemaakt", "Aangemaakt"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        VERWIJDERD = "verwijderd", "Verwijderd"

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    gebruikersnaam = models.CharField(max_length=150, blank=True)
    soort = models.CharField(max_length=12, choices=Soort.choices)
    objecttype = models.CharField(max_length=100, help_text="app_label.model")
    object_id = models.CharField(max_length=50)
    omschrijving = models.CharField(max_length=200, blank=True)
    # The household the object belongs to, so one screen shows the history of a whole case file.
    huishouden_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # {veld: [oud, nieuw]}
    velden = models.JSONField(default=dict)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = "wijziging"
        verbose_name_plural = "wijzigingen"
        indexes = [models.Index(fields=["objecttype", "object_id"])]

    def __str__(self) -> str:
        return f"{self.soort} {self.objecttype} {self.object_id}"


class Anonimisering(models.Model):
    """A household anonymised by the retention command (``manage.py bewaartermijn --anonimiseer``)."""

    huishouden_id = models.BigIntegerField(unique=True)
    tijdstip = models.DateTimeField(default=timezone.now)
    laatste_einde = models.DateField(help_text="Einde van de laatste indicatie (of laatste wijziging).")
    bewaartermijn_jaren = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = "anonimisering"
        verbose_name_plural = "anonimiseringen"

    def __str__(self) -> str:
        return f"Huishouden {self.huishouden_id} geanonimiseerd"
