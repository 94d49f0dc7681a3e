"""Reads of the indication lifecycle. Team scoping happens only through the household selectors
(``huishoudens_voor``): another team's indication answers 404. The number of queries of every page
stays constant as versions and evaluations grow (benchmarks/bench_indicaties.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from hgarr.accounts.roles import Rol
from indicatie.huishoudens.models import Gezinslid
from indicatie.huishoudens.selectors import huishoudens_voor
from pakketten.selectors import catalogus_op
from tarieven.engine import normaliseer_gemeente
from tarieven.selectors import productnaam, productnamen, regio_gemeenten

from . import geld
from .casus import gezinslid_id_uit_ref
from .models import OPEN_STATUSSEN, Afwijzing, Evaluatie, Indicatie, Indicatieversie, Perceel, Veiligheid, VersieStatus

LEDEN_PREFETCH = Prefetch("huishouden__leden", queryset=Gezinslid.objects.order_by("volgorde", "id"))


def eindigt_binnen_dagen() -> int:
    return int(getattr(settings, "HGARR_WERKLIJST_EINDIGT_BINNEN_WEKEN", 8)) * 7


def evaluatie_vooruit_dagen() -> int:
    return int(getattr(settings, "HGARR_WERKLIJST_EVALUATIE_VOORUIT_DAGEN", 14))


# --------------------------------------------------------------------------- scoping


def indicaties_voor(user) -> QuerySet[Indicatie]:
    return Indicatie.objects.filter(huishouden__in=huishoudens_voor(user))


def versies_voor(user) -> QuerySet[Indicatieversie]:
    return Indicatieversie.objects.filter(indicatie__huishouden__in=huishoudens_voor(user))


def indicatie_voor(user, pk) -> Indicatie:
    try:
        return indicaties_voor(user).select_related("huishouden", "gewijzigd_door").get(pk=pk)
    except (Indicatie.DoesNotExist, ValueError, TypeError):
        raise Http404("Indicatie niet gevonden.") from None


def versie_voor(user, pk) -> Indicatieversie:
    try:
        return (
            versies_voor(user)
            .select_related(
                "indicatie",
                "indicatie__huishouden",
                "aanbieder",
                "taxatie",
                "auteur",
                "ingediend_door",
                "beslisser",
                "parameterset",
                "vorige_versie",
            )
            .prefetch_related("bewerkers")
            .get(pk=pk)
        )
    except (Indicatieversie.DoesNotExist, ValueError, TypeError):
        raise Http404("Versie niet gevonden.") from None


def casusregisseurs_van_team(team_id) -> QuerySet:
    """Who can keep regie over a family of this team (R20): its active users with the casusregisseur role."""
    return (
        get_user_model()
        .objects.filter(team_id=team_id, is_active=True, groups__name=Rol.CASUSREGISSEUR)
        .order_by("first_name", "last_name", "pk")
    )


def indicaties_van_huishouden(huishouden) -> list[Indicatie]:
    """The indications of a household the caller already obtained through ``huishouden_voor``."""
    return list(
        Indicatie.objects.filter(huishouden=huishouden)
        .prefetch_related(Prefetch("versies", queryset=Indicatieversie.objects.select_related("aanbieder")))
        .order_by("-aangemaakt_op")
    )


def blokkerende_indicatie(huishouden_id: int, *, vandaag: date | None = None, behalve: int | None = None):
    """The indication that stands in the way of a new HG-arrangement for this household: one with a
    version still in progress (concept / ter beoordeling), or one that is decided, not ended early and
    whose period has not ended. ``behalve``: an indication id to leave out (the one being decided)."""
    vandaag = vandaag or timezone.localdate()
    lopend = Q(ingangsdatum__isnull=False, beeindigd=False, einddatum__gte=vandaag)
    open_ = Exists(Indicatieversie.objects.filter(indicatie=OuterRef("pk"), status__in=OPEN_STATUSSEN))
    qs = Indicatie.objects.filter(huishouden_id=huishouden_id).filter(lopend | Q(open_))
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    return qs.order_by("-aangemaakt_op", "-pk").first()


def toegestaan_maatwerk(peildatum: date) -> dict[str, list[str]]:
    """R7 as the catalogue valid on ``peildatum`` has it: perceel -> the maatwerk products it allows.
    Empty without a catalogue (the tariff engine then refuses the begroting anyway)."""
    gevonden = catalogus_op(peildatum)
    return {p.code: list(p.maatwerk) for p in gevonden[1].percelen} if gevonden else {}


# --------------------------------------------------------------------------- the indication page


@dataclass
class Persoon:
    ref: str
    naam: str
    lid: Gezinslid | None = None


@dataclass
class Tijdlijnregel:
    versie: Indicatieversie
    per_week: dict[str, Decimal]
    verschil: dict[str, Decimal]
    totaal_per_week: Decimal
    totaal_verschil: Decimal | None
    periode: dict[str, Decimal] = field(default_factory=dict)
    periode_totaal: Decimal | None = None
    rijen: list[dict] = field(default_factory=list)  # per person, aligned with the page's people
    regels: list[dict] = field(default_factory=list)  # the stored begroting lines, with names
    maatwerk: list[dict] = field(default_factory=list)  # [{"naam", "trede", "persoon"}] in Dutch words


def indicatie_pagina(user, pk) -> dict:
    """Everything the indication page shows, in a fixed number of queries."""
    try:
        indicatie = (
            indicaties_voor(user)
            .select_related("huishouden", "huishouden__team", "aangemaakt_door", "gewijzigd_door", "casusregisseur")
            .annotate(heeft_regie=_heeft_regie(user))
            .prefetch_related(LEDEN_PREFETCH)
            .get(pk=pk)
        )
    except (Indicatie.DoesNotExist, ValueError, TypeError):
        raise Http404("Indicatie niet gevonden.") from None
    versies = list(
        indicatie.versies.select_related(
            "aanbieder", "taxatie", "auteur", "ingediend_door", "beslisser", "parameterset", "vorige_versie"
        )
        .prefetch_related("bewerkers")
        .order_by("nummer")
    )
    evaluaties = list(indicatie.evaluaties.select_related("auteur").order_by("datum", "id"))
    leden = list(indicatie.huishouden.leden.all())
    personen = _personen(leden, versies)
    tijdlijn = maak_tijdlijn(versies, personen, productnamen())
    open_versie = next((v for v in versies if v.status in OPEN_STATUSSEN), None)
    geldend = geldende_versie(versies)
    # R14 for what applies now and for what is being proposed; the same sentence once.
    meldingen = [
        m for v in (geldend and geldend.versie, open_versie) if v is not None for m in gemeente_meldingen(v, leden)
    ]
    return {
        "indicatie": indicatie,
        "huishouden": indicatie.huishouden,
        "versies": versies,
        "tijdlijn": tijdlijn,
        "personen": personen,
        "open_versie": open_versie,
        "geldende_versie": geldend,
        "laatste_vastgestelde_versie": laatste_vastgesteld(versies),
        "gemeente_meldingen": list(dict.fromkeys(meldingen)),
        "evaluaties": evaluaties,
        "grafiek": veiligheidsgrafiek(evaluaties, versies),
        "jaren": geld_per_jaar(versies, personen),
    }


def _met_periode(versies: list[Indicatieversie]) -> list[Indicatieversie]:
    return [v for v in versies if v.status == VersieStatus.VASTGESTELD and v.geldig_vanaf]


def laatste_vastgesteld(versies: list[Indicatieversie]) -> Indicatieversie | None:
    """The latest decided version in the chain: what op-/afschalen, ending and extending build on
    (``services.laatste_vastgestelde_versie`` on prefetched versions)."""
    return max(_met_periode(versies), key=lambda v: (v.geldig_vanaf, v.nummer), default=None)


@dataclass
class GeldendeVersie:
    """The version that applies on a day. ``stand``: ``"nu"`` (its period contains the day),
    ``"vanaf"`` (none applies yet: the next one to start) or ``"afgelopen"`` (the last one that ended)."""

    versie: Indicatieversie
    stand: str

    @property
    def nu(self) -> bool:
        return self.stand == "nu"


def geldende_versie(versies: list[Indicatieversie], vandaag: date | None = None) -> GeldendeVersie | None:
    """The version that applies today, not the latest decided one: an extension decided in advance
    starts later, and until then the running version is what the household gets."""
    vandaag = vandaag or timezone.localdate()
    perioden = _met_periode(versies)
    nu = [v for v in perioden if v.geldig_vanaf <= vandaag <= v.geldig_tot]
    if nu:
        return GeldendeVersie(max(nu, key=lambda v: (v.geldig_vanaf, v.nummer)), "nu")
    later = [v for v in perioden if v.geldig_vanaf > vandaag]
    if later:
        return GeldendeVersie(min(later, key=lambda v: (v.geldig_vanaf, v.nummer)), "vanaf")
    if perioden:
        return GeldendeVersie(max(perioden, key=lambda v: (v.geldig_tot, v.nummer)), "afgelopen")
    return None


def gemeente_meldingen(versie: Indicatieversie, leden: list[Gezinslid]) -> list[str]:
    """R14, to inform and never to block: a participating member who lives elsewhere, in a municipality
    where this arrangement is not ours alone. Extramural support is for households living in our
    municipality, so another place means coordinating with that municipality; semi-/intramural support
    is bought for the region (HGARR_REGIO_GEMEENTEN), so only a place outside it does. The names are
    compared as the tariff engine compares them (``normaliseer_gemeente``). A confidential address is
    left out: the screens never show anything taken from it, and for someone in a shelter the
    municipality of the previous address stays responsible."""
    per_id = {lid.pk: lid for lid in leden}
    extramuraal = versie.perceel == Perceel.EXTRAMURAAL
    eigen = normaliseer_gemeente(settings.HGARR_GEMEENTE)
    regio = regio_gemeenten()
    meldingen = []
    for deelnemer in versie.leden or []:
        lid = per_id.get(deelnemer.get("gezinslid_id"))
        if not deelnemer.get("doet_mee", True) or lid is None or not lid.woont_elders or lid.vertrouwelijk_adres:
            continue
        plaats = " ".join(lid.plaats.split())
        if not plaats:
            continue
        if extramuraal and normaliseer_gemeente(plaats) != eigen:
            meldingen.append(
                f"Afstemmen met de gemeente {plaats}: {lid.volledige_naam} woont daar "
                "(regel voor extramurale arrangementen)."
            )
        elif not extramuraal and normaliseer_gemeente(plaats) not in regio:
            meldingen.append(
                f"Afstemmen met de gemeente {plaats}: {lid.volledige_naam} woont daar, buiten de regio waarvoor "
                f"{settings.HGARR_GEMEENTE} semi- en intramurale ondersteuning inkoopt "
                "(regel voor semi- en intramurale arrangementen)."
            )
    return meldingen


def _personen(leden: list[Gezinslid], versies: list[Indicatieversie]) -> list[Persoon]:
    """Everyone who appears in a begroting, in household order (a removed member keeps a label)."""
    per_id = {lid.pk: lid for lid in leden}
    refs: dict[str, None] = {}
    for versie in versies:
        for regel in geld.regels(versie.begroting):
            refs.setdefault(regel["ref"], None)
    volgorde = {f"lid-{lid.pk}": i for i, lid in enumerate(leden)}
    personen = []
    for ref in sorted(refs, key=lambda r: (volgorde.get(r, 999), r)):
        lid = per_id.get(gezinslid_id_uit_ref(ref) or -1)
        personen.append(Persoon(ref=ref, naam=lid.volledige_naam if lid else f"Vroeger gezinslid ({ref})", lid=lid))
    return personen


def regel_omschrijving(regel: dict, namen: dict[str, str]) -> str:
    """A begroting line's product in words: "Begeleiding volwassenen (Wmo, extramuraal)"."""
    trede = f" trede {regel['trede']}" if regel.get("trede") else ""
    plaats = ", extramuraal" if regel.get("extramuraal") else ""
    return f"{productnaam(regel['product'], namen)}{trede} ({regel['wet']}{plaats})"


def maatwerk_in_woorden(versie: Indicatieversie, namen: dict[str, str], personen_namen: dict[str, str]) -> list[dict]:
    return [
        {
            "naam": productnaam(m["product"], namen),
            "trede": m["trede"],
            "persoon": personen_namen.get(m.get("ref") or "", ""),
            "ref": m.get("ref"),
        }
        for m in versie.maatwerk or []
    ]


def maak_tijdlijn(
    versies: list[Indicatieversie], personen: list[Persoon] | None = None, namen: dict[str, str] | None = None
) -> list[Tijdlijnregel]:
    """Every version, newest first, with the budget per person per week and the difference with the
    version it builds on (issue 5 §4). ``namen``: product names (``tarieven.selectors.productnamen``)."""
    namen = namen or {}
    per_id = {v.pk: v for v in versies}
    regels = []
    for versie in versies:
        week = geld.per_week(versie.begroting)
        vorige = per_id.get(versie.vorige_versie_id)
        oud = geld.per_week(vorige.begroting) if vorige else None
        verschil = geld.verschil(week, oud)
        totaal = sum(week.values(), geld.NUL)
        regel = Tijdlijnregel(
            versie=versie,
            per_week=week,
            verschil=verschil,
            totaal_per_week=totaal,
            totaal_verschil=(totaal - sum(oud.values(), geld.NUL)) if oud is not None else None,
        )
        if versie.geldig_vanaf:
            regel.periode = geld.over_periode(versie.begroting, versie.geldig_vanaf, versie.geldig_tot)
            regel.periode_totaal = sum(regel.periode.values(), geld.NUL)
        personen_namen = {p.ref: p.naam for p in personen or []}
        regel.rijen = [
            {
                "persoon": p,
                "week": week.get(p.ref),
                "verschil": verschil.get(p.ref),
                "periode": regel.periode.get(p.ref),
            }
            for p in personen or []
        ]
        regel.regels = [
            {
                **r,
                "naam": personen_namen.get(r["ref"], r["ref"]),
                "voor_naam": personen_namen.get(r.get("voor") or "", ""),
                "omschrijving": regel_omschrijving(r, namen),
            }
            for r in geld.regels(versie.begroting)
        ]
        regel.maatwerk = maatwerk_in_woorden(versie, namen, personen_namen)
        regels.append(regel)
    return list(reversed(regels))


def geld_per_jaar(versies, personen: list[Persoon]) -> list[dict]:
    jaren = geld.per_kalenderjaar(versies)
    return [
        {
            "jaar": jaar,
            "per_persoon": [bedragen.get(p.ref, geld.NUL) for p in personen],
            "totaal": sum(bedragen.values(), geld.NUL),
        }
        for jaar, bedragen in jaren.items()
    ]


# --------------------------------------------------------------------------- the safety chart


VEILIGHEID_SCORE = {v: i for i, v in enumerate(Veiligheid.values)}  # 0 = acuut onveilig … 3 = stabiel


def _regels(label: str) -> list[str]:
    """A y-axis label on at most two lines, so the gutter stays narrow enough for a phone."""
    woorden = label.split()
    if len(label) <= 12 or len(woorden) < 2:
        return [label]
    return [" ".join(woorden[:-1]), woorden[-1]]


def veiligheidsgrafiek(evaluaties: list[Evaluatie], versies: list[Indicatieversie]) -> dict | None:
    """Geometry of a small inline SVG chart (attributes only, no style, strict CSP): the safety on the
    taxatie scale at the first taxatie and at every evaluation (R20), in date order.

    The x range runs from the earliest to the latest plotted date, whichever is the taxatie: an
    evaluation can be dated before it. One date (or all on the same day) sits in the middle. Sizes are
    in viewBox units: 360 wide with 13-unit text stays readable when the chart shrinks to a phone's
    width (``.app-main svg`` scales it); ``punten`` is also the chart's table for screen readers."""
    punten: list[tuple[date, str, str]] = []
    eerste_taxatie = next((v.taxatie for v in versies if v.taxatie_id), None)
    if eerste_taxatie:
        punten.append((eerste_taxatie.datum, eerste_taxatie.veiligheid, "Taxatie"))
    punten.extend((e.datum, e.veiligheid, "Evaluatie") for e in evaluaties)
    punten = sorted((p for p in punten if p[1] in VEILIGHEID_SCORE), key=lambda p: p[0])
    if not punten:
        return None
    breedte, links, rechts, boven, onder, marge = 360, 100, 12, 22, 36, 10
    regelhoogte, tussen = 15, 40
    niveaus = len(VEILIGHEID_SCORE) - 1
    plot_h = niveaus * tussen
    hoogte = boven + plot_h + onder
    x_van, x_tot = links + marge, breedte - rechts - marge
    eerste, laatste = punten[0][0], punten[-1][0]
    spanne = (laatste - eerste).days

    def x(datum: date) -> int:
        if spanne == 0:
            return (x_van + x_tot) // 2
        return x_van + round((datum - eerste).days * (x_tot - x_van) / spanne)

    def y(score: int) -> int:
        return boven + plot_h - score * tussen

    uit = [
        {
            "x": x(datum),
            "y": y(VEILIGHEID_SCORE[veiligheid]),
            "datum": datum,
            "bron": bron,
            "label": Veiligheid(veiligheid).label,
        }
        for datum, veiligheid, bron in punten
    ]
    yas = []
    for v, score in VEILIGHEID_SCORE.items():
        regels = _regels(Veiligheid(v).label)
        # Text centred on its line: the first baseline half the block above the line's middle.
        eerste_basis = y(score) + 4 - (len(regels) - 1) * regelhoogte // 2
        yas.append(
            {
                "y": y(score),
                "label": Veiligheid(v).label,
                "regels": [{"tekst": r, "y": eerste_basis + i * regelhoogte} for i, r in enumerate(regels)],
            }
        )
    return {
        "breedte": breedte,
        "hoogte": hoogte,
        # Drawn 4/3 on a wide screen; ``max-width: 100%`` shrinks it to about 0.9 on a 375 px phone.
        "weergave_breedte": breedte * 4 // 3,
        "weergave_hoogte": hoogte * 4 // 3,
        "links": links,
        "label_x": links - 8,
        "rechts_x": breedte - rechts,
        "onder_y": boven + plot_h,
        "datum_y": hoogte - 10,
        "midden_x": (x_van + x_tot) // 2,
        "yas": yas,
        "punten": uit,
        "lijn": " ".join(f"{p['x']},{p['y']}" for p in uit),
        "eerste": eerste,
        "laatste": laatste,
        "een_datum": spanne == 0,
    }


# --------------------------------------------------------------------------- the worklist


def _te_beslissen_filter(user) -> Q:
    bewerkt = Indicatieversie.bewerkers.through.objects.filter(user_id=user.pk).values("indicatieversie_id")
    return (
        Q(status=VersieStatus.TER_BEOORDELING)
        & ~Q(auteur_id=user.pk)
        & ~Q(ingediend_door_id=user.pk)
        & ~Q(pk__in=bewerkt)
    )


def _rollen(user) -> dict[str, bool]:
    return {
        "beslisser": user.heeft_rol(Rol.BESLISSER),
        "casusregisseur": user.heeft_rol(Rol.CASUSREGISSEUR),
        "schrijver": user.heeft_rol(Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR),
    }


def _heeft_regie(user) -> Exists:
    """Whether an indication's casusregisseur can still keep regie: active, with the role, in the user's
    team (the only team whose indications the user sees). Part of the list's own query, not one per row."""
    return Exists(casusregisseurs_van_team(user.team_id).filter(pk=OuterRef("casusregisseur_id")))


def _eigen_of_zonder_regie(user) -> Q:
    """R20: the indications this casusregisseur holds, and those nobody (who still can) holds, so that
    no family drops out of every default view when its casusregisseur leaves the team."""
    return Q(casusregisseur_id=user.pk) | ~_heeft_regie(user)


def alleen_eigen(user, alle: bool = False) -> bool:
    """A casusregisseur sees evaluations and ending indications of their own families by default
    (plus those without one); ``alle`` shows the whole team. Other roles always see the team."""
    return not alle and user.heeft_rol(Rol.CASUSREGISSEUR)


WERKLIJST_LIMIET = 25


def werklijst(user, vandaag: date | None = None, tellingen: Tellingen | None = None, *, alle: bool = False) -> dict:
    """Issue 5 §6: my concepts, versions awaiting my decision, indications ending within eight weeks,
    evaluations due or overdue, recently changed. Each list shows the most urgent 25 (households
    prefetched) next to its full count, so the page costs the same for a team of any size.

    For a casusregisseur the ending and evaluation lists hold only their own families and those without
    a casusregisseur, unless ``alle``; the navigation's counts (``tellingen``) always follow that default."""
    vandaag = vandaag or timezone.localdate()
    eigen = alleen_eigen(user, alle)
    if tellingen is None or tellingen.eigen != eigen:
        tellingen = Tellingen(user, vandaag, alle=alle)
    rollen = _rollen(user)
    versies = (
        versies_voor(user)
        .select_related("indicatie", "indicatie__huishouden", "aanbieder", "auteur")
        .prefetch_related(
            Prefetch("indicatie__huishouden__leden", queryset=Gezinslid.objects.order_by("volgorde", "id"))
        )
    )
    indicaties = indicaties_voor(user).select_related("huishouden", "gewijzigd_door").prefetch_related(LEDEN_PREFETCH)
    regie = indicaties.select_related("casusregisseur").annotate(heeft_regie=_heeft_regie(user))
    if eigen:
        regie = regie.filter(_eigen_of_zonder_regie(user))
    n = WERKLIJST_LIMIET
    context = {
        "vandaag": vandaag,
        "rollen": rollen,
        "tellingen": tellingen,
        "limiet": n,
        "alleen_eigen": eigen,
        "kan_filteren": rollen["casusregisseur"],
    }
    context["concepten"] = list(
        versies.filter(status=VersieStatus.CONCEPT, auteur_id=user.pk).order_by("-gewijzigd_op")[:n]
    )
    # Sent back by a beslisser (internal, no letter) and not yet revised or withdrawn: the author's turn.
    nieuwer = Indicatieversie.objects.filter(indicatie_id=OuterRef("indicatie_id"), nummer__gt=OuterRef("nummer"))
    context["teruggestuurd"] = list(
        versies.filter(status=VersieStatus.AFGEWEZEN, afwijzing=Afwijzing.TERUGGESTUURD, auteur_id=user.pk)
        .exclude(Exists(nieuwer))
        .select_related("beslisser")
        .order_by("-beslist_op")[:n]
    )
    context["te_beslissen"] = (
        list(versies.filter(_te_beslissen_filter(user)).select_related("ingediend_door").order_by("ingediend_op")[:n])
        if rollen["beslisser"]
        else None
    )
    grens = vandaag + timedelta(days=eindigt_binnen_dagen())
    context["eindigend"] = (
        list(regie.filter(einddatum__gte=vandaag, einddatum__lte=grens).order_by("einddatum", "pk")[:n])
        if rollen["schrijver"]
        else None
    )
    context["evaluaties"] = (
        list(
            regie.filter(
                volgende_evaluatie_op__lte=vandaag + timedelta(days=evaluatie_vooruit_dagen()),
                einddatum__gte=vandaag,
            ).order_by("volgende_evaluatie_op", "pk")[:n]
        )
        if rollen["casusregisseur"]
        else None
    )
    context["recent"] = list(
        indicaties.filter(gewijzigd_op__gte=timezone.now() - timedelta(days=14)).order_by("-gewijzigd_op")[:10]
    )
    context["eindigt_binnen_weken"] = eindigt_binnen_dagen() // 7
    return context


def tellingen_voor(request) -> Tellingen:
    """One Tellingen per request, shared by the navigation and the worklist page."""
    if not hasattr(request, "_werklijst_tellingen"):
        request._werklijst_tellingen = Tellingen(request.user)
    return request._werklijst_tellingen


class Tellingen:
    """The counts in the navigation, computed lazily (two queries) only when a page shows them. A
    casusregisseur's ending and evaluation counts cover their own families and those without one,
    unless ``alle`` (see ``alleen_eigen``)."""

    def __init__(self, user, vandaag: date | None = None, *, alle: bool = False):
        self.user = user
        self.vandaag = vandaag or timezone.localdate()
        self.eigen = alleen_eigen(user, alle)

    @cached_property
    def _versies(self) -> dict:
        rollen = _rollen(self.user)
        aggregaten = {"concepten": Count("pk", filter=Q(status=VersieStatus.CONCEPT, auteur_id=self.user.pk))}
        if rollen["beslisser"]:
            aggregaten["te_beslissen"] = Count("pk", filter=_te_beslissen_filter(self.user))
        return versies_voor(self.user).filter(status__in=OPEN_STATUSSEN).aggregate(**aggregaten)

    @cached_property
    def _indicaties(self) -> dict:
        rollen = _rollen(self.user)
        aggregaten = {}
        if rollen["schrijver"]:
            aggregaten["eindigend"] = Count(
                "pk",
                filter=Q(
                    einddatum__gte=self.vandaag, einddatum__lte=self.vandaag + timedelta(days=eindigt_binnen_dagen())
                ),
            )
        if rollen["casusregisseur"]:
            aggregaten["evaluaties"] = Count(
                "pk",
                filter=Q(
                    volgende_evaluatie_op__lte=self.vandaag + timedelta(days=evaluatie_vooruit_dagen()),
                    einddatum__gte=self.vandaag,
                ),
            )
        if not aggregaten:
            return {}
        indicaties = indicaties_voor(self.user)
        if self.eigen:
            indicaties = indicaties.filter(_eigen_of_zonder_regie(self.user))
        return indicaties.aggregate(**aggregaten)

    @property
    def concepten(self) -> int:
        return self._versies.get("concepten") or 0

    @property
    def te_beslissen(self) -> int:
        return self._versies.get("te_beslissen") or 0

    @property
    def eindigend(self) -> int:
        return self._indicaties.get("eindigend") or 0

    @property
    def evaluaties(self) -> int:
        return self._indicaties.get("evaluaties") or 0

    @property
    def totaal(self) -> int:
        return self.concepten + self.te_beslissen + self.eindigend + self.evaluaties


# --------------------------------------------------------------------------- the decision page


def beslisoverzicht(versie: Indicatieversie, vorige: Indicatieversie | None, leden: list[Gezinslid]) -> dict:
    """Everything the beslisser decides on (issue 5 §3): who takes part and what each person gets per
    week and for the period, maatwerk, the period, the taxatie's proposal against the choice, and the
    budget derivation. Reads only the version's own snapshot and begroting."""
    from hgarr.datums import is_volwassen_op

    from .services import korte_periode_melding

    namen = productnamen(versie.ingangsdatum)
    per_id = {lid.pk: lid for lid in leden}
    personen = _personen(leden, [v for v in (versie, vorige) if v])
    personen_namen = {p.ref: p.naam for p in personen}
    for lid in versie.leden:
        gezinslid = per_id.get(lid["gezinslid_id"])
        naam = gezinslid.volledige_naam if gezinslid else f"Vroeger gezinslid ({lid['ref']})"
        personen_namen.setdefault(lid["ref"], naam)
    week = geld.per_week(versie.begroting)
    oud = geld.per_week(vorige.begroting) if vorige else None
    verschil = geld.verschil(week, oud)
    per_persoon = (versie.begroting or {}).get("per_persoon", {})
    maatwerk = maatwerk_in_woorden(versie, namen, personen_namen)
    kinderen_zonder_eigen_regel = False
    rijen = []
    for lid in versie.leden:
        ref = lid["ref"]
        gezinslid = per_id.get(lid["gezinslid_id"])
        volwassen = is_volwassen_op(date.fromisoformat(lid["geboortedatum"]), versie.ingangsdatum)
        eigen = ref in week
        if lid.get("doet_mee", True) and not volwassen and not eigen:
            kinderen_zonder_eigen_regel = True
        rijen.append(
            {
                "naam": personen_namen[ref],
                "rollen": gezinslid.rollen_labels if gezinslid else [],
                "volwassen": volwassen,
                "doet_mee": lid.get("doet_mee", True),
                "verblijft": lid.get("verblijft_in_voorziening", False),
                "maatwerk": [m for m in maatwerk if m["ref"] == ref],
                "week": week.get(ref),
                "periode": geld._bedrag(per_persoon[ref]["periode"]) if ref in per_persoon else None,
                "verschil": verschil.get(ref),
            }
        )
    # Someone in the earlier version who is no longer in this one still shows the difference.
    for ref in verschil:
        if ref not in {lid["ref"] for lid in versie.leden}:
            rijen.append({"naam": personen_namen.get(ref, ref), "rollen": [], "volwassen": None, "doet_mee": False,
                          "verblijft": False, "maatwerk": [], "week": None, "periode": None,
                          "verschil": verschil[ref]})
    regels = [
        {
            **r,
            "naam": personen_namen.get(r["ref"], r["ref"]),
            "voor_naam": personen_namen.get(r.get("voor") or "", ""),
            "omschrijving": regel_omschrijving(r, namen),
        }
        for r in geld.regels(versie.begroting)
    ]
    taxatie = versie.taxatie
    begroting = versie.begroting or {}
    return {
        "rijen": rijen,
        "kinderen_via_jongste": kinderen_zonder_eigen_regel,
        "regels": regels,
        "maatwerk": maatwerk,
        "totaal_per_week": geld._bedrag(begroting.get("totaal_per_week")) if begroting else None,
        "totaal_periode": geld._bedrag(begroting.get("totaal_periode")) if begroting else None,
        "dagen": begroting.get("dagen"),
        "totaal_verschil": (sum(week.values(), geld.NUL) - sum(oud.values(), geld.NUL)) if oud is not None else None,
        # The reasons' text only: their rule IDs stay in the stored taxatie and the docs.
        "redenen": [r.get("tekst", "") for r in (taxatie.voorstel_redenen if taxatie else [])],
        "keuze_wijkt_af_van_taxatie": bool(
            taxatie
            and taxatie.gekozen_perceel
            and (taxatie.gekozen_perceel, taxatie.gekozen_pakket) != (versie.perceel, versie.pakket)
        ),
        "gemeente_meldingen": gemeente_meldingen(versie, leden),
        "periode_melding": (
            korte_periode_melding(versie.ingangsdatum, versie.einddatum)
            if versie.soort in ("toekenning", "verlenging")
            else None
        ),
    }
