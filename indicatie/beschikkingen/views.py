"""Letter screens: the team's letters with batch printing, a household's letters, the download of one
letter and of a batch (issue 6 §4–5). Thin: selectors scope to the team, services write."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hgarr.accounts.roles import Rol
from hgarr.audit.models import Actie, Uitkomst
from hgarr.audit.services import log_toegang
from hgarr.web.permissions import casus_rol_vereist, rol_vereist
from indicatie.huishoudens.selectors import huishouden_voor

from . import selectors, services
from .models import IntegriteitsFout, OpdrachtStatus, Soort


class FilterForm(forms.Form):
    van = forms.DateField(label="Uitgegeven vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    soort = forms.ChoiceField(label="Soort", required=False, choices=[("", "Alle soorten"), *Soort.choices])


def _pdf_antwoord(data: bytes, bestandsnaam: str) -> HttpResponse:
    antwoord = HttpResponse(data, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    antwoord["Content-Length"] = str(len(data))
    antwoord["Cache-Control"] = "no-store"  # a letter is never kept in a browser or proxy cache
    antwoord["Pragma"] = "no-cache"
    return antwoord


def _vereis_casusrol(request, objecttype: str, object_id) -> None:
    """Role check with a log row when refused (the decorator alone would not log it)."""
    user = request.user
    if not (user.is_authenticated and user.werkt_met_casussen):
        log_toegang(request, actie=Actie.DOWNLOADEN, objecttype=objecttype, object_id=object_id,
                    uitkomst=Uitkomst.GEWEIGERD, detail="geen casusrol of geen team")
        raise PermissionDenied("U heeft geen rol die beschikkingen mag inzien.")


def _eigen_of_404(request, actie: Actie, objecttype: str, pk, ophalen):
    """``ophalen(user, pk)``, with a log row when it is another team's or unknown (404)."""
    try:
        return ophalen(request.user, pk)
    except Http404:
        log_toegang(request, actie=actie, objecttype=objecttype, object_id=pk,
                    uitkomst=Uitkomst.GEWEIGERD, detail="niet van het eigen team of onbekend")
        raise


@casus_rol_vereist
@require_GET
def lijst(request):
    vandaag = timezone.localdate()
    data = request.GET if request.GET else {"van": vandaag, "tot": vandaag}
    form = FilterForm(data)
    filters = form.cleaned_data if form.is_valid() else {"van": vandaag, "tot": vandaag, "soort": ""}
    beschikkingen = list(selectors.beschikkingen_gefilterd(request.user, **filters)[:500])
    log_toegang(request, actie=Actie.ZOEKEN, objecttype="beschikking", detail=f"{len(beschikkingen)} beschikkingen")
    context = {
        "form": form,
        "beschikkingen": beschikkingen,
        "opdrachten": selectors.opdrachten_voor(request.user)[:5],
        "vandaag": vandaag,
    }
    return render(request, "beschikkingen/lijst.html", context)


@casus_rol_vereist
@require_http_methods(["GET", "POST"])
def huishouden(request, pk):
    h = huishouden_voor(request.user, pk)
    if request.method == "POST":
        corrigeer = request.POST.get("corrigeer", "")
        if not corrigeer.isdigit():
            raise Http404("Geen beschikking gekozen.")
        return _corrigeer(request, h.pk, int(corrigeer))
    leden = list(h.leden.all())
    beschikkingen = list(selectors.beschikkingen_van_huishouden(request.user, h.pk))
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="beschikkingen_huishouden", object_id=h.pk,
                bsns=[lid.bsn for lid in leden])
    problemen = selectors.problemen_open_versies(huishouden=h, door=request.user)
    bevestigd = selectors.bevestigde_plegers(leden)
    plegers = [lid for lid in leden if "pleger" in (lid.rollen or []) and lid.heeft_gezag]
    context = {
        "huishouden": h,
        "beschikkingen": beschikkingen,
        "problemen": problemen,
        "plegers": [(lid, lid.pk in bevestigd) for lid in plegers],
        "mag_bevestigen": request.user.heeft_rol(Rol.INDICATIESTELLER),
    }
    return render(request, "beschikkingen/huishouden.html", context)


@rol_vereist(Rol.INDICATIESTELLER)
@require_POST
def bevestig_pleger(request, pk, lid_pk):
    h = huishouden_voor(request.user, pk)
    lid = next((lid for lid in h.leden.all() if lid.pk == int(lid_pk)), None)
    if lid is None:
        raise Http404("Gezinslid niet gevonden.")
    try:
        uitkomst = services.bevestig_jeugdbrief_aan_pleger(
            gezinslid=lid, door=request.user, toelichting=request.POST.get("toelichting", "")
        )
    except services.BeschikkingFout as fout:
        messages.error(request, str(fout))
        return redirect("beschikkingen:huishouden", pk=h.pk)
    log_toegang(request, actie=Actie.WIJZIGEN, objecttype="jeugdbrief_bevestiging", object_id=lid.pk,
                bsns=[lid.bsn])
    for b in uitkomst.uitgegeven:
        log_toegang(request, actie=Actie.AANMAKEN, objecttype="beschikking", object_id=b.pk,
                    bsns=[b.client.bsn, lid.bsn], detail=f"exemplaar voor bevestigde ouder: {b.kenmerk}")
    if uitkomst.uitgegeven:
        kenmerken = ", ".join(b.kenmerk for b in uitkomst.uitgegeven)
        messages.success(
            request,
            f"Bevestigd: {lid.volledige_naam} krijgt de beschikking Jeugdwet op het eigen adres. Het exemplaar "
            f"van het lopende besluit is nu uitgegeven ({kenmerken}); u vindt het hieronder om af te drukken.",
        )
    else:
        messages.success(
            request,
            f"Bevestigd: {lid.volledige_naam} krijgt voortaan bij elk besluit een exemplaar van de beschikking "
            "Jeugdwet op het eigen adres. Er is nu geen lopend besluit met jeugdhulp, dus nu is er geen brief "
            "uitgegeven.",
        )
    return redirect("beschikkingen:huishouden", pk=h.pk)


@require_GET
def download(request, pk):
    _vereis_casusrol(request, "beschikking", pk)
    beschikking = _eigen_of_404(request, Actie.DOWNLOADEN, "beschikking", pk, selectors.beschikking_voor)
    try:
        data = beschikking.lees_pdf()
    except (IntegriteitsFout, FileNotFoundError):
        log_toegang(request, actie=Actie.DOWNLOADEN, objecttype="beschikking", object_id=pk,
                    uitkomst=Uitkomst.GEWEIGERD, detail="bestand ontbreekt of is gewijzigd")
        raise
    bsns = [beschikking.client.bsn]
    if beschikking.geadresseerde_id and beschikking.geadresseerde_id != beschikking.client_id:
        bsns.append(beschikking.geadresseerde.bsn)
    log_toegang(request, actie=Actie.DOWNLOADEN, objecttype="beschikking", object_id=beschikking.pk, bsns=bsns,
                detail=beschikking.kenmerk)
    return _pdf_antwoord(data, f"{beschikking.kenmerk}.pdf")


def _corrigeer(request, huishouden_id, pk):
    """POST on the household's letter page: reissue one letter as a correction (a new letter)."""
    beschikking = selectors.beschikking_voor(request.user, pk)
    if beschikking.huishouden_id != huishouden_id:
        raise Http404("Beschikking niet gevonden.")
    try:
        nieuw = services.corrigeer_beschikking(beschikking=beschikking, door=request.user)
    except services.BeschikkingFout as fout:
        messages.error(request, str(fout))
    else:
        log_toegang(request, actie=Actie.AANMAKEN, objecttype="beschikking", object_id=nieuw.pk,
                    bsns=[beschikking.client.bsn], detail=f"correctie van {beschikking.kenmerk}")
        messages.success(request, f"Nieuwe brief {nieuw.kenmerk} uitgegeven; hij vervangt {beschikking.kenmerk}.")
    return redirect("beschikkingen:huishouden", pk=beschikking.huishouden_id)


@casus_rol_vereist
@require_POST
def afdrukken(request):
    ids = [i for i in request.POST.getlist("beschikking") if i.isdigit()]
    beschikkingen = list(selectors.beschikkingen_voor(request.user).filter(pk__in=ids).order_by("kenmerk"))
    try:
        opdracht = services.start_afdrukopdracht(
            beschikkingen=beschikkingen, door=request.user,
            omschrijving=f"{len(beschikkingen)} beschikking{'en' if len(beschikkingen) != 1 else ''}",
        )
    except services.BeschikkingFout as fout:
        messages.error(request, str(fout))
        return redirect(request.POST.get("terug") or reverse("beschikkingen:lijst"))
    return redirect("beschikkingen:opdracht", pk=opdracht.pk)


@casus_rol_vereist
@require_GET
def opdracht(request, pk):
    opdracht = selectors.opdracht_voor(request.user, pk)
    if request.htmx:  # the progress bar polls every second: only the page itself is logged
        return render(request, "beschikkingen/opdracht.html#voortgang", {"opdracht": opdracht})
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="afdrukopdracht", object_id=opdracht.pk,
                bsns=selectors.bsns_van_opdracht(opdracht), detail="voortgang afdrukopdracht")
    return render(request, "beschikkingen/opdracht.html", {"opdracht": opdracht})


@require_GET
def opdracht_download(request, pk):
    _vereis_casusrol(request, "afdrukopdracht", pk)
    opdracht = _eigen_of_404(request, Actie.AFDRUKKEN, "afdrukopdracht", pk, selectors.opdracht_voor)
    if opdracht.status != OpdrachtStatus.KLAAR or not opdracht.bestand:
        raise Http404("Deze afdrukopdracht is nog niet klaar.")
    with opdracht.bestand.open("rb") as f:
        data = f.read()
    bsns = selectors.bsns_van_opdracht(opdracht)
    log_toegang(request, actie=Actie.AFDRUKKEN, objecttype="afdrukopdracht", object_id=opdracht.pk, bsns=bsns,
                detail=f"{opdracht.totaal} beschikkingen")
    return _pdf_antwoord(data, f"beschikkingen-afdrukopdracht-{opdracht.pk}-{date.today():%Y%m%d}.pdf")
