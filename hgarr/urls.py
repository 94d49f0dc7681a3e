from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "HG-arrangementen beheer"
admin.site.site_title = "HG-arrangementen"

urlpatterns = [
    path("", include("hgarr.accounts.urls")),  # start, login (2FA), logout, session timeout
    path("toegangslog/", include("hgarr.audit.urls")),  # privacy officer: the access log
    path("geschiedenis/", include("hgarr.audit.urls_geschiedenis")),  # change history of a case file
    path("huishoudens/", include("indicatie.huishoudens.urls")),
    path("taxaties/", include("indicatie.taxaties.urls")),
    path("indicaties/", include("indicatie.indicaties.urls")),
    path("beschikkingen/", include("indicatie.beschikkingen.urls")),
    path("toewijzingen/", include("indicatie.toewijzingen.urls")),
    path("pakketten/", include("pakketten.urls")),
    path("tarieven/", include("tarieven.urls")),
    path("beheer/", admin.site.urls),
]

if settings.HGARR_OIDC_AAN:  # optional single sign-on (docs/configuratie.md)
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
