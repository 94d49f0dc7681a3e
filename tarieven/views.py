"""The tariff sheet page: for every logged-in user (LoginRequiredMiddleware guards it)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .selectors import GeenParameterset, beschikbare_jaren, parameterset_voor_jaar, tariefblad_voor
from .weergave import maak_weergave


@require_GET
def tariefblad(request):
    jaren = beschikbare_jaren()
    # Indications run into next year: say early that its tariff set is still missing (docs/besluiten.md).
    volgend_jaar = timezone.localdate().year + 1
    basis = {"jaren": jaren, "ontbrekend_jaar": volgend_jaar if volgend_jaar not in jaren else None}
    jaar = request.GET.get("jaar")
    try:
        jaar = int(jaar) if jaar else None
    except ValueError:
        jaar = None
    parameterset = parameterset_voor_jaar(jaar)
    if parameterset is None:
        if jaar is not None:
            raise Http404("Geen tariefparameterset voor dit jaar.")
        return render(request, "tarieven/tariefblad.html", {**basis, "weergave": None})
    try:
        blad, catalogusversie, catalogus = tariefblad_voor(parameterset)
    except (GeenParameterset, ValueError) as fout:
        return render(request, "tarieven/tariefblad.html",
                      {**basis, "weergave": None, "fout": str(fout), "parameterset": parameterset})
    return render(request, "tarieven/tariefblad.html", {
        **basis,
        "parameterset": parameterset,
        "catalogusversie": catalogusversie,
        "weergave": maak_weergave(blad, catalogus),
    })
