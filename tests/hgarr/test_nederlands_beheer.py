"""Strings that Django 6.1 and third-party apps ship in English are Dutch in forms and in /beheer/."""

import pytest
from django.urls import reverse

from indicatie.huishoudens.forms import GezinslidForm


def test_lege_keuze_in_een_keuzelijst_is_nederlands():
    html = str(GezinslidForm()["relatie"])
    assert '>- Kies een optie -</option>' in html
    assert "Select an option" not in html


@pytest.mark.django_db
def test_beheer_toont_nederlandse_namen(client, django_user_model):
    beheer = django_user_model.objects.create_superuser("beheer-test", password="x-wachtwoord-lang-genoeg")
    client.force_login(beheer)
    index = client.get(reverse("admin:index")).text
    for engels in ("Access attempts", "TOTP devices", "Otp_Totp", "Tasks Database Backend"):
        assert engels not in index
    for nederlands in ("Inlogpogingen", "Authenticator-apps", "Tweestapsverificatie", "Inlogblokkade"):
        assert nederlands in index
    gebruikers = client.get(reverse("admin:accounts_user_changelist")).text
    assert "gebruikers zoeken" in gebruikers and "Search gebruikers" not in gebruikers
    assert "Select an option" not in gebruikers
