"""The functioneel beheerder manages aanbieders (DESIGN.md §1); an aanbieder used by a version is never
deleted (set it inactive instead)."""

from django import forms
from django.contrib import admin

from .models import Aanbieder, Perceel


def is_functioneel_beheerder(request) -> bool:
    user = request.user
    return bool(user.is_active and user.is_staff and user.is_beheerder)


class AanbiederForm(forms.ModelForm):
    percelen = forms.MultipleChoiceField(
        label="Gecontracteerde percelen", choices=Perceel.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Aanbieder
        fields = ["naam", "agb_code", "percelen", "actief"]


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    form = AanbiederForm
    list_display = ["naam", "agb_code", "percelen_tekst", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam", "agb_code"]

    @admin.display(description="percelen")
    def percelen_tekst(self, obj):
        return ", ".join(obj.percelen_labels)

    def has_module_permission(self, request):
        return is_functioneel_beheerder(request)

    def has_view_permission(self, request, obj=None):
        return is_functioneel_beheerder(request)

    def has_add_permission(self, request):
        return is_functioneel_beheerder(request)

    def has_change_permission(self, request, obj=None):
        return is_functioneel_beheerder(request)

    def has_delete_permission(self, request, obj=None):
        return is_functioneel_beheerder(request) and not (obj is not None and obj.versies.exists())
