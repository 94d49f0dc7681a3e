from django.urls import path

from . import views

app_name = "beschikkingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/download/", views.download, name="download"),
    path("huishouden/<int:pk>/", views.huishouden, name="huishouden"),
    path("huishouden/<int:pk>/pleger/<int:lid_pk>/bevestigen/", views.bevestig_pleger, name="bevestig_pleger"),
    path("afdrukken/", views.afdrukken, name="afdrukken"),
    path("afdrukken/<int:pk>/", views.opdracht, name="opdracht"),
    path("afdrukken/<int:pk>/download/", views.opdracht_download, name="opdracht_download"),
]
