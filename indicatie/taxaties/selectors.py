"""Reads of taxaties and of the decision table. Team scoping goes through the household selectors:
a taxatie is only reached via ``huishouden_voor(user, pk)``."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from hgarr.accounts.models import Team
from pakketten.beslistabel import Beslistabel
from pakketten.models import Tabelsoort, Tabelversie
from pakketten.selectors import gevalideerde_inhoud

from .models import Taxatie


def taxaties_van(huishouden) -> QuerySet[Taxatie]:
    """The history of a household, newest first."""
    return Taxatie.objects.filter(huishouden=huishouden).select_related("auteur", "beslistabel").order_by(
        "-datum", "-aangemaakt_op", "-id"
    )


def laatste_taxatie(huishouden) -> Taxatie | None:
    return taxaties_van(huishouden).first()


def taxatie_van(huishouden, pk) -> Taxatie:
    """One taxatie of an (already team-scoped) household; another household's taxatie is 404."""
    from django.http import Http404

    try:
        return taxaties_van(huishouden).get(pk=pk)
    except (Taxatie.DoesNotExist, ValueError, TypeError):
        raise Http404("Taxatie niet gevonden.") from None


def beslistabel_op(peildatum: date) -> tuple[Tabelversie, Beslistabel] | None:
    """The decision table valid on ``peildatum`` (newest version from a date on or before it)."""
    versie = Tabelversie.geldig_op(Tabelsoort.BESLISTABEL, peildatum)
    if versie is None:
        return None
    return versie, gevalideerde_inhoud(versie)


@dataclass(frozen=True)
class Tabelperiode:
    versie: Tabelversie
    geldig_tot: date | None  # the last day, or None when open-ended
    is_geldig_vandaag: bool
    is_toekomstig: bool


def beslistabel_historie(vandaag: date) -> list[Tabelperiode]:
    """All versions, newest first, with the period each is valid in."""
    versies = list(Tabelversie.objects.filter(soort=Tabelsoort.BESLISTABEL).order_by("-geldig_vanaf"))
    geldig = Tabelversie.geldig_op(Tabelsoort.BESLISTABEL, vandaag)
    perioden = []
    volgende: Tabelversie | None = None
    for v in versies:
        perioden.append(Tabelperiode(
            versie=v,
            geldig_tot=volgende.geldig_vanaf - timedelta(days=1) if volgende else None,
            is_geldig_vandaag=geldig is not None and v.pk == geldig.pk,
            is_toekomstig=v.geldig_vanaf > vandaag,
        ))
        volgende = v
    return perioden


@dataclass(frozen=True)
class Volgcijfer:
    team: Team
    totaal: int
    gevolgd: int

    @property
    def afgeweken(self) -> int:
        return self.totaal - self.gevolgd

    @property
    def percentage_gevolgd(self) -> int | None:
        return round(100 * self.gevolgd / self.totaal) if self.totaal else None


def volgcijfers_per_team(user, *, vanaf: date | None = None, tot_en_met: date | None = None) -> list[Volgcijfer]:
    """How often the proposal was followed, per team (issue 4 §4). Counts only, no case data: a
    functioneel beheerder sees every team, a case worker only their own team."""
    teams = Team.objects.all()
    if not user.is_beheerder:
        if not user.werkt_met_casussen:
            return []
        teams = teams.filter(pk=user.team_id)
    filter_ = Q()
    if vanaf:
        filter_ &= Q(taxaties__datum__gte=vanaf)
    if tot_en_met:
        filter_ &= Q(taxaties__datum__lte=tot_en_met)
    rijen = teams.annotate(
        totaal=Count("taxaties", filter=filter_),
        gevolgd=Count("taxaties", filter=filter_ & Q(taxaties__voorstel_gevolgd=True)),
    ).order_by("naam")
    return [Volgcijfer(team=t, totaal=t.totaal, gevolgd=t.gevolgd) for t in rijen]
