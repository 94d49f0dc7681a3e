"""The privacy officer's read-only access-log screen with CSV export, and a case file's change history."""

import csv
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hgarr.accounts.roles import Rol
from hgarr.web.foutoverzicht import foutoverzicht
from hgarr.web.permissions import casus_rol_vereist, rol_vereist

from .forms import ToegangslogFilterForm
from .models import Actie, Wijziging
from .selectors import zoek_toegangslog
from .services import hash_bsn, log_toegang
from .weergave import Opmaak, tijdstip

PER_PAGINA = 50
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "|", "%")


def neutraliseer(waarde) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection, OWASP)."""
    tekst = "" if waarde is None else str(waarde)
    if tekst.startswith(FORMULE_TEKENS):
        return "'" + tekst
    return tekst


def _filter(request):
    form = ToegangslogFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_bound and form.is_valid() else {}
    criteria = {k: v for k, v in criteria.items() if v}
    if criteria.get("bsn"):
        criteria["subject"] = hash_bsn(criteria.pop("bsn"))
    return form, criteria


def _zonder_bsn(request):
    """A search by BSN is posted; it continues as a GET with the BSN's hash instead of the number."""
    form = ToegangslogFilterForm(request.POST)
    if not form.is_valid():
        return form
    data = {k: v for k, v in form.cleaned_data.items() if v and k != "bsn"}
    if form.cleaned_data.get("bsn"):
        data["subject"] = hash_bsn(form.cleaned_data["bsn"])
    return redirect(f"{reverse('audit:toegangslog')}?{urlencode(data)}" if data else reverse("audit:toegangslog"))


def _omschrijving(criteria: dict) -> str:
    delen = [f"{k}={v}" for k, v in criteria.items() if k != "subject"]
    if criteria.get("subject"):
        delen.append("betrokkene (gehasht BSN)")
    return ("filter: " + ", ".join(delen))[:200] if delen else "zonder filter"


@require_http_methods(["GET", "POST"])
@rol_vereist(Rol.PRIVACYFUNCTIONARIS)
def toegangslog(request):
    if request.method == "POST":
        resultaat = _zonder_bsn(request)
        if not isinstance(resultaat, ToegangslogFilterForm):
            return resultaat
        form, criteria = resultaat, {}
    else:
        form, criteria = _filter(request)
    # Looking at the log is itself an access (NEN 7513): with the subject searched for, if any.
    log_toegang(
        request,
        actie=Actie.ZOEKEN if criteria else Actie.BEKIJKEN,
        objecttype="toegangslog",
        detail=_omschrijving(criteria),
        subject_hashes=[criteria["subject"]] if criteria.get("subject") else [],
    )
    regels = zoek_toegangslog(**criteria) if not form.errors else zoek_toegangslog().none()
    pagina = Paginator(regels, PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "audit/toegangslog.html",
        {
            "form": form,
            "pagina": pagina,
            "querystring": querystring.urlencode(),
            "criteria": criteria,
            "forms_with_errors": (fouten := foutoverzicht(form)),
            "error_count": len(fouten),
        },
        status=400 if form.errors else 200,
    )


KOLOMMEN = ["tijdstip", "gebruiker", "rol", "team", "actie", "objecttype", "object_id", "subject_hashes",
            "uitkomst", "ip_adres", "detail"]


class _Echo:
    def write(self, value):
        return value


@require_GET
@rol_vereist(Rol.PRIVACYFUNCTIONARIS)
def toegangslog_export(request):
    form, criteria = _filter(request)
    regels = zoek_toegangslog(**criteria) if not form.errors else zoek_toegangslog().none()
    log_toegang(
        request,
        actie=Actie.EXPORTEREN,
        objecttype="toegangslog",
        detail=_omschrijving(criteria),
        subject_hashes=[criteria["subject"]] if criteria.get("subject") else [],
    )
    schrijver = csv.writer(_Echo(), delimiter=";")
    tz = timezone.get_current_timezone()

    def rijen():
        yield "\ufeff" + schrijver.writerow(KOLOMMEN)
        for r in regels.iterator(chunk_size=2000):
            yield schrijver.writerow(
                neutraliseer(w)
                for w in (
                    r.tijdstip.astimezone(tz).isoformat(timespec="seconds"), r.gebruikersnaam, r.rol, r.team,
                    r.actie, r.objecttype, r.object_id, " ".join(r.subject_hashes or []), r.uitkomst,
                    r.ip_adres or "", r.detail,
                )
            )

    response = StreamingHttpResponse(rijen(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{timezone.localdate():%Y%m%d}.csv"'
    return response


@require_GET
@casus_rol_vereist
def geschiedenis_huishouden(request, pk):
    from indicatie.huishoudens.selectors import huishouden_voor  # case files scope by team there

    huishouden = huishouden_voor(request.user, pk)
    log_toegang(
        request,
        actie=Actie.BEKIJKEN,
        objecttype="huishouden",
        object_id=huishouden.pk,
        bsns=[lid.bsn for lid in huishouden.leden.all()],
        detail="wijzigingsgeschiedenis",
    )
    wijzigingen = Paginator(Wijziging.objects.filter(huishouden_id=huishouden.pk), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    opmaak = Opmaak(wijzigingen)
    for w in wijzigingen:
        w.wie, w.wat, w.regels, w.wanneer = opmaak.wie(w), opmaak.wat(w), opmaak.regels(w), tijdstip(w.tijdstip)
    return render(request, "audit/geschiedenis.html", {"huishouden": huishouden, "pagina": wijzigingen})
