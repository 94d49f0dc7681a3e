from django.apps import AppConfig


class IndicatiesConfig(AppConfig):
    name = "indicatie.indicaties"
    label = "indicaties"
    verbose_name = "Indicaties"
