"""Fixtures for the indication lifecycle (issue 5): aanbieders, a taxatie, and helpers that walk a
version through concept -> ter beoordeling -> vastgesteld."""

from datetime import date

import pytest

from hgarr.accounts.roles import Rol
from indicatie.indicaties import services
from indicatie.indicaties.models import Aanbieder
from indicatie.indicaties.services import Deelnemer, VersieGegevens
from indicatie.taxaties.models import Taxatie

START = date(2026, 2, 2)
EINDE = date(2027, 2, 1)


@pytest.fixture
def aanbieder(db):
    return Aanbieder.objects.create(
        naam="Zorg Voorbeeld", agb_code="12345678", percelen=["extramuraal", "semimuraal", "intramuraal"]
    )


@pytest.fixture
def aanbieder_alleen_extramuraal(db):
    return Aanbieder.objects.create(naam="Ambulant Proef", agb_code="87654321", percelen=["extramuraal"])


def maak_taxatie(
    huishouden, auteur, *, datum=date(2026, 1, 20), veiligheid="dreigend", perceel="extramuraal", pakket="2"
) -> Taxatie:
    return Taxatie.objects.create(
        huishouden=huishouden,
        datum=datum,
        auteur=auteur,
        team=huishouden.team,
        veiligheid=veiligheid,
        vaardigheden="beperkt",
        voorstel_advies="hg-arrangement",
        voorstel_perceel=perceel,
        voorstel_pakket=pakket,
        gekozen_perceel=perceel,
        gekozen_pakket=pakket,
    )


@pytest.fixture
def taxatie(huishouden, indicatiesteller):
    return maak_taxatie(huishouden, indicatiesteller)


@pytest.fixture
def tweede_beslisser(maak_gebruiker):
    return maak_gebruiker(Rol.BESLISSER)


def gegevens(huishouden, aanbieder, taxatie=None, **over) -> VersieGegevens:
    data = dict(
        perceel="extramuraal",
        pakket="2",
        aanbieder=aanbieder,
        ingangsdatum=START,
        einddatum=EINDE,
        motivering="Dreigende situatie met beperkte vaardigheden; pakket 2 past.",
        deelnemers=[Deelnemer(gezinslid=lid, doet_mee=True) for lid in huishouden.leden.all()],
        taxatie=taxatie,
    )
    data.update(over)
    return VersieGegevens(**data)


def vastgesteld(huishouden, aanbieder, taxatie, steller, beslisser, **over):
    """A decided first version (toekenning)."""
    versie = services.maak_indicatie(
        huishouden=huishouden, door=steller, gegevens=gegevens(huishouden, aanbieder, taxatie, **over)
    )
    versie = services.dien_in(versie_id=versie.pk, door=steller, revisie=None)
    return services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)


def besluit(versie, steller, beslisser):
    services.dien_in(versie_id=versie.pk, door=steller, revisie=None)
    return services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)
