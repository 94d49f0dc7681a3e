"""Screens of the indication lifecycle. Thin: forms check the shape, services apply the rules,
selectors read and scope (another team's indication is a 404)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hgarr.accounts.roles import Rol
from hgarr.audit.models import Actie
from hgarr.audit.services import log_toegang
from hgarr.web.foutoverzicht import foutoverzicht
from hgarr.web.permissions import casus_rol_vereist, rol_vereist
from indicatie.huishoudens.selectors import huishouden_voor

from . import geld, selectors, services
from .forms import BeeindigForm, BeslisForm, CasusregisseurForm, EvaluatieForm, RevisieForm, VersieForm, zet_fouten
from .models import Aanbieder, Soort, VersieStatus
from .services import Conflict, Ongeldig

SCHRIJF_ROLLEN = (Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR)


def _bsns(huishouden) -> list[str]:
    return [lid.bsn for lid in huishouden.leden.all()]


def _formulier(request, template: str, context: dict, *forms_, inzage: str = "") -> object:
    """Renders a form page. ``inzage`` names the page for the access log: a form that shows a case file
    is a view of it (NEN 7513), logged when the page is shown, not when it is saved."""
    if inzage and request.method == "GET":
        indicatie = context.get("indicatie")
        log_toegang(
            request,
            actie=Actie.BEKIJKEN,
            objecttype="indicatie" if indicatie else "huishouden",
            object_id=indicatie.pk if indicatie else context["huishouden"].pk,
            bsns=_bsns(context["huishouden"]),
            detail=inzage,
        )
    fouten = foutoverzicht(*forms_) if request.method == "POST" else []
    # Errors about the form as a whole get their own alert above the form (without a "Formulier:"
    # label); the summary links to the fields, so each message is shown once.
    algemeen = {str(e) for f in forms_ for e in f.non_field_errors()}
    bij_velden = [f for f in fouten if str(f["message"]) not in algemeen]
    context.update({"forms_with_errors": bij_velden, "error_count": len(bij_velden)})
    status = context.pop("status", None) or (400 if fouten else 200)
    return render(request, template, context, status=status)


def _conflict(request, form, fout: Conflict, indicatie_id: int) -> int:
    """Keeps the user's input, shows the Dutch message and the current revision (HTTP 409)."""
    form.add_error(None, str(fout))
    huidig = services.Indicatie.objects.filter(pk=indicatie_id).values_list("revisie", flat=True).first()
    if huidig is not None:
        data = form.data.copy()
        data[form.add_prefix("revisie")] = str(huidig)
        form.data = data
    return 409


def _voer_uit(request, form, dienst, *, huishouden, melding, indicatie_id=None, actie=Actie.WIJZIGEN, detail=""):
    """The shape of every saving screen: call ``dienst()``; on ``Ongeldig`` the errors go on the form, on
    ``Conflict`` the optimistic-locking message (HTTP 409); otherwise write the access log, confirm with
    ``melding`` and go to the indication page. ``melding`` and ``detail`` may be functions of what the
    service returned (a version). Returns ``(redirect or None, status for _formulier)``."""
    try:
        uitkomst = dienst()
    except Ongeldig as fout:
        zet_fouten(form, fout)
        # The screen links to the household's running or pending indication (one arrangement at a time).
        form.al_een_arrangement = getattr(fout, "indicatie", None)
        return None, None
    except Conflict as fout:
        return None, _conflict(request, form, fout, indicatie_id)
    pk = uitkomst.indicatie_id if indicatie_id is None else indicatie_id
    log_toegang(
        request,
        actie=actie,
        objecttype="indicatie",
        object_id=pk,
        bsns=_bsns(huishouden),
        detail=detail(uitkomst) if callable(detail) else detail,
    )
    messages.success(request, melding(uitkomst) if callable(melding) else melding)
    return redirect("indicaties:detail", pk=pk), None


def _waarschuw_periode(request, form) -> None:
    """After saving: the hint for a period much shorter than the guideline stays visible (not a block)."""
    melding = form.periode_melding()
    if melding:
        messages.warning(request, melding)


# --------------------------------------------------------------------------- worklist and lists


@casus_rol_vereist
def werklijst(request):
    context = selectors.werklijst(
        request.user, tellingen=selectors.tellingen_voor(request), alle=request.GET.get("alle") == "1"
    )
    return render(request, "indicaties/werklijst.html", context)


@casus_rol_vereist
def van_huishouden(request, huishouden_pk):
    huishouden = huishouden_voor(request.user, huishouden_pk)
    log_toegang(
        request,
        actie=Actie.BEKIJKEN,
        objecttype="huishouden",
        object_id=huishouden.pk,
        bsns=_bsns(huishouden),
        detail="indicaties",
    )
    return render(
        request,
        "indicaties/huishouden.html",
        {
            "huishouden": huishouden,
            "indicaties": selectors.indicaties_van_huishouden(huishouden),
            "kan_nieuw": request.user.heeft_rol(Rol.INDICATIESTELLER),
        },
    )


def aanbieders(request):
    return render(request, "indicaties/aanbieders.html", {"aanbieders": Aanbieder.objects.all()})


# --------------------------------------------------------------------------- the indication page


@casus_rol_vereist
def detail(request, pk):
    context = selectors.indicatie_pagina(request.user, pk)
    huishouden = context["huishouden"]
    log_toegang(request, actie=Actie.BEKIJKEN, objecttype="indicatie", object_id=pk, bsns=_bsns(huishouden))
    user = request.user
    open_versie = context["open_versie"]
    context.update(
        {
            "kan_schrijven": user.heeft_rol(*SCHRIJF_ROLLEN),
            "kan_evalueren": user.heeft_rol(Rol.CASUSREGISSEUR),
            "kan_beslissen": bool(open_versie) and services.mag_beslissen(user, open_versie),
            "actie_form": RevisieForm(initial={"revisie": context["indicatie"].revisie}),
            "regie_form": CasusregisseurForm(indicatie=context["indicatie"]),
        }
    )
    return render(request, "indicaties/detail.html", context)


@casus_rol_vereist
def casusregisseur(request, pk):
    """R20: who keeps regie over the family. The form sits on the indication page; this page shows it
    again with the message (and the choice kept) when saving fails, and answers a direct link."""
    indicatie = selectors.indicatie_voor(request.user, pk)
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    form = CasusregisseurForm(request.POST or None, indicatie=indicatie)
    status = None
    if request.method == "POST" and form.is_valid():
        gekozen = form.cleaned_data["casusregisseur"]
        antwoord, status = _voer_uit(
            request,
            form,
            lambda: services.wijs_casusregisseur_toe(
                indicatie_id=indicatie.pk,
                casusregisseur_id=gekozen.pk if gekozen else None,
                door=request.user,
                revisie=form.cleaned_data.get("revisie"),
            ),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            detail="casusregisseur",
            melding=(
                f"{gekozen.get_full_name()} is nu de casusregisseur." if gekozen else "Er is nu geen casusregisseur."
            ),
        )
        if antwoord:
            return antwoord
        indicatie.refresh_from_db()  # show who holds it now, next to the kept choice
    return _formulier(
        request,
        "indicaties/casusregisseur.html",
        {"regie_form": form, "indicatie": indicatie, "huishouden": huishouden, "status": status},
        form,
        inzage="formulier casusregisseur",
    )


# --------------------------------------------------------------------------- concept versions


@rol_vereist(Rol.INDICATIESTELLER)
def nieuw(request, huishouden_pk):
    huishouden = huishouden_voor(request.user, huishouden_pk)
    form = VersieForm(
        request.POST or None,
        huishouden=huishouden,
        initial=None if request.method == "POST" else VersieForm.initial_nieuw(huishouden),
    )
    if request.method == "POST" and form.is_valid():
        antwoord, _ = _voer_uit(
            request,
            form,
            lambda: services.maak_indicatie(huishouden=huishouden, door=request.user, gegevens=form.gegevens()),
            huishouden=huishouden,
            actie=Actie.AANMAKEN,
            melding="Het concept is opgeslagen met de berekende begroting.",
        )
        if antwoord:
            _waarschuw_periode(request, form)
            return antwoord
    return _formulier(
        request,
        "indicaties/versie_formulier.html",
        {
            "form": form,
            "huishouden": huishouden,
            "soort": Soort.TOEKENNING,
            "titel": "Nieuwe indicatie",
            # Shown before anything is typed; the service refuses it again when the form is saved.
            "blokkerend": selectors.blokkerende_indicatie(huishouden.pk) if request.method == "GET" else None,
        },
        form,
        inzage="formulier nieuwe indicatie",
    )


@rol_vereist(*SCHRIJF_ROLLEN)
def versie_wijzigen(request, versie_pk):
    versie = selectors.versie_voor(request.user, versie_pk)
    indicatie = versie.indicatie
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    if versie.status != VersieStatus.CONCEPT or versie.soort == Soort.BEEINDIGING:
        messages.error(request, "Deze versie kan niet (meer) worden gewijzigd.")
        return redirect("indicaties:detail", pk=indicatie.pk)
    form = VersieForm(
        request.POST or None,
        huishouden=huishouden,
        soort=versie.soort,
        initial=None if request.method == "POST" else VersieForm.initial_uit_versie(versie, revisie=indicatie.revisie),
    )
    status = None
    if request.method == "POST" and form.is_valid():
        antwoord, status = _voer_uit(
            request,
            form,
            lambda: services.wijzig_concept(
                versie_id=versie.pk,
                door=request.user,
                gegevens=form.gegevens(),
                revisie=form.cleaned_data.get("revisie"),
            ),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            melding=f"Versie {versie.nummer} is opgeslagen.",
        )
        if antwoord:
            _waarschuw_periode(request, form)
            return antwoord
    return _formulier(
        request,
        "indicaties/versie_formulier.html",
        {
            "form": form,
            "huishouden": huishouden,
            "indicatie": indicatie,
            "soort": versie.soort,
            "basis": versie.vorige_versie,
            "titel": f"Versie {versie.nummer} wijzigen ({versie.get_soort_display().lower()})",
            "status": status,
        },
        form,
    )


@require_POST
@rol_vereist(*SCHRIJF_ROLLEN)
def voorbeeld(request, huishouden_pk):
    """htmx: the begroting of the form as it is filled in (nothing is saved)."""
    huishouden = huishouden_voor(request.user, huishouden_pk)
    soort = request.GET.get("soort", Soort.TOEKENNING)
    soort = soort if soort in Soort.values else Soort.TOEKENNING
    basis = None
    if request.GET.get("indicatie"):
        indicatie = selectors.indicatie_voor(request.user, request.GET["indicatie"])
        if indicatie.huishouden_id != huishouden.pk:
            raise Http404
        basis = services.laatste_vastgestelde_versie(indicatie)
    form = VersieForm(request.POST, huishouden=huishouden, soort=soort)
    form.fields["motivering"].required = False  # not needed for a sum
    context = {"voorbeeld": None, "melding": ""}
    if form.is_valid():
        try:
            versie = services.bereken_voorbeeld(huishouden=huishouden, gegevens=form.gegevens(), basis=basis)
        except Ongeldig as fout:
            context["melding"] = " ".join(fout.fouten.values())
        else:
            personen = selectors._personen(list(huishouden.leden.all()), [versie])
            week = geld.per_week(versie.begroting)
            if soort != Soort.WIJZIGING:
                context["periode_melding"] = services.korte_periode_melding(versie.ingangsdatum, versie.einddatum)
            context["voorbeeld"] = {
                "versie": versie,
                "rijen": [{"naam": p.naam, "week": week.get(p.ref)} for p in personen],
            }
    else:
        # Missing fields by name; a rule the input breaks (semimuraal with Pakket 1) by its own message.
        ontbreekt, regels = [], []
        for naam, fouten in form.errors.as_data().items():
            if naam not in form.fields:
                regels.extend(m for f in fouten for m in f.messages)
            elif all(f.code == "required" for f in fouten):
                ontbreekt.append(str(form.fields[naam].label).lower())
            else:
                regels.extend(m for f in fouten for m in f.messages)
        delen = [f"Vul eerst in om de begroting te zien: {', '.join(ontbreekt)}."] if ontbreekt else []
        context["melding"] = " ".join(delen + regels)
    return render(request, "indicaties/versie_formulier.html#begroting", context)


ACTIES = {
    "indienen": (services.dien_in, "De versie is ingediend ter beoordeling door een beslisser."),
    "intrekken": (services.trek_in, "De versie is ingetrokken."),
    "herzien": (services.herzie, "Er is een nieuw concept gemaakt; pas het aan en dien het opnieuw in."),
}


@require_POST
@rol_vereist(*SCHRIJF_ROLLEN)
def versie_actie(request, versie_pk, actie):
    versie = selectors.versie_voor(request.user, versie_pk)
    functie, melding = ACTIES[actie]
    form = RevisieForm(request.POST)
    revisie = form.cleaned_data.get("revisie") if form.is_valid() else None
    try:
        functie(versie_id=versie.pk, door=request.user, revisie=revisie)
    except (Ongeldig, Conflict) as fout:
        messages.error(request, str(fout))
    else:
        log_toegang(
            request,
            actie=Actie.WIJZIGEN,
            objecttype="indicatie",
            object_id=versie.indicatie_id,
            detail=f"versie {versie.nummer}: {actie}",
        )
        messages.success(request, melding)
    return redirect("indicaties:detail", pk=versie.indicatie_id)


BESLUIT_MELDING = {
    "vaststellen": "Versie {nummer} is vastgesteld.",
    "terugsturen": "Versie {nummer} is teruggestuurd naar de indicatiesteller; er gaat geen brief uit.",
    "afwijzen": "De aanvraag (versie {nummer}) is afgewezen; de afwijzingsbrieven zijn aangemaakt.",
}


@rol_vereist(Rol.BESLISSER)
def beslissen(request, versie_pk):
    versie = selectors.versie_voor(request.user, versie_pk)
    indicatie = versie.indicatie
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    form = BeslisForm(request.POST or None, initial={"revisie": indicatie.revisie}, versie=versie)
    status = None
    if request.method == "POST" and form.is_valid():
        besluit = form.cleaned_data["besluit"]
        antwoord, status = _voer_uit(
            request,
            form,
            lambda: services.beslis(
                versie_id=versie.pk,
                door=request.user,
                vaststellen=besluit == "vaststellen",
                reden=form.cleaned_data.get("reden", ""),
                revisie=form.cleaned_data.get("revisie"),
                aanvraag_afwijzen=besluit == "afwijzen",
                reden_aanvrager=form.cleaned_data.get("reden_aanvrager", ""),
            ),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            detail=f"versie {versie.nummer}: {besluit}",
            melding=BESLUIT_MELDING[besluit].format(nummer=versie.nummer),
        )
        if antwoord:
            return antwoord
    else:
        log_toegang(
            request,
            actie=Actie.BEKIJKEN,
            objecttype="indicatie",
            object_id=indicatie.pk,
            bsns=_bsns(huishouden),
            detail=f"beoordelen versie {versie.nummer}",
        )
    vorige = versie.vorige_versie
    return _formulier(
        request,
        "indicaties/beslissen.html",
        {
            "form": form,
            "versie": versie,
            "indicatie": indicatie,
            "huishouden": huishouden,
            "vorige": vorige,
            "overzicht": selectors.beslisoverzicht(versie, vorige, list(huishouden.leden.all())),
            "mag_beslissen": services.mag_beslissen(request.user, versie),
            "status": status,
        },
        form,
    )


# --------------------------------------------------------------------------- op-/afschalen, ending, extension


def _nieuwe_versie(request, pk, soort):
    indicatie = selectors.indicatie_voor(request.user, pk)
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    basis = services.laatste_vastgestelde_versie(indicatie)
    if basis is None:
        messages.error(request, "Deze indicatie heeft nog geen vastgestelde versie.")
        return redirect("indicaties:detail", pk=indicatie.pk)
    if request.method == "POST":
        form = VersieForm(request.POST, huishouden=huishouden, soort=soort)
    else:
        over = {"revisie": indicatie.revisie, "motivering": ""}
        if soort == Soort.VERLENGING:
            from datetime import timedelta

            start = basis.geldig_tot + timedelta(days=1)
            over.update(ingangsdatum=start, einddatum=services.standaard_einddatum(start), taxatie=None)
        else:
            over.update(ingangsdatum=None)
        form = VersieForm(huishouden=huishouden, soort=soort, initial=VersieForm.initial_uit_versie(basis, **over))
    status = None
    if request.method == "POST" and form.is_valid():
        functie = services.start_wijziging if soort == Soort.WIJZIGING else services.start_verlenging
        antwoord, status = _voer_uit(
            request,
            form,
            lambda: functie(
                indicatie_id=indicatie.pk,
                door=request.user,
                gegevens=form.gegevens(),
                revisie=form.cleaned_data.get("revisie"),
            ),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            detail=lambda versie: f"{soort}: concept versie {versie.nummer}",
            melding=lambda versie: (
                f"Concept versie {versie.nummer} ({versie.get_soort_display().lower()}) is "
                "opgeslagen. Dien het in als het klaar is."
            ),
        )
        if antwoord:
            _waarschuw_periode(request, form)
            return antwoord
    titel = "Op- of afschalen" if soort == Soort.WIJZIGING else "Verlengen (herindicatie)"
    return _formulier(
        request,
        "indicaties/versie_formulier.html",
        {
            "form": form,
            "huishouden": huishouden,
            "indicatie": indicatie,
            "soort": soort,
            "basis": basis,
            "titel": titel,
            "status": status,
        },
        form,
        inzage=f"formulier {titel.lower()}",
    )


@rol_vereist(*SCHRIJF_ROLLEN)
def opschalen(request, pk):
    return _nieuwe_versie(request, pk, Soort.WIJZIGING)


@rol_vereist(*SCHRIJF_ROLLEN)
def verlengen(request, pk):
    return _nieuwe_versie(request, pk, Soort.VERLENGING)


@rol_vereist(*SCHRIJF_ROLLEN)
def beeindigen(request, pk):
    indicatie = selectors.indicatie_voor(request.user, pk)
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    basis = services.laatste_vastgestelde_versie(indicatie)
    form = BeeindigForm(request.POST or None, initial={"revisie": indicatie.revisie}, basis=basis)
    status = None
    if request.method == "POST" and form.is_valid():
        antwoord, status = _voer_uit(
            request,
            form,
            lambda: services.start_beeindiging(
                indicatie_id=indicatie.pk,
                door=request.user,
                laatste_dag=form.cleaned_data["einddatum"],
                categorie=form.cleaned_data["categorie"],
                reden=form.cleaned_data["reden"],
                revisie=form.cleaned_data.get("revisie"),
            ),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            detail=lambda versie: f"beëindiging: concept versie {versie.nummer}",
            melding=lambda versie: f"Concept versie {versie.nummer} (beëindiging) is opgeslagen. Dien het in.",
        )
        if antwoord:
            return antwoord
    return _formulier(
        request,
        "indicaties/beeindigen.html",
        {
            "form": form,
            "huishouden": huishouden,
            "indicatie": indicatie,
            "basis": basis,
            "status": status,
        },
        form,
        inzage="formulier beëindigen",
    )


# --------------------------------------------------------------------------- evaluations


@rol_vereist(Rol.CASUSREGISSEUR)
def evaluatie(request, pk):
    indicatie = selectors.indicatie_voor(request.user, pk)
    huishouden = huishouden_voor(request.user, indicatie.huishouden_id)
    form = EvaluatieForm(
        request.POST or None, indicatie=indicatie, initial={"datum": services.timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        zonder_regie = indicatie.casusregisseur_id is None

        def melding(evaluatie) -> str:
            if zonder_regie and evaluatie.indicatie.casusregisseur_id == request.user.pk:
                return "De evaluatie is vastgelegd. U bent nu de casusregisseur van deze indicatie."
            return "De evaluatie is vastgelegd."

        antwoord, _ = _voer_uit(
            request,
            form,
            lambda: services.leg_evaluatie_vast(indicatie_id=indicatie.pk, door=request.user, **form.cleaned_data),
            huishouden=huishouden,
            indicatie_id=indicatie.pk,
            detail="evaluatie",
            melding=melding,
        )
        if antwoord:
            return antwoord
    return _formulier(
        request,
        "indicaties/evaluatie.html",
        {
            "form": form,
            "huishouden": huishouden,
            "indicatie": indicatie,
        },
        form,
        inzage="formulier evaluatie",
    )
