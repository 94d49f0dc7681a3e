"""Reads of the outbox. Team scoping only through the household selectors: a message of another team's
household answers 404."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from indicatie.huishoudens.selectors import huishoudens_voor

from .models import BerichtStatus, Uitgaandbericht


def berichten_voor(user) -> QuerySet[Uitgaandbericht]:
    return Uitgaandbericht.objects.filter(huishouden__in=huishoudens_voor(user)).select_related(
        "gezinslid", "aanbieder", "versie", "versie__indicatie"
    ).defer("xml")


def bericht_voor(user, pk) -> Uitgaandbericht:
    try:
        return Uitgaandbericht.objects.filter(huishouden__in=huishoudens_voor(user)).select_related(
            "gezinslid", "aanbieder", "versie", "versie__indicatie", "verzonden_door", "retour_door"
        ).get(pk=pk)
    except (Uitgaandbericht.DoesNotExist, ValueError, TypeError):
        raise Http404("Bericht niet gevonden.") from None


def zoek_berichten(user, *, status: str = "", dag: date | None = None) -> QuerySet[Uitgaandbericht]:
    qs = berichten_voor(user)
    if status in BerichtStatus.values:
        qs = qs.filter(status=status)
    if dag is not None:
        qs = qs.filter(dagtekening=dag)
    return qs


def berichten_van_dag(user, dag: date) -> QuerySet[Uitgaandbericht]:
    """The downloadable messages of one day (for the ZIP): klaar, verzonden and retour ontvangen."""
    return Uitgaandbericht.objects.filter(
        huishouden__in=huishoudens_voor(user), dagtekening=dag,
        status__in=[BerichtStatus.KLAAR, BerichtStatus.VERZONDEN, BerichtStatus.RETOUR],
    ).select_related("gezinslid").order_by("id")


def berichten_van_versie(versie) -> QuerySet[Uitgaandbericht]:
    return Uitgaandbericht.objects.filter(versie=versie).select_related("gezinslid", "aanbieder").defer("xml")


def dagen_met_berichten(user) -> list[date]:
    return list(
        berichten_voor(user).order_by("-dagtekening").values_list("dagtekening", flat=True).distinct()[:30]
    )
