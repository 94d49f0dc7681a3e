"""A functioneel beheerder manages accounts but cannot reach case files through them (DESIGN §1):
not by giving themselves a role, not by combining beheer with a case role, not via the superuser."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hgarr.accounts.roles import Rol

pytestmark = pytest.mark.django_db


def _formulier(gebruiker, groepen):
    return {
        "username": gebruiker.username, "first_name": gebruiker.first_name, "last_name": gebruiker.last_name,
        "email": gebruiker.email or "", "is_active": "on", "is_staff": "on" if gebruiker.is_staff else "",
        "team": gebruiker.team_id or "", "functie": getattr(gebruiker, "functie", "") or "",
        "groups": [Group.objects.get(name=g).pk for g in groepen],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "23-11-2026", "date_joined_1": "10:00:00",
    }


def test_eigen_rollen_zijn_alleen_lezen(client_als, beheerder):
    client = client_als(beheerder)
    url = reverse("admin:accounts_user_change", args=[beheerder.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert 'name="groups"' not in pagina.text and 'name="is_superuser"' not in pagina.text
    antwoord = client.post(url, _formulier(beheerder, [Rol.FUNCTIONEEL_BEHEERDER, Rol.INDICATIESTELLER]))
    assert antwoord.status_code == 302  # saved, but the groups field was not taken
    assert not type(beheerder).objects.get(pk=beheerder.pk).heeft_rol(Rol.INDICATIESTELLER)
    assert client.get(reverse("huishoudens:lijst")).status_code == 403  # still no case files


def test_beheer_en_dossierrol_niet_op_een_account(client_als, beheerder, maak_gebruiker):
    ander = maak_gebruiker(Rol.INDICATIESTELLER)
    client = client_als(beheerder)
    url = reverse("admin:accounts_user_change", args=[ander.pk])
    antwoord = client.post(url, _formulier(ander, [Rol.INDICATIESTELLER, Rol.FUNCTIONEEL_BEHEERDER]))
    assert antwoord.status_code == 200
    assert "Een functioneel beheerder kan niet ook indicatiesteller zijn" in antwoord.text
    assert not type(ander).objects.get(pk=ander.pk).heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
    # Handing out a case role to someone else is the beheerder's job and still works.
    antwoord = client.post(url, _formulier(ander, [Rol.INDICATIESTELLER, Rol.BESLISSER]))
    assert antwoord.status_code == 302
    assert type(ander).objects.get(pk=ander.pk).heeft_rol(Rol.BESLISSER)


def test_superuser_is_buiten_bereik(client_als, beheerder, django_user_model):
    baas = django_user_model.objects.create_superuser("hoofdbeheer", password="x-wachtwoord-lang-genoeg")
    client = client_als(beheerder)
    url = reverse("admin:accounts_user_change", args=[baas.pk])
    pagina = client.get(url)  # view only
    assert 'name="is_active"' not in pagina.text and 'name="groups"' not in pagina.text
    assert client.post(url, _formulier(baas, []) | {"is_active": ""}).status_code == 403
    baas.refresh_from_db()
    assert baas.is_superuser and baas.is_active
