"""Reads of letters and print jobs. Team scoping goes through the household selectors (issue 2 §5):
another team's letter answers 404, like another team's household."""

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from indicatie.huishoudens.selectors import huishoudens_voor

from .models import Afdrukopdracht, Beschikking


def beschikkingen_voor(user) -> QuerySet[Beschikking]:
    return (
        Beschikking.objects.filter(huishouden__in=huishoudens_voor(user))
        .select_related("client", "huishouden")
        .order_by("-uitgegeven_op", "kenmerk")
    )


def beschikking_voor(user, pk) -> Beschikking:
    try:
        return beschikkingen_voor(user).get(pk=pk)
    except (Beschikking.DoesNotExist, ValueError, TypeError):
        raise Http404("Beschikking niet gevonden.") from None


def beschikkingen_gefilterd(user, *, van: date | None = None, tot: date | None = None, soort: str = "") -> QuerySet:
    qs = beschikkingen_voor(user).prefetch_related("vervangen_door")
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    if soort:
        qs = qs.filter(soort=soort)
    return qs


def beschikkingen_van_huishouden(user, huishouden_id) -> QuerySet[Beschikking]:
    return (
        beschikkingen_voor(user)
        .filter(huishouden_id=huishouden_id)
        .select_related("vervangt")
        .prefetch_related("vervangen_door")
    )


def opdrachten_voor(user) -> QuerySet[Afdrukopdracht]:
    if not getattr(user, "is_authenticated", False) or not user.werkt_met_casussen:
        return Afdrukopdracht.objects.none()
    return Afdrukopdracht.objects.filter(team_id=user.team_id)


def opdracht_voor(user, pk) -> Afdrukopdracht:
    try:
        return opdrachten_voor(user).get(pk=pk)
    except (Afdrukopdracht.DoesNotExist, ValueError, TypeError):
        raise Http404("Afdrukopdracht niet gevonden.") from None


def bevestigde_plegers(leden) -> set[int]:
    from .models import JeugdbriefBevestiging

    return set(JeugdbriefBevestiging.objects.filter(gezinslid__in=leden).values_list("gezinslid_id", flat=True))


def bsns_van_opdracht(opdracht: Afdrukopdracht) -> list[str]:
    """BSNs of everyone whose letter is in the batch, for the access log."""
    rijen = Beschikking.objects.filter(pk__in=opdracht.beschikking_ids).values_list(
        "client__bsn", "geadresseerde__bsn"
    )
    return sorted({b for rij in rijen for b in rij if b})


def problemen_open_versies(*, huishouden, door) -> list[str]:
    """Why the letters of a version awaiting decision could not be sent (issue 6 §2), so the screen
    can say it before the beslisser decides."""
    from indicatie.indicaties.models import Indicatieversie

    from .services import SOORT_VAN_VERSIE, controleer

    problemen: list[str] = []
    versies = (
        Indicatieversie.objects.filter(indicatie__huishouden=huishouden, status="ter_beoordeling")
        .select_related("indicatie__huishouden", "aanbieder", "vorige_versie", "taxatie")
        .order_by("pk")
    )
    for versie in versies:
        soort = SOORT_VAN_VERSIE.get(versie.soort, "toekenning")
        controle = controleer(versie=versie, vorige_versie=versie.vorige_versie, soort=soort, door=door)
        problemen.extend(f"Versie {versie.nummer}: {p}" for p in controle.problemen)
    return problemen
