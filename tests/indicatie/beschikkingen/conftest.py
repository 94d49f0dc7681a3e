"""Fixtures for the decision letters (issue 6): a household with a confidential address, a pleger
with gezag living elsewhere and two children; decided versions through the lifecycle's own services."""

from datetime import date
from decimal import Decimal

import pytest

from hgarr.accounts.roles import Rol
from indicatie.beschikkingen.brief import Adres, Beslisser
from indicatie.beschikkingen.opstellen import Begrotingsregel, Dossier, Persoon
from indicatie.indicaties import services as indicatie_services
from indicatie.indicaties.models import Aanbieder
from indicatie.indicaties.services import Deelnemer, VersieGegevens
from indicatie.taxaties.models import Taxatie
from tests.factories import GezinslidFactory, HuishoudenFactory

START = date(2026, 2, 2)
EINDE = date(2027, 2, 1)


@pytest.fixture(autouse=True)
def prive_map(settings, tmp_path):
    """Issued letters go to a folder of this test, never to the project's var/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def direct_uitvoeren(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def gezin(team):
    """Moeder in a shelter (confidential address, letters to a correspondence address), vader the
    pleger with gezag living elsewhere, two children."""
    h = HuishoudenFactory(team=team, straat="Gezinsstraat", huisnummer="5", postcode="3012 AB", plaats="Rotterdam")
    moeder = GezinslidFactory(
        huishouden=h, voornamen="Mira", achternaam="Jansen", geboortedatum=date(1990, 6, 1), relatie="ouder",
        rollen=["slachtoffer"], heeft_gezag=True, vertrouwelijk_adres=True, woont_elders=True,
        straat="Geheimeweg", huisnummer="77", postcode="3099 ZZ", plaats="Schuilplaats",
        corr_straat="Postbus", corr_huisnummer="4321", corr_postcode="3000 CA", corr_plaats="Rotterdam", volgorde=0,
    )
    vader = GezinslidFactory(
        huishouden=h, voornamen="Victor", achternaam="Jansen", geboortedatum=date(1987, 2, 3), relatie="ex-partner",
        rollen=["pleger"], geslacht="1", heeft_gezag=True, woont_elders=True,
        straat="Plegerlaan", huisnummer="13", postcode="3044 PL", plaats="Schiedam", volgorde=1,
    )
    kind_a = GezinslidFactory(huishouden=h, voornamen="Kees", achternaam="Jansen", geboortedatum=date(2014, 5, 5),
                              relatie="kind", rollen=["getuige"], volgorde=2)
    kind_b = GezinslidFactory(huishouden=h, voornamen="Lotte", achternaam="Jansen", geboortedatum=date(2019, 9, 9),
                              relatie="kind", rollen=["getuige"], volgorde=3)
    h.moeder, h.vader, h.kind_a, h.kind_b = moeder, vader, kind_a, kind_b
    return h


@pytest.fixture
def aanbieder(db):
    return Aanbieder.objects.create(naam="Zorgaanbieder Voorbeeld", agb_code="12345678",
                                    percelen=["extramuraal", "semimuraal", "intramuraal"])


@pytest.fixture
def tweede_beslisser(maak_gebruiker):
    return maak_gebruiker(Rol.BESLISSER, first_name="Bea", last_name="Slisser", functie="Teamleider wijkteam")


def maak_taxatie(huishouden, auteur, perceel="extramuraal", pakket="2", **over) -> Taxatie:
    data = dict(
        huishouden=huishouden, datum=date(2026, 1, 20), auteur=auteur, team=huishouden.team, veiligheid="dreigend",
        vaardigheden="beperkt", voorstel_advies="hg-arrangement", voorstel_perceel=perceel, voorstel_pakket=pakket,
        gekozen_perceel=perceel, gekozen_pakket=pakket,
    )
    data.update(over)
    return Taxatie.objects.create(**data)


def gegevens(huishouden, aanbieder, taxatie, **over) -> VersieGegevens:
    data = dict(
        perceel="extramuraal", pakket="2", aanbieder=aanbieder, ingangsdatum=START, einddatum=EINDE,
        motivering="Interne notitie die nooit in een brief mag staan: ruzie op de trap.",
        deelnemers=[Deelnemer(gezinslid=lid, doet_mee=True) for lid in huishouden.leden.all()],
        taxatie=taxatie,
    )
    data.update(over)
    return VersieGegevens(**data)


def besluit(versie, steller, beslisser, *, vaststellen=True, reden="", **afwijzing):
    indicatie_services.dien_in(versie_id=versie.pk, door=steller, revisie=None)
    return indicatie_services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=vaststellen, reden=reden,
                                     revisie=None, **afwijzing)


@pytest.fixture
def vastgestelde_versie(gezin, aanbieder, indicatiesteller, tweede_beslisser):
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    return besluit(versie, indicatiesteller, tweede_beslisser)


def dossier(**over) -> Dossier:
    """A plain letter case without the database, like the one in issue 6 §6."""
    personen = [
        Persoon(ref="moeder", naam="Mira Jansen", geboortedatum=date(1990, 6, 1), bsn="999990019",
                rollen=("slachtoffer",), postadres=Adres("Postbus", "4321", "3000 CA", "Rotterdam"),
                gezag_over=frozenset({"kind_a", "kind_b"}), verblijft_in_voorziening=True),
        Persoon(ref="vader", naam="Victor Jansen", geboortedatum=date(1987, 2, 3), rollen=("pleger",),
                postadres=Adres("Plegerlaan", "13", "3044 PL", "Schiedam"), gezag_over=frozenset({"kind_a", "kind_b"})),
        Persoon(ref="kind_a", naam="Kees Jansen", geboortedatum=date(2014, 5, 5), verblijft_in_voorziening=True),
        Persoon(ref="kind_b", naam="Lotte Jansen", geboortedatum=date(2019, 9, 9), bsn="999990020",
                verblijft_in_voorziening=True),
    ]
    regels = [
        Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen", uren_per_week=Decimal("1.50"),
                        bedrag_per_week=Decimal("122.79"), bedrag_periode=Decimal("6402.48")),
        Begrotingsregel(ref="moeder", wet="Wmo", product="dagbesteding", trede="2",
                        bedrag_per_week=Decimal("1234.56"), bedrag_periode=Decimal("64373.49")),
        Begrotingsregel(ref="vader", wet="Wmo", product="begeleiding_volwassenen", uren_per_week=Decimal("1.50"),
                        bedrag_per_week=Decimal("122.79"), bedrag_periode=Decimal("6402.48")),
        Begrotingsregel(ref="kind_b", wet="Jeugdwet", product="begeleiding_kinderen", uren_per_week=Decimal("2.00"),
                        bedrag_per_week=Decimal("182.00"), bedrag_periode=Decimal("9490.00")),
    ]
    data = dict(
        kenmerk="HG-2026-0042", datum=date(2026, 11, 23), perceel="extramuraal", pakket="2",
        ingangsdatum=date(2026, 12, 1), einddatum=date(2027, 11, 30), personen=personen, regels=regels,
        beslisser=Beslisser("Bea Slisser", "Teamleider wijkteam"), aanbieder="Zorgaanbieder Voorbeeld",
    )
    data.update(over)
    return Dossier(**data)
