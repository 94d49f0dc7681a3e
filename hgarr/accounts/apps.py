from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hgarr.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en teams"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .signals import sync_rol_rechten

        post_migrate.connect(sync_rol_rechten, dispatch_uid="hgarr.accounts.sync_rol_rechten")
