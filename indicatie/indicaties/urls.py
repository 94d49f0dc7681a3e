from django.urls import path, re_path

from . import views

app_name = "indicaties"

urlpatterns = [
    path("", views.werklijst, name="werklijst"),
    path("aanbieders/", views.aanbieders, name="aanbieders"),
    path("huishouden/<int:huishouden_pk>/", views.van_huishouden, name="van_huishouden"),
    path("huishouden/<int:huishouden_pk>/nieuw/", views.nieuw, name="nieuw"),
    path("huishouden/<int:huishouden_pk>/voorbeeld/", views.voorbeeld, name="voorbeeld"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/op-afschalen/", views.opschalen, name="opschalen"),
    path("<int:pk>/beeindigen/", views.beeindigen, name="beeindigen"),
    path("<int:pk>/verlengen/", views.verlengen, name="verlengen"),
    path("<int:pk>/evaluatie/", views.evaluatie, name="evaluatie"),
    path("<int:pk>/casusregisseur/", views.casusregisseur, name="casusregisseur"),
    path("versie/<int:versie_pk>/wijzigen/", views.versie_wijzigen, name="versie_wijzigen"),
    path("versie/<int:versie_pk>/beslissen/", views.beslissen, name="beslissen"),
    re_path(
        r"^versie/(?P<versie_pk>[0-9]+)/(?P<actie>indienen|intrekken|herzien)/$",
        views.versie_actie,
        name="versie_actie",
    ),
]
