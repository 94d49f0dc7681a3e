from django.apps import AppConfig


class BeschikkingenConfig(AppConfig):
    name = "indicatie.beschikkingen"
    label = "beschikkingen"
    verbose_name = "Beschikkingen"

    def ready(self):
        # Deciding a version issues its letters (issue 6); the lifecycle does not know about letters.
        from indicatie.indicaties.signals import versie_afgewezen, versie_vastgesteld

        from . import receivers

        versie_vastgesteld.connect(receivers.bij_vastgesteld, dispatch_uid="beschikkingen.bij_vastgesteld")
        versie_afgewezen.connect(receivers.bij_afgewezen, dispatch_uid="beschikkingen.bij_afgewezen")
