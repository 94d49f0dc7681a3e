"""Invented demo data for the lifecycle (idempotent): three contracted aanbieders and indications in
various states for the demo households that have a taxatie."""

from datetime import date

from hgarr.accounts.models import User
from indicatie.huishoudens.demodata import test_bsn
from indicatie.huishoudens.models import Huishouden
from indicatie.taxaties.models import Taxatie

from . import services
from .models import Aanbieder, Indicatie

# Invented names and AGB codes (not real providers).
AANBIEDERS = [
    ("Stichting Veilig Thuis Voorbeeld", "99990001", ["extramuraal"]),
    ("Huiselijk Herstel Demo", "99990002", ["extramuraal", "semimuraal", "intramuraal"]),
    ("Opvang Proefhaven", "99990003", ["semimuraal", "intramuraal"]),
]


def _gebruiker(team, rol: str):
    return User.objects.filter(team=team, groups__name=rol).order_by("pk").first()


def _deelnemers(huishouden, perceel):
    return [
        services.Deelnemer(
            gezinslid=lid,
            doet_mee=lid.doet_mee,
            verblijft_in_voorziening=perceel != "extramuraal" and "pleger" not in lid.rollen,
        )
        for lid in huishouden.leden.all()
    ]


# (first member's test-BSN index, scenario, has a casusregisseur). The concept keeps none, so the
# indication page and the worklist show both states (R20).
SCENARIOS = [(0, "lopend_met_wijziging", True), (4, "concept", False)]


def laad() -> int:
    for naam, agb, percelen in AANBIEDERS:
        Aanbieder.objects.update_or_create(agb_code=agb, defaults={"naam": naam, "percelen": percelen})
    nieuw = 0
    for volgnummer, scenario, _ in SCENARIOS:
        huishouden = Huishouden.objects.filter(leden__bsn=test_bsn(volgnummer)).first()
        if huishouden is None or Indicatie.objects.filter(huishouden=huishouden).exists():
            continue
        taxatie = Taxatie.objects.filter(huishouden=huishouden).order_by("-datum", "-id").first()
        steller = _gebruiker(huishouden.team, "indicatiesteller")
        regisseur = _gebruiker(huishouden.team, "casusregisseur")
        beslisser = _gebruiker(huishouden.team, "beslisser")
        if not (taxatie and steller and regisseur and beslisser):
            continue
        perceel = taxatie.gekozen_perceel or "extramuraal"
        pakket = taxatie.gekozen_pakket or "2"
        aanbieder = Aanbieder.objects.get(agb_code="99990002")
        start = max(date(2026, 10, 5), huishouden.registratiedatum)
        gegevens = services.VersieGegevens(
            perceel=perceel,
            pakket=pakket,
            aanbieder=aanbieder,
            ingangsdatum=start,
            einddatum=services.standaard_einddatum(start),
            taxatie=taxatie,
            motivering="Demo: de taxatie wijst op deze ondersteuning; het gezin werkt mee.",
            deelnemers=_deelnemers(huishouden, perceel),
        )
        versie = services.maak_indicatie(huishouden=huishouden, door=steller, gegevens=gegevens)
        nieuw += 1
        if scenario == "concept":
            continue
        services.dien_in(versie_id=versie.pk, door=steller, revisie=None)
        services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)
        services.leg_evaluatie_vast(
            indicatie_id=versie.indicatie_id,
            door=regisseur,
            datum=date(2026, 11, 16),
            veiligheid="dreigend",
            voortgang="Demo: afspraken worden nagekomen, nog geen rust.",
            advies="afschalen",
            toelichting="Demo: minder begeleiding volstaat vanaf december.",
        )
        afschalen = services.VersieGegevens(
            perceel="extramuraal",
            pakket="1",
            aanbieder=aanbieder,
            ingangsdatum=date(2026, 12, 1),
            einddatum=None,
            taxatie=taxatie,
            motivering="Demo: afschalen na de evaluatie van 16 november.",
            deelnemers=_deelnemers(huishouden, "extramuraal"),
        )
        wijziging = services.start_wijziging(
            indicatie_id=versie.indicatie_id, door=regisseur, gegevens=afschalen, revisie=None
        )
        services.dien_in(versie_id=wijziging.pk, door=regisseur, revisie=None)
    _wijs_casusregisseurs_toe()
    return nieuw


def _wijs_casusregisseurs_toe() -> None:
    """The team's casusregisseur for the scenarios that have one, also in a database loaded before
    indications had a casusregisseur. Only where nobody is assigned, so loading again changes nothing."""
    for volgnummer in [volgnummer for volgnummer, _, met_regie in SCENARIOS if met_regie]:
        zonder = Indicatie.objects.filter(huishouden__leden__bsn=test_bsn(volgnummer), casusregisseur__isnull=True)
        for indicatie in zonder.select_related("huishouden"):
            regisseur = _gebruiker(indicatie.huishouden.team, "casusregisseur")
            steller = _gebruiker(indicatie.huishouden.team, "indicatiesteller")
            if regisseur and steller:
                services.wijs_casusregisseur_toe(
                    indicatie_id=indicatie.pk, casusregisseur_id=regisseur.pk, door=steller, revisie=None
                )
