from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "hgarr.web"
    label = "web"
    verbose_name = "Weblaag"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .referentiedata import herstel_referentiedata

        post_migrate.connect(herstel_referentiedata, dispatch_uid="hgarr.web.herstel_referentiedata")
