"""Request context for the audit trail, and logging of denied access to case files.

- Sets the acting user for the change history and remembers posted names for the log filter.
- Writes access-log rows queued during a transaction that rolled back (services.schrijf_wachtrij).
- A case-file view that refuses access (403 for a missing role, 404 for another team's file) writes a
  row with outcome "geweigerd", unless the view logged the refusal itself.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from hgarr.logging_filters import NAAMVELDEN, namen_in_verzoek, onthoud_naam

from .context import huidige_gebruiker
from .models import Actie, Uitkomst
from .services import log_toegang, schrijf_wachtrij

# URL namespace -> object type in the log. Only these views show case files.
CASUS_NAMESPACES = {
    "huishoudens": "huishouden",
    "taxaties": "taxatie",
    "indicaties": "indicatie",
    "beschikkingen": "beschikking",
    "toewijzingen": "toewijzing",
    "geschiedenis": "huishouden",
}


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if namen_in_verzoek.get() is None:
            namen_in_verzoek.set(set())
        huidige_gebruiker.set(request.user)
        if request.method == "POST":
            for sleutel, waarden in request.POST.lists():
                if sleutel.rsplit("-", 1)[-1] in NAAMVELDEN:
                    onthoud_naam(*waarden)
        try:
            return self.get_response(request)
        finally:
            schrijf_wachtrij()

    def process_exception(self, request, exception):
        if not isinstance(exception, PermissionDenied | Http404) or getattr(request, "_hgarr_weigering_gelogd", False):
            return None
        match = getattr(request, "resolver_match", None)
        namespace = match.namespaces[0] if match and match.namespaces else ""
        if namespace not in CASUS_NAMESPACES or not request.user.is_authenticated:
            return None
        object_id = match.kwargs.get("pk") or next(iter(match.kwargs.values()), "")
        log_toegang(
            request,
            actie=Actie.BEKIJKEN if request.method in ("GET", "HEAD") else Actie.WIJZIGEN,
            objecttype=CASUS_NAMESPACES[namespace],
            object_id=object_id,
            uitkomst=Uitkomst.GEWEIGERD,
            detail=f"{match.view_name} ({'404' if isinstance(exception, Http404) else '403'})",
        )
        return None
