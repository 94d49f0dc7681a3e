"""Versioned reference tables of the catalogue (DESIGN.md §3): the pakket catalogue and the
decision table for the proposal. A table is valid from a date; a change is a new version from a
later date, never an edit of a version that is in use."""

from datetime import date

from django.conf import settings
from django.db import models


class Tabelsoort(models.TextChoices):
    CATALOGUS = "catalogus", "Pakketcatalogus"
    BESLISTABEL = "beslistabel", "Beslistabel voorstel"


class Tabelversie(models.Model):
    soort = models.CharField(max_length=20, choices=Tabelsoort.choices)
    geldig_vanaf = models.DateField("geldig vanaf")
    data = models.JSONField("inhoud", help_text="Gevalideerd met het pydantic-schema van deze soort.")
    bron = models.CharField("bron", max_length=300, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    in_gebruik = models.BooleanField(
        "in gebruik", default=False, help_text="Een versie die in gebruik is, kan niet meer worden gewijzigd."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["soort", "-geldig_vanaf"]
        constraints = [models.UniqueConstraint(fields=["soort", "geldig_vanaf"], name="uniek_tabel_per_datum")]
        verbose_name = "tabelversie"
        verbose_name_plural = "tabelversies"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}"

    @classmethod
    def geldig_op(cls, soort: str, peildatum: date) -> "Tabelversie | None":
        return cls.objects.filter(soort=soort, geldig_vanaf__lte=peildatum).order_by("-geldig_vanaf").first()
