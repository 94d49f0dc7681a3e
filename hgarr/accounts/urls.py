from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("inloggen/code/", views.tweede_factor, name="tweede_factor"),
    path("inloggen/app-koppelen/", views.totp_koppelen, name="totp_koppelen"),
    path("uitloggen/", views.uitloggen, name="logout"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie_verlengen"),
    path("sessie/herstellen/", views.invoer_herstellen, name="invoer_herstellen"),
]
