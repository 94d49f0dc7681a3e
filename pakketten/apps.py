from django.apps import AppConfig


class PakkettenConfig(AppConfig):
    name = "pakketten"
    label = "pakketten"
