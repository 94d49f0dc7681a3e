"""Reference data (catalogue, decision table, default tariff set) is created by data migrations, so a
freshly migrated database is complete. A flush (as between transactional tests) empties the tables but
emits post_migrate without re-running migrations; this handler then loads the same fixtures again, with
the same idempotent loaders the migrations use."""

from django.apps import apps as django_apps
from django.db import DEFAULT_DB_ALIAS


def herstel_referentiedata(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if sender is None or sender.label != "pakketten":
        return  # once per migrate/flush (post_migrate is sent per app that has models)
    from pakketten.laden import CATALOGUS_FIXTURE, FIXTURES, laad_tabelfixture
    from tarieven.laden import STANDAARD_2026, laad_parameterfixture

    tabelversie = django_apps.get_model("pakketten", "Tabelversie")
    parameterset = django_apps.get_model("tarieven", "Parameterset")
    if not tabelversie.objects.using(using).filter(soort="catalogus").exists():
        laad_tabelfixture(tabelversie, CATALOGUS_FIXTURE)
    if not tabelversie.objects.using(using).filter(soort="beslistabel").exists():
        laad_tabelfixture(tabelversie, FIXTURES / "beslistabel" / "beslistabel_2026.json")
    if not parameterset.objects.using(using).exists():
        laad_parameterfixture(parameterset, STANDAARD_2026)
