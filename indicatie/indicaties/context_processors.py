"""Worklist counts for the navigation (issue 5 §6); evaluated lazily, only when the nav renders."""

from .selectors import tellingen_voor


def werklijst(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated or not user.werkt_met_casussen:
        return {}
    return {"werklijst_tellingen": tellingen_voor(request)}
