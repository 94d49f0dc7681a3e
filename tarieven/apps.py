from django.apps import AppConfig


class TarievenConfig(AppConfig):
    name = "tarieven"
    label = "tarieven"
