"""Beheer of tariff parameter sets: only a functioneel beheerder; a set in use is read-only (copy it)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError as DjangoValidationError
from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout
from pakketten.beheer import VersieBeheer

from .models import Parameterset
from .parameters import Parameters
from .services import kopieer_parameterset, nieuw_tariefjaar


class ParametersetForm(forms.ModelForm):
    class Meta:
        model = Parameterset
        fields = ["jaar", "geldig_vanaf", "naam", "data", "bron", "toelichting"]

    def clean(self):
        gegevens = super().clean()
        data = gegevens.get("data")
        if data is not None:
            try:
                parameters = Parameters.model_validate(data)
            except ValidationError as fout:
                raise DjangoValidationError({"data": eerste_fout(fout)}) from None
            if gegevens.get("jaar") and parameters.jaar != gegevens["jaar"]:
                self.add_error("data", "Het jaar in de parameters moet het tariefjaar zijn.")
        if self.instance.pk and self.instance.in_gebruik:
            raise DjangoValidationError("Deze set is in gebruik en kan niet worden gewijzigd; kopieer de set.")
        return gegevens


@admin.register(Parameterset)
class ParametersetAdmin(VersieBeheer, admin.ModelAdmin):
    form = ParametersetForm
    list_display = ["naam", "jaar", "geldig_vanaf", "in_gebruik", "gekopieerd_van"]
    list_filter = ["jaar", "in_gebruik"]
    readonly_fields = ["in_gebruik", "gekopieerd_van", "aangemaakt_op", "aangemaakt_door"]
    actions = ["kopieer", "volgend_tariefjaar"]

    @admin.action(description="Kopiëren naar een nieuwe, wijzigbare set (vanaf een latere datum)")
    def kopieer(self, request, queryset):
        for parameterset in queryset:
            try:
                kopie = kopieer_parameterset(parameterset=parameterset, door=request.user)
            except DjangoValidationError as fout:
                self.message_user(request, f"{parameterset}: {' '.join(fout.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"Kopie gemaakt: {kopie}.", messages.SUCCESS)

    @admin.action(description="Volgend tariefjaar starten vanaf deze set (wijzigbare kopie, waarden 'afgeleid')")
    def volgend_tariefjaar(self, request, queryset):
        # One new year per source year; the beheerder then replaces the derived values in the new set.
        for parameterset in queryset.order_by("-jaar", "-geldig_vanaf"):
            try:
                nieuw = nieuw_tariefjaar(jaar=parameterset.jaar + 1, bron=parameterset, door=request.user)
            except DjangoValidationError as fout:
                self.message_user(request, f"{parameterset}: {' '.join(fout.messages)}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Aangemaakt: {nieuw}. Controleer elke waarde en vervang haar door de bron van {nieuw.jaar}.",
                    messages.SUCCESS,
                )
