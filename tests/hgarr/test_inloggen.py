"""Login (issue 7 §3): lockout after 5 failures (django-axes), TOTP second factor for every user,
session rotation, the first-login app linking, and the login page's strict CSP."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hgarr.accounts.roles import Rol
from hgarr.accounts.testing import totp_apparaat, totp_code

pytestmark = pytest.mark.django_db
WACHTWOORD = "test-wachtwoord-123"


def wachtwoord_stap(client, user, wachtwoord=WACHTWOORD, **extra):
    return client.post(reverse("login"), {"username": user.username, "password": wachtwoord, **extra})


def test_zes_keer_fout_wachtwoord_blokkeert_het_account(client, indicatiesteller):
    for _ in range(5):
        response = wachtwoord_stap(client, indicatiesteller, "fout-wachtwoord")
    assert response.status_code == 429  # the fifth failure locks
    response = wachtwoord_stap(client, indicatiesteller, "fout-wachtwoord")
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.text
    # Now even the right password does not get in.
    response = wachtwoord_stap(client, indicatiesteller)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_vier_fouten_blokkeren_nog_niet(client, indicatiesteller):
    for _ in range(4):
        assert wachtwoord_stap(client, indicatiesteller, "fout").status_code == 200
    assert wachtwoord_stap(client, indicatiesteller).status_code == 302


def test_blokkade_geldt_per_account(client, maak_gebruiker):
    slachtoffer, ander = maak_gebruiker(Rol.INDICATIESTELLER), maak_gebruiker(Rol.CASUSREGISSEUR)
    for _ in range(6):
        wachtwoord_stap(client, slachtoffer, "fout")
    assert wachtwoord_stap(client, ander).status_code == 302


def test_inlogpagina_heeft_strikte_csp_en_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'nonce-" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Every script tag carries the nonce; there is no inline script or style attribute.
    html = response.text
    assert html.count("<script") == html.count('nonce="')
    assert "style=" not in html
    assert '"allowEval": false' in html


def test_wachtwoord_leidt_naar_code_en_niet_verder(client, indicatiesteller):
    totp_apparaat(indicatiesteller)
    response = wachtwoord_stap(client, indicatiesteller)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweede_factor"))
    # Logged in with only the password: every case-file page sends back to the code page.
    response = client.get(reverse("huishoudens:lijst"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweede_factor"))
    response = client.get(reverse("huishoudens:lijst"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"].startswith(reverse("tweede_factor"))


def test_juiste_code_geeft_toegang_en_nieuwe_sessie(client, indicatiesteller):
    wachtwoord_stap(client, indicatiesteller, next=reverse("huishoudens:lijst"))
    sessie_na_wachtwoord = client.session.session_key
    response = client.post(reverse("tweede_factor"), {"token": totp_code(indicatiesteller), "next": "/huishoudens/"})
    assert response.status_code == 302
    assert response["Location"] == "/huishoudens/"
    assert client.session.session_key != sessie_na_wachtwoord
    assert client.get(reverse("huishoudens:lijst")).status_code == 200


def test_foute_code_geeft_nederlandse_fout(client, indicatiesteller):
    totp_apparaat(indicatiesteller)
    wachtwoord_stap(client, indicatiesteller)
    fout = "000000" if totp_code(indicatiesteller) != "000000" else "111111"
    response = client.post(reverse("tweede_factor"), {"token": fout})
    assert response.status_code == 400
    assert "klopt niet" in response.text
    assert client.get(reverse("huishoudens:lijst")).status_code == 302
    response = client.post(reverse("tweede_factor"), {"token": "<script>"})
    assert response.status_code == 400
    assert "zes cijfers" in response.text


def test_hergebruikte_code_wordt_geweigerd(client, indicatiesteller):
    device = totp_apparaat(indicatiesteller)
    code = totp_code(indicatiesteller)
    wachtwoord_stap(client, indicatiesteller)
    assert client.post(reverse("tweede_factor"), {"token": code}).status_code == 302
    client.post(reverse("logout"))
    wachtwoord_stap(client, indicatiesteller)
    device.refresh_from_db()
    assert client.post(reverse("tweede_factor"), {"token": code}).status_code == 400


def test_eerste_keer_app_koppelen_met_qr_code(client, indicatiesteller):
    assert not TOTPDevice.objects.filter(user=indicatiesteller).exists()
    response = wachtwoord_stap(client, indicatiesteller)
    response = client.get(response["Location"], follow=True)
    assert response.request["PATH_INFO"] == reverse("totp_koppelen")
    assert 'src="data:image/svg+xml;base64,' in response.text
    device = TOTPDevice.objects.get(user=indicatiesteller, confirmed=False)
    code = TOTP(device.bin_key).token()
    response = client.post(reverse("totp_koppelen"), {"token": f"{code:06d}"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("huishoudens:lijst")).status_code == 200


def test_ongeverifieerde_sessie_kan_geen_nieuwe_app_koppelen(client, indicatiesteller):
    totp_apparaat(indicatiesteller)
    wachtwoord_stap(client, indicatiesteller)
    response = client.get(reverse("totp_koppelen"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweede_factor"))
    assert TOTPDevice.objects.filter(user=indicatiesteller).count() == 1


def test_uitloggen_kan_zonder_tweede_factor(client, indicatiesteller):
    wachtwoord_stap(client, indicatiesteller)
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@override_settings(HGARR_2FA_VERPLICHT=False)
def test_zonder_verplichting_geen_tweede_stap(client, indicatiesteller):
    response = wachtwoord_stap(client, indicatiesteller)
    assert response["Location"] == reverse("start")
    assert client.get(reverse("huishoudens:lijst")).status_code == 200


def test_productie_zet_tweestapsverificatie_altijd_aan():
    from pathlib import Path

    tekst = (Path(__file__).resolve().parents[2] / "hgarr" / "settings" / "production.py").read_text()
    assert "HGARR_2FA_VERPLICHT = True" in tekst


def test_inloggen_gebeurt_zonder_wachtwoord_in_logs(client, indicatiesteller, caplog):
    with caplog.at_level("DEBUG"):
        wachtwoord_stap(client, indicatiesteller, "geheim-fout-wachtwoord")
    assert "geheim-fout-wachtwoord" not in caplog.text


@pytest.mark.parametrize("volgende", ["https://aanvaller.example/", "//aanvaller.example/", "javascript:alert(1)"])
def test_geen_open_redirect_na_de_code(client, indicatiesteller, volgende):
    wachtwoord_stap(client, indicatiesteller)
    response = client.post(reverse("tweede_factor"), {"token": totp_code(indicatiesteller), "next": volgende})
    assert response.status_code == 302
    assert response["Location"] == reverse("start")


def test_beheerder_kan_app_ontkoppelen_en_blokkade_opheffen_maar_ziet_geen_log(client_als, beheerder):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # post_migrate brings the role permissions in step
    beheerder = type(beheerder).objects.get(pk=beheerder.pk)
    assert beheerder.has_perm("otp_totp.delete_totpdevice")
    assert beheerder.has_perm("axes.delete_accessattempt")
    assert not beheerder.has_perm("audit.view_toegangslogregel")
    client = client_als(beheerder)
    assert client.get(reverse("admin:otp_totp_totpdevice_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_toegangslogregel_changelist")).status_code == 403
