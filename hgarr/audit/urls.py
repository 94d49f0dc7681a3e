from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.toegangslog, name="toegangslog"),
    path("export.csv", views.toegangslog_export, name="toegangslog_export"),
]
