from django.urls import path

from . import views

app_name = "geschiedenis"

urlpatterns = [
    path("huishouden/<int:pk>/", views.geschiedenis_huishouden, name="huishouden"),
]
