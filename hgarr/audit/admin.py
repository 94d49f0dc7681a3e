from django.contrib import admin

from .models import ToegangslogRegel, Wijziging


@admin.register(ToegangslogRegel)
class ToegangslogAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruikersnaam", "actie", "objecttype", "object_id", "uitkomst"]
    list_filter = ["actie", "uitkomst"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Wijziging)
class WijzigingAdmin(admin.ModelAdmin):
    """Read-only: the change history is written by signals, never by hand."""

    list_display = ["tijdstip", "gebruikersnaam", "soort", "objecttype", "object_id", "huishouden_id"]
    list_filter = ["soort", "objecttype"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
