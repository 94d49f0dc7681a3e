"""Taxatie screens (issue 4). Thin: the form validates, services compute and write, selectors read.
A household is only reached through ``huishouden_voor`` (team scoping, 404 for another team)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hgarr.accounts.roles import CASUS_ROLLEN, Rol
from hgarr.audit.models import Actie
from hgarr.audit.services import log_toegang
from hgarr.web.foutoverzicht import foutoverzicht
from hgarr.web.permissions import casus_rol_vereist, rol_vereist
from indicatie.huishoudens.selectors import huishouden_voor

from . import selectors, services
from .forms import AFWIJKEN, TaxatieForm, initial_uit

SCHRIJF_ROLLEN = (Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR)


def _bsns(leden):
    return [l.bsn for l in leden]


@casus_rol_vereist
def overzicht(request, huishouden_pk):
    """The history of a household's taxaties, newest first."""
    huishouden = huishouden_voor(request.user, huishouden_pk)
    leden = list(huishouden.leden.all())
    taxaties = list(selectors.taxaties_van(huishouden))
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="taxaties", object_id=huishouden.pk, bsns=_bsns(leden))
    return render(
        request,
        "taxaties/overzicht.html",
        {
            "huishouden": huishouden,
            "taxaties": taxaties,
            "mag_schrijven": request.user.heeft_rol(*SCHRIJF_ROLLEN),
        },
    )


@casus_rol_vereist
def detail(request, huishouden_pk, pk):
    huishouden = huishouden_voor(request.user, huishouden_pk)
    taxatie = selectors.taxatie_van(huishouden, pk)
    leden = list(huishouden.leden.all())
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="taxatie", object_id=taxatie.pk, bsns=_bsns(leden))
    observaties = [(lid, taxatie.observaties.get(str(lid.pk), "")) for lid in leden]
    return render(
        request,
        "taxaties/detail.html",
        {
            "huishouden": huishouden,
            "taxatie": taxatie,
            "observaties": observaties,
            "mag_schrijven": request.user.heeft_rol(*SCHRIJF_ROLLEN),
        },
    )


@rol_vereist(*SCHRIJF_ROLLEN)
def nieuw(request, huishouden_pk):
    """A new taxatie; when there is an earlier one its answers are the starting point (a revision is
    a new row, the earlier taxatie stays as history). Without JavaScript the button "Voorstel
    bijwerken" recomputes the proposal and keeps every answer."""
    huishouden = huishouden_voor(request.user, huishouden_pk)
    leden = list(huishouden.leden.all())
    vorige = selectors.laatste_taxatie(huishouden)
    vandaag = date.today()
    fouten: list[dict] = []
    if request.method == "POST":
        form = TaxatieForm(request.POST, leden=leden)
        if "bijwerken" not in request.POST and form.is_valid():
            d = form.cleaned_data
            try:
                taxatie = services.maak_taxatie(
                    user=request.user,
                    huishouden=huishouden,
                    **form.antwoorden(),
                    verzwarende_factoren=d["verzwarende_factoren"],
                    gezinsprofiel=d["gezinsprofiel"],
                    observaties=form.observaties(),
                    voorstel_volgen=d["keuze"] != AFWIJKEN,
                    gekozen_perceel=d["gekozen_perceel"],
                    gekozen_pakket=d["gekozen_pakket"],
                    afwijking_motivering=d["afwijking_motivering"],
                    datum=vandaag,
                )
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, meldingen)
            except services.GeenBeslistabel as fout:
                form.add_error(None, str(fout))
            else:
                log_toegang(
                    request, actie=Actie.AANMAKEN, objecttype="taxatie", object_id=taxatie.pk, bsns=_bsns(leden)
                )
                messages.success(request, "De taxatie is opgeslagen.")
                return redirect("taxaties:detail", huishouden_pk=huishouden.pk, pk=taxatie.pk)
        if "bijwerken" not in request.POST:
            fouten = foutoverzicht(form)
    else:
        form = TaxatieForm(initial=initial_uit(vorige) if vorige else None, leden=leden)
        log_toegang(
            request,
            actie=Actie.BEKIJKEN,
            objecttype="taxaties",
            object_id=huishouden.pk,
            bsns=_bsns(leden),
            detail="taxatieformulier",
        )
    context = {
        "huishouden": huishouden,
        "form": form,
        "vorige": vorige,
        "forms_with_errors": fouten,
        "error_count": len(fouten),
        **_voorstel_context(form, huishouden, vandaag),
    }
    return render(request, "taxaties/formulier.html", context, status=400 if fouten else 200)


@require_POST
@rol_vereist(*SCHRIJF_ROLLEN)
def voorstel(request, huishouden_pk):
    """htmx: the proposal for the answers as they are now in the form (nothing is stored)."""
    huishouden = huishouden_voor(request.user, huishouden_pk)
    form = TaxatieForm(request.POST, leden=list(huishouden.leden.all()))
    return render(
        request,
        "taxaties/formulier.html#voorstel",
        {
            "huishouden": huishouden,
            **_voorstel_context(form, huishouden, date.today()),
        },
    )


def _voorstel_context(form, huishouden, peildatum) -> dict:
    if not form.is_bound:
        antwoorden = _antwoorden_uit_initial(form)
    else:
        antwoorden = form.gedeeltelijke_antwoorden()
    if antwoorden is None:
        return {
            "resultaat": None,
            "voorstel_melding": "Kies de veiligheidssituatie en de vaardigheden om een voorstel te zien.",
        }
    try:
        resultaat = services.bereken_voorstel(huishouden=huishouden, peildatum=peildatum, **antwoorden)
    except services.GeenBeslistabel as fout:
        return {
            "resultaat": None,
            "voorstel_melding": f"{fout} Vraag de functioneel beheerder een beslistabel toe te voegen.",
        }
    return {"resultaat": resultaat, "voorstel_melding": ""}


def _antwoorden_uit_initial(form) -> dict | None:
    i = form.initial
    if not i.get("veiligheid") or not i.get("vaardigheden"):
        return None
    return {
        "veiligheid": i["veiligheid"],
        "vaardigheden": i["vaardigheden"],
        "nabijheid_24_uur": bool(i.get("nabijheid_24_uur")),
        "niet_zelfstandig_wonen": bool(i.get("niet_zelfstandig_wonen")),
        "bestaande_wmo_verblijf": bool(i.get("bestaande_wmo_verblijf")),
        "langdurig_of_specialistisch": bool(i.get("langdurig_of_specialistisch", True)),
        "vast_pakket_past_niet": bool(i.get("vast_pakket_past_niet")),
    }


def _mag_beslistabel_zien(user) -> bool:
    return user.is_authenticated and (user.is_beheerder or user.werkt_met_casussen)


def beslistabel(request):
    """Read-only: the decision table valid today (or a chosen version) and the history of versions.
    Changing it is a new version from a date in the beheer (no code)."""
    if not _mag_beslistabel_zien(request.user):
        raise PermissionDenied("U heeft geen rol die dit mag.")
    vandaag = date.today()
    historie = selectors.beslistabel_historie(vandaag)
    gekozen = None
    versie_id = request.GET.get("versie")
    for periode in historie:
        if (versie_id and str(periode.versie.pk) == versie_id) or (not versie_id and periode.is_geldig_vandaag):
            gekozen = periode
    tabel = None
    if gekozen is not None:
        from pakketten.selectors import gevalideerde_inhoud

        tabel = gevalideerde_inhoud(gekozen.versie)
    return render(
        request,
        "taxaties/beslistabel.html",
        {
            "historie": historie,
            "gekozen": gekozen,
            "tabel": tabel,
            "vandaag": vandaag,
            "is_beheerder": request.user.is_beheerder,
        },
    )


def volgcijfers(request):
    """How often proposals are followed, per team (counts only)."""
    user = request.user
    if not (user.is_authenticated and (user.is_beheerder or user.heeft_rol(*CASUS_ROLLEN))):
        raise PermissionDenied("U heeft geen rol die dit mag.")
    cijfers = selectors.volgcijfers_per_team(user)
    return render(request, "taxaties/volgcijfers.html", {"cijfers": cijfers})
