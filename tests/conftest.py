import pytest

from hgarr.accounts.roles import Rol
from tests.factories import GezinslidFactory, HuishoudenFactory, TeamFactory, UserFactory


@pytest.fixture
def team(db):
    return TeamFactory(naam="Wijkteam Test")


@pytest.fixture
def ander_team(db):
    return TeamFactory(naam="Wijkteam Elders")


@pytest.fixture
def maak_gebruiker(db, team):
    def maak(*rollen, team_=None, **kwargs):
        return UserFactory(team=team_ or team, rollen=list(rollen), **kwargs)

    return maak


@pytest.fixture
def indicatiesteller(maak_gebruiker):
    return maak_gebruiker(Rol.INDICATIESTELLER)


@pytest.fixture
def beslisser(maak_gebruiker):
    return maak_gebruiker(Rol.BESLISSER)


@pytest.fixture
def casusregisseur(maak_gebruiker):
    return maak_gebruiker(Rol.CASUSREGISSEUR)


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, is_staff=True)


@pytest.fixture
def huishouden(team):
    h = HuishoudenFactory(team=team)
    GezinslidFactory(huishouden=h, voornamen="Anna", achternaam="Voorbeeld", volgorde=0)
    GezinslidFactory(huishouden=h, voornamen="Ben", achternaam="Voorbeeld", relatie="ex-partner",
                     rollen=["pleger"], geslacht="1", volgorde=1)
    GezinslidFactory(huishouden=h, voornamen="Cato", achternaam="Voorbeeld", relatie="kind",
                     rollen=["getuige"], geboortedatum=__import__("datetime").date(2015, 4, 1), volgorde=2)
    return h


@pytest.fixture(autouse=True)
def _force_login_met_tweede_factor(monkeypatch):
    """Two-factor login is on in tests (as in production). ``client.force_login`` logs in with the
    second factor done, so tests that are not about login need not care; tests of the login flow
    itself post the real forms (tests/hgarr/test_inloggen.py)."""
    from django.test import Client

    from hgarr.accounts.testing import markeer_sessie_geverifieerd

    origineel = Client.force_login

    def force_login(self, user, backend=None):
        origineel(self, user, backend)
        markeer_sessie_geverifieerd(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def client_als(client):
    """Log the test client in as ``user``, second factor included (two-factor login is on in tests)."""
    from hgarr.accounts.testing import log_in_geverifieerd

    def login(user):
        return log_in_geverifieerd(client, user)

    return login


@pytest.fixture(autouse=True)
def _prive_opslag_per_test(settings, tmp_path):
    """Letters and messages issued in a test go to a temporary folder, never into var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"
