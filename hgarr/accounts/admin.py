from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm

from .models import Team, User
from .roles import CASUS_ROLLEN, ROL_LABELS, Rol


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]


class GebruikerWijzigForm(UserChangeForm):
    def clean_groups(self):
        """Separation of duties (DESIGN §1: a beheerder sees configuration, not case files): one account
        is never both functioneel beheerder and a role that opens case files."""
        groepen = self.cleaned_data.get("groups")
        namen = {g.name for g in groepen} if groepen is not None else set()
        if Rol.FUNCTIONEEL_BEHEERDER in namen and namen & {str(r) for r in CASUS_ROLLEN}:
            casus = ", ".join(ROL_LABELS[Rol(n)].lower() for n in sorted(namen & {str(r) for r in CASUS_ROLLEN}))
            raise forms.ValidationError(
                f"Een functioneel beheerder kan niet ook {casus} zijn: beheer en dossiers blijven gescheiden. "
                "Maak voor dossierwerk een apart account."
            )
        return groepen


@admin.register(User)
class HgUserAdmin(UserAdmin):
    form = GebruikerWijzigForm
    fieldsets = UserAdmin.fieldsets + (("Team", {"fields": ("team", "functie")}),)
    list_display = ["username", "first_name", "last_name", "team", "is_active"]
    list_filter = ["team", "groups", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        """A beheerder manages other accounts, never their own rights: otherwise they could give
        themselves a case role and open case files. Superuser status and loose permissions stay with
        the superuser (the roles are the only way rights are handed out)."""
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                velden += ["groups", "is_staff", "is_active", "team"]
        return velden

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False  # a beheerder cannot take over or lock out the superuser
        return super().has_change_permission(request, obj)
