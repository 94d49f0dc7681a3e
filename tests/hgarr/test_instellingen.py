"""Settings (issue 7 §4): production starts with three variables, ``check --deploy`` is clean, the
security headers and cookies are strict, and every environment variable is in docs/configuratie.md."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
CODE_MAPPEN = ["hgarr", "indicatie", "pakketten", "tarieven", "benchmarks", "tests", "manage.py"]
LEES_ENV = re.compile(
    r"""(?:\benv(?:_bool|_list)?\(\s*|os\.environ(?:\.get|\.setdefault)?[\[(]\s*|getenv\(\s*)["']([A-Z][A-Z0-9_]+)["']"""
)


def productie_omgeving(tmp_path) -> dict:
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "hgarr.settings.production",
        "DJANGO_SECRET_KEY": "pr0d-Xq7v!Lm2#Rt9wZk4@Hs8^Nc3&Fy6*Bd1(Jg5)Pq0_Uv2+Ye7=Ta9-Wo3",
        "DJANGO_ALLOWED_HOSTS": "hg.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }


def test_elke_omgevingsvariabele_staat_in_de_tabel():
    tabel = (ROOT / "docs" / "configuratie.md").read_text(encoding="utf-8")
    gedocumenteerd = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", tabel, flags=re.MULTILINE))
    gelezen = set()
    for map_ in CODE_MAPPEN:
        pad = ROOT / map_
        bestanden = [pad] if pad.is_file() else pad.rglob("*.py")
        for bestand in bestanden:
            gelezen |= set(LEES_ENV.findall(bestand.read_text(encoding="utf-8")))
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "HGARR_2FA_VERPLICHT"} <= gelezen
    systeem = {"PATH", "HOME"}
    assert gelezen - gedocumenteerd - systeem == set(), "Niet in docs/configuratie.md"


def test_productie_start_met_drie_variabelen_en_check_deploy_is_schoon(tmp_path):
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=productie_omgeving(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


def test_productie_instellingen_zijn_streng(tmp_path):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ['DEBUG', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', "
        "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE', "
        "'X_FRAME_OPTIONS', 'SECURE_REFERRER_POLICY', 'SECURE_SSL_REDIRECT', 'HGARR_2FA_VERPLICHT', "
        "'SESSION_COOKIE_AGE', 'AXES_FAILURE_LIMIT']} | {'bsn_sleutel': bool(s.HGARR_BSN_HASH_KEY or s.SECRET_KEY)}))"
    )
    omgeving = productie_omgeving(tmp_path) | {"HGARR_2FA_VERPLICHT": "0"}  # production ignores this
    resultaat = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=omgeving, capture_output=True, text=True,
                               timeout=60)
    assert resultaat.returncode == 0, resultaat.stderr
    w = json.loads(resultaat.stdout.strip().splitlines()[-1])
    assert w["DEBUG"] is False and w["SECURE_SSL_REDIRECT"] is True
    assert w["SECURE_HSTS_SECONDS"] >= 31536000
    assert w["SESSION_COOKIE_SECURE"] and w["SESSION_COOKIE_HTTPONLY"]
    assert w["CSRF_COOKIE_SECURE"] and w["CSRF_COOKIE_HTTPONLY"] and w["CSRF_COOKIE_SAMESITE"] == "Strict"
    assert w["X_FRAME_OPTIONS"] == "DENY" and w["SECURE_REFERRER_POLICY"] == "same-origin"
    assert w["HGARR_2FA_VERPLICHT"] is True
    assert w["SESSION_COOKIE_AGE"] == 1800 and w["AXES_FAILURE_LIMIT"] == 5


def test_productie_weigert_zonder_geheime_sleutel(tmp_path):
    omgeving = productie_omgeving(tmp_path)
    del omgeving["DJANGO_SECRET_KEY"]
    resultaat = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=omgeving, capture_output=True,
                               text=True, timeout=60)
    assert resultaat.returncode != 0
    assert "DJANGO_SECRET_KEY ontbreekt" in resultaat.stderr


@pytest.mark.django_db
def test_cookies_na_inloggen_zijn_httponly_en_strikt(client, indicatiesteller):
    client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": indicatiesteller.username, "password": "test-wachtwoord-123"})
    sessie = response.cookies["sessionid"]
    assert sessie["httponly"]
    csrf = client.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Strict"


@pytest.mark.django_db
def test_pagina_na_inloggen_heeft_csp_met_nonce(client_als, indicatiesteller):
    response = client_als(indicatiesteller).get(reverse("huishoudens:lijst"))
    csp = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'nonce="{nonce}"' in response.text
    assert "unsafe" not in csp
    assert 'src="/static/js/sessie.js"' in response.text
    assert 'data-sessie-seconden="1800"' in response.text


def test_oidc_gaat_aan_met_omgevingsvariabelen(tmp_path):
    omgeving = productie_omgeving(tmp_path) | {
        "OIDC_RP_CLIENT_ID": "hg-arrangementen",
        "OIDC_RP_CLIENT_SECRET": "geheim",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.nl/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.nl/token",
        "OIDC_OP_USER_ENDPOINT": "https://login.example.nl/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": "https://login.example.nl/jwks",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; from django.urls import reverse; "
        "print(reverse('oidc_authentication_init'), s.AUTHENTICATION_BACKENDS[0], s.AUTHENTICATION_BACKENDS[-1], "
        "'mozilla_django_oidc' in s.INSTALLED_APPS)"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=omgeving, capture_output=True, text=True,
                               timeout=60)
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split() == [
        "/oidc/authenticate/", "axes.backends.AxesStandaloneBackend", "hgarr.accounts.oidc.HgOIDCBackend", "True"
    ]
    check = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                           env=omgeving, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.django_db
def test_oidc_koppelt_alleen_bestaande_actieve_accounts(settings, rf, indicatiesteller):
    settings.HGARR_OIDC_GEBRUIKERSNAAM_CLAIM = "preferred_username"
    settings.HGARR_OIDC_TELT_ALS_2FA = True
    settings.OIDC_RP_CLIENT_ID = "x"
    settings.OIDC_RP_CLIENT_SECRET = "y"
    settings.OIDC_OP_TOKEN_ENDPOINT = settings.OIDC_OP_USER_ENDPOINT = "https://login.example.nl/"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://login.example.nl/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    from hgarr.accounts.oidc import OIDC_2FA_SESSIE_SLEUTEL, HgOIDCBackend

    backend = HgOIDCBackend()
    backend.request = rf.get("/")
    backend.request.session = {}
    backend.get_userinfo = lambda *a: {"preferred_username": indicatiesteller.username.upper()}
    assert backend.get_or_create_user("a", "i", {}) == indicatiesteller
    assert backend.request.session[OIDC_2FA_SESSIE_SLEUTEL] is True
    backend.get_userinfo = lambda *a: {"preferred_username": "onbekend"}
    assert backend.get_or_create_user("a", "i", {}) is None
    indicatiesteller.is_active = False
    indicatiesteller.save()
    backend.get_userinfo = lambda *a: {"preferred_username": indicatiesteller.username}
    assert backend.get_or_create_user("a", "i", {}) is None
