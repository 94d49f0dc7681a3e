from django.apps import AppConfig


class TaxatiesConfig(AppConfig):
    name = "indicatie.taxaties"
    label = "taxaties"
    verbose_name = "Taxaties"
