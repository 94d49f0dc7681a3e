from django.urls import path

from . import views

app_name = "tarieven"

urlpatterns = [
    path("", views.tariefblad, name="tariefblad"),
]
