"""Household intake screens. Thin: forms validate, services write, selectors read and scope."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from hgarr.accounts.roles import Rol
from hgarr.audit.models import Actie
from hgarr.audit.services import log_toegang
from hgarr.web.foutoverzicht import foutoverzicht
from hgarr.web.permissions import casus_rol_vereist, rol_vereist

from . import selectors, services
from .forms import HuishoudenForm, LedenFormSet, ZoekForm
from .models import Huishouden

PER_PAGINA = 25
LEDEN_PREFIX = "leden"
SCHRIJF_ROLLEN = (Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR)


@casus_rol_vereist
def lijst(request):
    zoekform = ZoekForm(request.GET or None)
    term = zoekform.cleaned_data["q"] if zoekform.is_valid() else ""
    paginator = Paginator(selectors.zoek_huishoudens(request.user, term), PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    if term:
        log_toegang(request, actie=Actie.ZOEKEN, objecttype="huishouden", detail=f"{paginator.count} resultaten")
    context = {"zoekform": zoekform, "pagina": pagina, "term": term, "mag_schrijven": _mag_schrijven(request.user)}
    template = "huishoudens/lijst.html#resultaten" if request.htmx else "huishoudens/lijst.html"
    return render(request, template, context)


@casus_rol_vereist
def detail(request, pk):
    huishouden = selectors.huishouden_voor(request.user, pk)
    leden = list(huishouden.leden.all())
    log_toegang(
        request, actie=Actie.BEKIJKEN, objecttype="huishouden", object_id=huishouden.pk, bsns=[l.bsn for l in leden]
    )
    return render(
        request,
        "huishoudens/detail.html",
        {"huishouden": huishouden, "leden": leden, "mag_schrijven": _mag_schrijven(request.user)},
    )


def _mag_schrijven(user) -> bool:
    """Buttons to create or edit show only to the roles the views below allow (a beslisser reads)."""
    return user.heeft_rol(*SCHRIJF_ROLLEN)


@rol_vereist(*SCHRIJF_ROLLEN)
def nieuw(request):
    return _formulier(request, Huishouden())


@rol_vereist(*SCHRIJF_ROLLEN)
def wijzigen(request, pk):
    huishouden = selectors.huishouden_voor(request.user, pk)
    return _formulier(request, huishouden)


def _formulier(request, huishouden: Huishouden):
    nieuw_huishouden = huishouden.pk is None
    if request.method == "POST":
        form = HuishoudenForm(request.POST, instance=huishouden)
        formset = LedenFormSet(request.POST, instance=huishouden, prefix=LEDEN_PREFIX)
        if "lid_toevoegen" in request.POST:
            # Without JavaScript: add an empty member row and show the form again, keeping input.
            formset = _formset_met_extra_rij(request.POST, huishouden)
        elif form.is_valid() and formset.is_valid():
            try:
                huishouden = services.sla_huishouden_op(
                    user=request.user, huishouden_form=form, leden_formset=formset
                )
            except services.LedenNietVerwijderbaar as fout:
                form, formset = _zonder_verwijderen(request.POST, huishouden, formset, fout.fouten)
                return _toon_formulier(request, form, formset, huishouden, nieuw_huishouden)
            log_toegang(
                request,
                actie=Actie.AANMAKEN if nieuw_huishouden else Actie.WIJZIGEN,
                objecttype="huishouden",
                object_id=huishouden.pk,
                bsns=[l.bsn for l in huishouden.leden.all()],
            )
            _waarschuw_dubbele_bsns(request, huishouden)
            messages.success(request, "Het huishouden is opgeslagen.")
            return redirect("huishoudens:detail", pk=huishouden.pk)
    else:
        form = HuishoudenForm(instance=huishouden)
        formset = LedenFormSet(instance=huishouden, prefix=LEDEN_PREFIX)
        if nieuw_huishouden:
            formset = _formset_met_extra_rij(None, huishouden)
        else:
            log_toegang(request, actie=Actie.BEKIJKEN, objecttype="huishouden", object_id=huishouden.pk,
                        bsns=[l.bsn for l in huishouden.leden.all()], detail="wijzigformulier")
    return _toon_formulier(request, form, formset, huishouden, nieuw_huishouden)


def _toon_formulier(request, form, formset, huishouden, nieuw_huishouden):
    toevoegen = "lid_toevoegen" in request.POST
    fouten = foutoverzicht(form, formset) if request.method == "POST" and not toevoegen else []
    return render(
        request,
        "huishoudens/formulier.html",
        {
            "form": form,
            "formset": formset,
            "huishouden": huishouden,
            "nieuw": nieuw_huishouden,
            "forms_with_errors": fouten,
            "error_count": len(fouten),
        },
        status=400 if fouten else 200,
    )


def _zonder_verwijderen(data, huishouden, formset, fouten: dict[int, str]):
    """The form again with the refused removals unticked (the row shows again) and the reason at the
    member's 'doet mee' field, the way out the message suggests. Everything else typed stays."""
    data = data.copy()
    for lid_form in formset.forms:
        if lid_form.instance.pk in fouten:
            data.pop(lid_form.add_prefix("DELETE"), None)
    form = HuishoudenForm(data, instance=huishouden)
    formset = LedenFormSet(data, instance=huishouden, prefix=LEDEN_PREFIX)
    form.is_valid()
    formset.is_valid()
    for lid_form in formset.forms:
        if lid_form.instance.pk in fouten:
            lid_form.add_error("doet_mee", fouten[lid_form.instance.pk])
    return form, formset


def _formset_met_extra_rij(data, huishouden):
    """A formset with one more empty row; with POST data every typed row is kept."""
    if data is None:
        met_rij = type("LedenFormSetMetRij", (LedenFormSet,), {"extra": 1})
        return met_rij(instance=huishouden, prefix=LEDEN_PREFIX)
    data = data.copy()
    key = f"{LEDEN_PREFIX}-TOTAL_FORMS"
    try:
        totaal = int(data.get(key, "0") or 0)
    except ValueError:
        totaal = 0
    data[key] = str(totaal + 1)
    return LedenFormSet(data, instance=huishouden, prefix=LEDEN_PREFIX)


@require_GET
@rol_vereist(*SCHRIJF_ROLLEN)
def lid_rij(request):
    """htmx: one empty member row with the next index, and the updated TOTAL_FORMS (out of band)."""
    try:
        index = max(0, min(int(request.GET.get(f"{LEDEN_PREFIX}-TOTAL_FORMS", "0")), 50))
    except ValueError:
        index = 0
    formset = LedenFormSet(prefix=LEDEN_PREFIX)
    form = formset._construct_form(index, empty_permitted=True, use_required_attribute=False)
    return render(
        request,
        "huishoudens/formulier.html#lid-rij-nieuw",
        {"lid_form": form, "totaal": index + 1, "nummer": index + 1, "prefix": LEDEN_PREFIX},
    )


def _waarschuw_dubbele_bsns(request, huishouden: Huishouden) -> None:
    bsns = [lid.bsn for lid in huishouden.leden.all() if lid.bsn]
    for bsn, ander in selectors.andere_huishoudens_met_bsn(request.user, bsns, huishouden.pk).items():
        messages.warning(
            request,
            format_html(
                'Let op: BSN eindigend op {} staat ook in <a href="{}">een ander huishouden van uw team</a>.',
                bsn[-4:],
                reverse("huishoudens:detail", args=[ander.pk]),
            ),
        )
