from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hgarr.audit"
    label = "audit"
    verbose_name = "Toegangslog"

    def ready(self) -> None:
        from . import context, geschiedenis, services  # noqa: F401  (signal receivers)

        geschiedenis.registreer_alle()
