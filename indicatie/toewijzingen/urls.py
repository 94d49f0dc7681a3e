from django.urls import path

from . import views

app_name = "toewijzingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("verzonden/", views.verzonden, name="verzonden"),
    path("dag/<str:dag>/zip/", views.dag_zip, name="dag_zip"),
    path("versie/<int:pk>/", views.versie, name="versie"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/retour/", views.retour, name="retour"),
    path("<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
]
