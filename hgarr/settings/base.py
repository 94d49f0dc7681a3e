"""Base settings, read from environment variables with safe defaults.

Every variable is documented in docs/configuratie.md. The pattern follows Open Zaak and Open
Formulieren: one base module that reads the environment, thin modules per environment that only
pre-set variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default=None):
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY ontbreekt.")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "hgarr.accounts",
    "hgarr.audit",
    "hgarr.web",
    "pakketten",
    "tarieven",
    "indicatie.huishoudens",
    "indicatie.taxaties",
    "indicatie.indicaties",
    "indicatie.beschikkingen",
    "indicatie.toewijzingen",
    "django_tasks_db",  # background jobs (batch printing of letters); worker: manage.py db_worker
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hgarr.audit.middleware.AuditMiddleware",
    "hgarr.accounts.middleware.BewaarInvoerMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "hgarr.accounts.middleware.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # django-axes last: it turns a lockout during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hgarr.urls"
WSGI_APPLICATION = "hgarr.wsgi.application"
ASGI_APPLICATION = "hgarr.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hgarr.web.context_processors.navigatie",
                "indicatie.indicaties.context_processors.werklijst",
                "hgarr.accounts.context_processors.sessie",
            ],
            "builtins": ["hgarr.web.templatetags.nl"],
        },
    }
]

# SQLite is the embedded default; DATABASE_URL (anything dj-database-url reads) switches.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses to authenticate a locked-out account before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Issued letters and messages live in private storage: never served by a public media URL.
PRIVATE_MEDIA_ROOT = Path(env("HGARR_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))

# Django's task framework with a database backend and a worker (``manage.py db_worker``); tests may set
# HGARR_TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend.
TASKS = {"default": {"BACKEND": env("HGARR_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(env("HGARR_SESSION_IDLE_SECONDS", "1800"))
# The browser warns this many seconds before the idle timeout (static/js/sessie.js).
HGARR_SESSIE_WAARSCHUWING_SECONDEN = int(env("HGARR_SESSIE_WAARSCHUWING_SECONDEN", "300"))
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout: every request extends the session
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True  # no script reads the cookie: the token comes from hx-headers on <body>
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Django's built-in Content Security Policy: 'self' and nonces, no unsafe-inline, no unsafe-eval.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Municipality configuration (not constants in code, DESIGN.md §2).
HGARR_GEMEENTE = env("HGARR_GEMEENTE", "Rotterdam")
HGARR_GEMEENTECODE = env("HGARR_GEMEENTECODE", "0599")
# Letterhead and objection route of the beschikkingen (issue 6 §1). Addresses are lines separated by
# commas, so a deployment sets them without code changes.
HGARR_BRIEF_AFDELING = env("HGARR_BRIEF_AFDELING", "Maatschappelijke Ontwikkeling, Wijkteams")
HGARR_BRIEF_POSTADRES = env_list("HGARR_BRIEF_POSTADRES", "Postbus 70012,3000 KP Rotterdam")
HGARR_BRIEF_TELEFOON = env("HGARR_BRIEF_TELEFOON", "14 010")
HGARR_BRIEF_WEBSITE = env("HGARR_BRIEF_WEBSITE", "www.rotterdam.nl")
HGARR_BEZWAAR_ADRES = env_list("HGARR_BEZWAAR_ADRES") or HGARR_BRIEF_POSTADRES
HGARR_BEZWAAR_DIGITAAL = env("HGARR_BEZWAAR_DIGITAAL", "www.rotterdam.nl/bezwaar (met DigiD)")
# Wmo 2015 art. 2.1.4a: maximum monthly contribution (per 1 January 2026); none is charged for HG-opvang.
HGARR_WMO_ABONNEMENTSTARIEF = env("HGARR_WMO_ABONNEMENTSTARIEF", "21.80")
# Indication lifecycle (issue 5): evaluation cadence (R20) and the worklist's horizons.
HGARR_EVALUATIE_INTERVAL_MAANDEN = int(env("HGARR_EVALUATIE_INTERVAL_MAANDEN", "3"))
HGARR_WERKLIJST_EINDIGT_BINNEN_WEKEN = int(env("HGARR_WERKLIJST_EINDIGT_BINNEN_WEKEN", "8"))
HGARR_WERKLIJST_EVALUATIE_VOORUIT_DAGEN = int(env("HGARR_WERKLIJST_EVALUATIE_VOORUIT_DAGEN", "14"))
# R14: semi-/intramural HG-arrangementen are bought by Rotterdam as centrumgemeente for its region.
HGARR_REGIO_GEMEENTEN = env_list(
    "HGARR_REGIO_GEMEENTEN",
    "Rotterdam,Albrandswaard,Barendrecht,Capelle aan den IJssel,Goeree-Overflakkee,Hoeksche Waard,"
    "Krimpen aan den IJssel,Lansingerland,Maassluis,Nissewaard,Ridderkerk,Schiedam,Vlaardingen,Voorne aan Zee",
)

# --- Security and audit (issue 7; docs/security.md) ---------------------------------------------

# Key for the keyed hash of BSNs in the access log; derived from the secret key when empty.
HGARR_BSN_HASH_KEY = env("HGARR_BSN_HASH_KEY", "")

# Two-factor login (TOTP, django-otp) for every user. Only development may switch it off.
HGARR_2FA_VERPLICHT = env_bool("HGARR_2FA_VERPLICHT", True)
OTP_TOTP_ISSUER = env("HGARR_OTP_UITGEVER", "HG-arrangementen Rotterdam")
OTP_TOTP_THROTTLE_FACTOR = 1

# Lockout after failed logins (django-axes): per account, with a cool-off.
AXES_FAILURE_LIMIT = int(env("HGARR_MAX_MISLUKTE_INLOGPOGINGEN", "5"))
AXES_COOLOFF_TIME = float(env("HGARR_BLOKKADE_MINUTEN", "30")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
# Not also per IP address: all staff reach the application through the municipality's few egress
# addresses, so an IP lockout would lock out whole offices (docs/security.md, "Inlogblokkade").
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hgarr.accounts.views.geblokkeerd"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "token"]

# Retention (management command ``bewaartermijn``): years after the last indication ended.
HGARR_BEWAARTERMIJN_JAREN = int(env("HGARR_BEWAARTERMIJN_JAREN", "15"))

# Optional single sign-on through OpenID Connect: on when OIDC_RP_CLIENT_ID is set.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
HGARR_OIDC_AAN = bool(OIDC_RP_CLIENT_ID)
if HGARR_OIDC_AAN:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("hgarr.accounts.oidc.HgOIDCBackend")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
    OIDC_CREATE_USER = False  # accounts, teams and roles are managed in the application
    OIDC_USE_PKCE = True
    HGARR_OIDC_GEBRUIKERSNAAM_CLAIM = env("HGARR_OIDC_GEBRUIKERSNAAM_CLAIM", "preferred_username")
    # The municipality's identity provider enforces multi-factor login; set to 0 to ask for TOTP too.
    HGARR_OIDC_TELT_ALS_2FA = env_bool("HGARR_OIDC_TELT_ALS_2FA", True)
    LOGIN_REDIRECT_URL_FAILURE = "login"

# Personal data stays out of technical logs and error reports (hgarr/logging_filters.py).
DEFAULT_EXCEPTION_REPORTER_FILTER = "hgarr.logging_filters.PersoonsgegevensReporterFilter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"persoonsgegevens": {"()": "hgarr.logging_filters.PersoonsgegevensFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["persoonsgegevens"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Replace Django's own handlers (mail to admins, runserver lines) by the filtered console.
        "django": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO"), "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # django-axes logs every successful login at INFO; failures and lockouts are warnings.
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
