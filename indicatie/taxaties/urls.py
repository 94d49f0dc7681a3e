from django.urls import path

from . import views

app_name = "taxaties"

urlpatterns = [
    path("beslistabel/", views.beslistabel, name="beslistabel"),
    path("volgcijfers/", views.volgcijfers, name="volgcijfers"),
    path("huishouden/<int:huishouden_pk>/", views.overzicht, name="overzicht"),
    path("huishouden/<int:huishouden_pk>/nieuw/", views.nieuw, name="nieuw"),
    path("huishouden/<int:huishouden_pk>/voorstel/", views.voorstel, name="voorstel"),
    path("huishouden/<int:huishouden_pk>/<int:pk>/", views.detail, name="detail"),
]
