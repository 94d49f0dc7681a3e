from hgarr.accounts.roles import ROL_LABELS


def navigatie(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {
        "mijn_rollen": [label for rol, label in ROL_LABELS.items() if user.heeft_rol(rol)],
    }
