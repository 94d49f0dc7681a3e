from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "indicatie.huishoudens"
    label = "huishoudens"
    verbose_name = "Huishoudens"
