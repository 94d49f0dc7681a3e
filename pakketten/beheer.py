"""Admin rules shared by the versioned tables (``pakketten``) and the tariff parameter sets (``tarieven``):
only a functioneel beheerder manages them, and a version in use is read-only."""

from hgarr.accounts.roles import Rol


def is_functioneel_beheerder(request) -> bool:
    user = request.user
    return user.is_active and (user.is_superuser or user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER))


class VersieBeheer:
    """Mixin for a ``ModelAdmin`` of a model with ``in_gebruik``, ``aangemaakt_door``: put it before
    ``admin.ModelAdmin``."""

    def has_module_permission(self, request):
        return is_functioneel_beheerder(request)

    def has_view_permission(self, request, obj=None):
        return is_functioneel_beheerder(request)

    def has_add_permission(self, request):
        return is_functioneel_beheerder(request)

    def has_change_permission(self, request, obj=None):
        return is_functioneel_beheerder(request) and not (obj is not None and obj.in_gebruik)

    def has_delete_permission(self, request, obj=None):
        return is_functioneel_beheerder(request) and not (obj is not None and obj.in_gebruik)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.aangemaakt_door = request.user
        super().save_model(request, obj, form, change)
