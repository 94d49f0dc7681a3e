"""Reads of households. This is the one place where team scoping happens (issue 2 §5):
views never filter by team themselves. Another team's household answers 404, not 403."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from hgarr.bsn import normaliseer_bsn

from .models import Gezinslid, Huishouden


def huishoudens_voor(user) -> QuerySet[Huishouden]:
    """Households the user may see: those of their own team, and only for case-file roles."""
    if not getattr(user, "is_authenticated", False) or not user.werkt_met_casussen:
        return Huishouden.objects.none()
    return Huishouden.objects.filter(team_id=user.team_id)


def huishouden_voor(user, pk) -> Huishouden:
    try:
        return (
            huishoudens_voor(user)
            .select_related("team")
            .prefetch_related(Prefetch("leden", queryset=Gezinslid.objects.order_by("volgorde", "id")))
            .get(pk=pk)
        )
    except (Huishouden.DoesNotExist, ValueError, TypeError):
        raise Http404("Huishouden niet gevonden.") from None


def zoek_huishoudens(user, zoekterm: str = "") -> QuerySet[Huishouden]:
    """Search on names and BSN. The member list is prefetched in one query, so the number of
    queries does not grow with households or members."""
    qs = huishoudens_voor(user)
    term = (zoekterm or "").strip()
    if term:
        bsn = normaliseer_bsn(term)
        filter_ = Q()
        for woord in term.split():
            filter_ &= (
                Q(leden__voornamen__icontains=woord)
                | Q(leden__achternaam__icontains=woord)
                | Q(leden__voorvoegsel__iexact=woord)
            )
        if bsn.isdigit() and len(bsn) >= 4:
            filter_ |= Q(leden__bsn__contains=bsn)
        ids = qs.filter(filter_).values("id")
        qs = qs.filter(id__in=ids)
    return qs.prefetch_related(Prefetch("leden", queryset=Gezinslid.objects.order_by("volgorde", "id")))


def andere_huishoudens_met_bsn(user, bsns: list[str], behalve_id: int | None) -> dict[str, Huishouden]:
    """BSNs that are already registered in another household of the user's team (a warning)."""
    leden = (
        Gezinslid.objects.filter(huishouden__in=huishoudens_voor(user), bsn__in=[b for b in bsns if b])
        .exclude(huishouden_id=behalve_id)
        .select_related("huishouden")
    )
    return {lid.bsn: lid.huishouden for lid in leden}
