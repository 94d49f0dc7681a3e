from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "hgarr.web"
    label = "web"
    verbose_name = "Weblaag"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .referentiedata import herstel_referentiedata

        post_migrate.connect(herstel_referentiedata, dispatch_uid="hgarr.web.herstel_referentiedata")
        _nederlandse_namen_van_andere_apps()


# Third-party apps without Dutch names in /beheer/. Their strings in gettext are translated in
# locale/nl; these are plain strings, so they are set here. Only display names: the migration state
# reads Meta.original_attrs, so no migration in the third-party app follows from this.
APP_NAMEN = {"axes": "Inlogblokkade", "otp_totp": "Tweestapsverificatie", "django_tasks_database": "Achtergrondtaken"}
MODEL_NAMEN = {"otp_totp.TOTPDevice": ("authenticator-app", "authenticator-apps")}


def _nederlandse_namen_van_andere_apps() -> None:
    from django.apps import apps

    for label, naam in APP_NAMEN.items():
        if label in apps.app_configs:
            apps.get_app_config(label).verbose_name = naam
    for model_label, (enkelvoud, meervoud) in MODEL_NAMEN.items():
        try:
            model = apps.get_model(model_label)
        except LookupError:
            continue
        model._meta.verbose_name = enkelvoud
        model._meta.verbose_name_plural = meervoud
