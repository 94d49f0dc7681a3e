"""Tariff parameter sets per tariff year (issue 3 §2). The content is JSON validated by
``tarieven.parameters.Parameters``; a set used by a decided indication is frozen (copy it to change)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Parameterset(models.Model):
    jaar = models.PositiveSmallIntegerField("tariefjaar")
    geldig_vanaf = models.DateField(
        "geldig vanaf", help_text="Binnen het tariefjaar; een kopie geldt vanaf een latere datum."
    )
    naam = models.CharField("naam", max_length=200)
    data = models.JSONField("parameters", help_text="Gevalideerd met het pydantic-schema Parameters.")
    bron = models.CharField("bron", max_length=300, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    in_gebruik = models.BooleanField(
        "in gebruik", default=False,
        help_text="Gebruikt door een vastgestelde indicatie: niet meer te wijzigen (kopieer de set om te wijzigen).",
    )
    gekopieerd_van = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="kopieen")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-jaar", "-geldig_vanaf"]
        constraints = [models.UniqueConstraint(fields=["jaar", "geldig_vanaf"], name="uniek_parameterset_per_datum")]
        verbose_name = "tariefparameterset"
        verbose_name_plural = "tariefparametersets"

    def __str__(self) -> str:
        return f"{self.naam} (tariefjaar {self.jaar}, vanaf {self.geldig_vanaf:%d-%m-%Y})"

    def clean(self):
        if self.geldig_vanaf and self.jaar and self.geldig_vanaf.year != self.jaar:
            raise ValidationError({"geldig_vanaf": "De datum moet in het tariefjaar liggen."})

    @classmethod
    def geldig_op(cls, peildatum: date) -> "Parameterset | None":
        """The set of the tariff year of ``peildatum`` with the latest start on or before it."""
        return (cls.objects.filter(jaar=peildatum.year, geldig_vanaf__lte=peildatum)
                .order_by("-geldig_vanaf").first())
