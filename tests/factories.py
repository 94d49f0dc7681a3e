"""Factories for invented test data. BSNs come from the 9999xxxxx test range (elfproef valid)."""

from datetime import date

import factory
from django.contrib.auth.models import Group

from hgarr.accounts.models import Team, User
from indicatie.huishoudens.demodata import test_bsn
from indicatie.huishoudens.models import Gezinslid, Huishouden

_bsn_teller = iter(range(100, 100000))


def nieuw_test_bsn() -> str:
    return test_bsn(next(_bsn_teller))


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Wijkteam Test {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    team = factory.SubFactory(TeamFactory)
    password = factory.django.Password("test-wachtwoord-123")

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set([Group.objects.get(name=str(r)) for r in extracted])


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    team = factory.SubFactory(TeamFactory)
    gemeente = "Rotterdam"
    registratiedatum = date(2026, 1, 5)
    straat = "Teststraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "3000 AA"
    plaats = "Rotterdam"


class GezinslidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gezinslid

    huishouden = factory.SubFactory(HuishoudenFactory)
    voornamen = factory.Sequence(lambda n: f"Voornaam{n}")
    achternaam = "Testfamilie"
    geboortedatum = date(1990, 1, 1)
    bsn = factory.LazyFunction(nieuw_test_bsn)
    geslacht = "2"
    rollen = factory.LazyFunction(lambda: ["slachtoffer"])
    relatie = "ouder"
    doet_mee = True
