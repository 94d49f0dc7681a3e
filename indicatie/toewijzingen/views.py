"""Outbox screens (issue 8 §4): the team's outgoing messages, one message with its rule check and OP003
notice, downloads per message and as a ZIP per day (access-logged), and marking as sent / retour.
Thin: selectors scope to the team, services write. Every action works without JavaScript."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hgarr.audit.models import Actie, Uitkomst
from hgarr.audit.services import log_toegang
from hgarr.web.doorsturen import veilige_terugweg
from hgarr.web.permissions import casus_rol_vereist

from . import configuratie, selectors, services
from .bericht import REDEN_LABELS
from .models import BerichtStatus


class FilterForm(forms.Form):
    dag = forms.DateField(label="Dagtekening", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Alle statussen"), *BerichtStatus.choices])


def _vereis_casusrol(request, actie, objecttype: str, object_id) -> None:
    """Role check with a log row when refused (the decorator alone would not log it)."""
    user = request.user
    if not (user.is_authenticated and user.werkt_met_casussen):
        log_toegang(request, actie=actie, objecttype=objecttype, object_id=object_id,
                    uitkomst=Uitkomst.GEWEIGERD, detail="geen casusrol of geen team")
        raise PermissionDenied("U heeft geen rol die toewijzingsberichten mag inzien.")


def _bericht_of_404(request, pk, actie):
    try:
        return selectors.bericht_voor(request.user, pk)
    except Http404:
        log_toegang(request, actie=actie, objecttype="toewijzingsbericht", object_id=pk,
                    uitkomst=Uitkomst.GEWEIGERD, detail="niet van het eigen team of onbekend")
        raise


def _bestand(data: bytes, bestandsnaam: str, content_type: str) -> HttpResponse:
    antwoord = HttpResponse(data, content_type=content_type)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    antwoord["Content-Length"] = str(len(data))
    antwoord["Cache-Control"] = "no-store"  # personal data: never kept in a browser or proxy cache
    antwoord["Pragma"] = "no-cache"
    return antwoord


def _terug(request, standaard: str) -> str:
    return veilige_terugweg(request, request.POST.get("terug", ""), standaard)


@casus_rol_vereist
@require_GET
def lijst(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {"dag": None, "status": ""}
    berichten = list(selectors.zoek_berichten(request.user, status=filters.get("status") or "",
                                              dag=filters.get("dag"))[:300])
    log_toegang(request, actie=Actie.ZOEKEN, objecttype="toewijzingsbericht",
                detail=f"{len(berichten)} berichten")
    return render(request, "toewijzingen/lijst.html", {
        "form": form,
        "berichten": berichten,
        "afgekeurd": [b for b in berichten if b.status == BerichtStatus.AFGEKEURD],
        "op003": [b for b in berichten if b.status == BerichtStatus.GEEN_BERICHTENVERKEER],
        "klaar": [b for b in berichten if b.status == BerichtStatus.KLAAR],
        "dagen": selectors.dagen_met_berichten(request.user),
        "vandaag": timezone.localdate(),
        "voorbeeldcodes": configuratie.is_voorbeeld_mapping(),
        "variant": configuratie.variant(),
    })


@casus_rol_vereist
@require_GET
def versie(request, pk):
    """The messages of one decided version: which are klaar, which rule failed, who is under OP003."""
    from indicatie.indicaties.selectors import versie_voor

    v = versie_voor(request.user, pk)
    berichten = list(selectors.berichten_van_versie(v))
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="toewijzingsberichten_versie", object_id=v.pk,
                bsns=[b.gezinslid.bsn for b in berichten if b.gezinslid_id])
    return render(request, "toewijzingen/versie.html", {
        "versie": v, "berichten": berichten,
        "afgekeurd": [b for b in berichten if b.status == BerichtStatus.AFGEKEURD],
        "op003": [b for b in berichten if b.status == BerichtStatus.GEEN_BERICHTENVERKEER],
        "voorbeeldcodes": configuratie.is_voorbeeld_mapping(),
    })


def _producten(bericht) -> list[dict]:
    uit = []
    for p in bericht.producten or []:
        rij = dict(p)
        rij["reden_label"] = REDEN_LABELS.get(p.get("reden_wijziging") or "", "")
        rij["ingangsdatum"] = date.fromisoformat(p["ingangsdatum"])
        rij["einddatum"] = date.fromisoformat(p["einddatum"]) if p.get("einddatum") else None
        rij["per_week"] = Decimal(p["volume"]) / 100 if p.get("volume") is not None else None
        rij["budget_euro"] = Decimal(p["budget"]) / 100 if p.get("budget") is not None else None
        uit.append(rij)
    return uit


@casus_rol_vereist
@require_GET
def detail(request, pk):
    bericht = _bericht_of_404(request, pk, Actie.BEKIJKEN)
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="toewijzingsbericht", object_id=bericht.pk,
                bsns=[bericht.gezinslid.bsn] if bericht.gezinslid_id else [], detail=bericht.identificatie)
    return render(request, "toewijzingen/detail.html", {
        "bericht": bericht, "producten": _producten(bericht), "voorbeeldcodes": configuratie.is_voorbeeld_mapping(),
    })


@require_GET
def download(request, pk):
    _vereis_casusrol(request, Actie.DOWNLOADEN, "toewijzingsbericht", pk)
    bericht = _bericht_of_404(request, pk, Actie.DOWNLOADEN)
    if not bericht.is_downloadbaar:
        log_toegang(request, actie=Actie.DOWNLOADEN, objecttype="toewijzingsbericht", object_id=pk,
                    uitkomst=Uitkomst.GEWEIGERD, detail=f"status {bericht.status}")
        raise Http404("Dit bericht kan niet worden gedownload.")
    log_toegang(request, actie=Actie.DOWNLOADEN, objecttype="toewijzingsbericht", object_id=bericht.pk,
                bsns=[bericht.gezinslid.bsn] if bericht.gezinslid_id else [], detail=bericht.identificatie)
    return _bestand(bytes(bericht.xml), bericht.bestandsnaam, "application/xml")


@require_GET
def dag_zip(request, dag):
    _vereis_casusrol(request, Actie.EXPORTEREN, "toewijzingsberichten_dag", dag)
    try:
        peildag = date.fromisoformat(dag)
    except ValueError:
        raise Http404("Onbekende dag.") from None
    berichten = list(selectors.berichten_van_dag(request.user, peildag))
    if not berichten:
        messages.info(request, f"Er zijn geen berichten om te downloaden met dagtekening {peildag:%d-%m-%Y}.")
        return redirect(reverse("toewijzingen:lijst"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for b in berichten:
            zf.writestr(b.bestandsnaam, bytes(b.xml))
    log_toegang(request, actie=Actie.EXPORTEREN, objecttype="toewijzingsberichten_dag", object_id=peildag.isoformat(),
                bsns=[b.gezinslid.bsn for b in berichten if b.gezinslid_id], detail=f"{len(berichten)} berichten")
    return _bestand(buffer.getvalue(), f"toewijzingen-{peildag.isoformat()}.zip", "application/zip")


@casus_rol_vereist
@require_POST
def verzonden(request):
    """Mark messages as sent after they were uploaded to the exchange (no live connection here)."""
    ids = [i for i in request.POST.getlist("bericht") if i.isdigit()]
    berichten = list(selectors.berichten_voor(request.user).filter(pk__in=ids))
    aantal = services.markeer_verzonden(berichten=berichten, door=request.user)
    if aantal:
        log_toegang(request, actie=Actie.WIJZIGEN, objecttype="toewijzingsbericht",
                    object_id=",".join(str(b.pk) for b in berichten)[:50], detail=f"{aantal} als verzonden gemarkeerd")
        messages.success(request, f"{aantal} bericht{'en' if aantal != 1 else ''} gemarkeerd als verzonden.")
    else:
        messages.warning(request, "Er is niets gemarkeerd: kies berichten met de status ‘klaar voor verzending’.")
    return redirect(_terug(request, reverse("toewijzingen:lijst")))


@casus_rol_vereist
@require_POST
def retour(request, pk):
    bericht = _bericht_of_404(request, pk, Actie.WIJZIGEN)
    try:
        services.markeer_retour(bericht=bericht, door=request.user)
    except services.BerichtFout as fout:
        messages.error(request, str(fout))
    else:
        log_toegang(request, actie=Actie.WIJZIGEN, objecttype="toewijzingsbericht", object_id=bericht.pk,
                    detail="retour ontvangen")
        messages.success(request, "Het bericht is gemarkeerd als retour ontvangen.")
    return redirect(reverse("toewijzingen:detail", args=[bericht.pk]))


@casus_rol_vereist
@require_POST
def opnieuw(request, pk):
    bericht = _bericht_of_404(request, pk, Actie.WIJZIGEN)
    try:
        bericht = services.controleer_opnieuw(bericht=bericht, door=request.user)
    except services.BerichtFout as fout:
        messages.error(request, str(fout))
    else:
        log_toegang(request, actie=Actie.WIJZIGEN, objecttype="toewijzingsbericht", object_id=bericht.pk,
                    detail="opnieuw gecontroleerd")
        if bericht.status == BerichtStatus.KLAAR:
            messages.success(request, "Het bericht voldoet nu aan alle regels en staat klaar voor verzending.")
        elif bericht.status == BerichtStatus.GEEN_BERICHTENVERKEER:
            messages.warning(request, "Voor dit gezinslid geldt nu ‘geen berichtenverkeer’ (OP003): er wordt geen "
                                      "bericht verstuurd.")
        else:
            messages.error(request, "Het bericht voldoet nog steeds niet aan alle regels.")
    return redirect(reverse("toewijzingen:detail", args=[bericht.pk]))
