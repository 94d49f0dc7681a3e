from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "indicatie.toewijzingen"
    label = "toewijzingen"
    verbose_name = "Toewijzingen"

    def ready(self):
        # Every decided version yields its 301 messages (issue 8); the lifecycle does not know about them.
        from indicatie.indicaties.signals import versie_vastgesteld

        from . import receivers

        versie_vastgesteld.connect(receivers.bij_vastgesteld, dispatch_uid="toewijzingen.bij_vastgesteld")
