"""Role checks for views. Team scoping is not here: that lives in the selectors."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from hgarr.accounts.roles import CASUS_ROLLEN


def rol_vereist(*rollen):
    """Allow the view only for active users with one of ``rollen`` (and a team, for case roles)."""
    nodig = {str(r) for r in rollen}

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated or not user.heeft_rol(*nodig):
                raise PermissionDenied("U heeft geen rol die dit mag.")
            if nodig & {str(r) for r in CASUS_ROLLEN} and not user.team_id:
                raise PermissionDenied("U hoort niet bij een team.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


casus_rol_vereist = rol_vereist(*CASUS_ROLLEN)
