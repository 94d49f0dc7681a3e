"""Beheer of the versioned tables (catalogue, decision table): only a functioneel beheerder; the content
is validated with the table's pydantic schema; a version in use is read-only (add a new version)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError as DjangoValidationError
from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout

from .beheer import VersieBeheer
from .models import Tabelversie
from .tabellen import valideer


class TabelversieForm(forms.ModelForm):
    class Meta:
        model = Tabelversie
        fields = ["soort", "geldig_vanaf", "data", "bron", "toelichting"]

    def clean(self):
        gegevens = super().clean()
        if self.instance.pk and self.instance.in_gebruik:
            raise DjangoValidationError(
                "Deze versie is in gebruik en kan niet worden gewijzigd; maak een nieuwe versie."
            )
        soort, data = gegevens.get("soort"), gegevens.get("data")
        if soort and data is not None:
            try:
                valideer(soort, data)
            except ValidationError as fout:
                self.add_error("data", eerste_fout(fout))
            except (ImportError, KeyError):
                self.add_error("soort", "Voor deze soort tabel is geen schema.")
        return gegevens


@admin.register(Tabelversie)
class TabelversieAdmin(VersieBeheer, admin.ModelAdmin):
    form = TabelversieForm
    list_display = ["soort", "geldig_vanaf", "in_gebruik", "bron"]
    list_filter = ["soort", "in_gebruik"]
    readonly_fields = ["in_gebruik", "aangemaakt_op", "aangemaakt_door"]
