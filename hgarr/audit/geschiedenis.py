"""Change history of case files (issue 7 §2): who changed what, when, with old and new values.

A small signal-based log instead of a package that generates shadow tables: the registered models
belong to other apps that change often, and a shadow table per model would make each of their schema
changes a migration in this app. Here a change is one ``Wijziging`` row with ``{veld: [oud, nieuw]}``.
Bulk ``QuerySet.update()`` bypasses signals; the services of the registered models save instances.

Register a model with ``registreer("app_label.Model", huishouden="attribute path")``; the path leads
from an instance to the id of its household (``"pk"`` for the household itself).
"""

import json
from dataclasses import dataclass

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_init, post_save, pre_save

from hgarr.logging_filters import NAAMVELDEN, onthoud_naam

from .context import actor
from .models import Wijziging

# The case-file models whose changes are kept. A model listed here must exist (a test checks it).
GESCHIEDENIS_MODELLEN = {
    "huishoudens.Huishouden": "pk",
    "huishoudens.Gezinslid": "huishouden_id",
    "taxaties.Taxatie": "huishouden_id",
    "indicaties.Indicatie": "huishouden_id",
    "indicaties.Indicatieversie": "indicatie.huishouden_id",
    "indicaties.Evaluatie": "indicatie.huishouden_id",
}

# Fields that only record bookkeeping, not content.
OVERGESLAGEN = {"id", "gewijzigd_op", "aangemaakt_op", "revisie"}


@dataclass(frozen=True)
class Registratie:
    huishouden_pad: str
    velden: tuple[str, ...]  # attnames


_registraties: dict[type, Registratie] = {}


def _waarde(veld, instance):
    waarde = veld.value_from_object(instance) if not veld.is_relation else getattr(instance, veld.attname)
    return json.loads(json.dumps(waarde, cls=DjangoJSONEncoder))


def _volg_pad(instance, pad: str):
    waarde = instance
    for deel in pad.split("."):
        if waarde is None:
            return None
        waarde = getattr(waarde, deel, None)
    return waarde


def _velden(model) -> tuple[str, ...]:
    return tuple(
        f.attname
        for f in model._meta.concrete_fields
        if f.attname not in OVERGESLAGEN and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    )


def _huidige(instance, registratie: Registratie) -> dict:
    velden = {f.attname: f for f in instance._meta.concrete_fields}
    return {naam: _waarde(velden[naam], instance) for naam in registratie.velden}


def _voor_opslaan(sender, instance, raw=False, using=None, **kwargs):
    registratie = _registraties.get(sender)
    if registratie is None or raw:
        return
    instance._hgarr_oud = None
    if instance.pk is not None and not instance._state.adding:
        oud = sender._base_manager.using(using).filter(pk=instance.pk).values(*registratie.velden).first()
        if oud is not None:
            instance._hgarr_oud = json.loads(json.dumps(oud, cls=DjangoJSONEncoder))


def _schrijf(instance, registratie: Registratie, soort: str, velden: dict, using) -> None:
    user = actor()
    huishouden_id = _volg_pad(instance, registratie.huishouden_pad)
    Wijziging.objects.using(using).create(
        gebruiker_id=user.pk if user else None,
        gebruikersnaam=user.get_username() if user else "systeem",
        soort=soort,
        objecttype=instance._meta.label_lower,
        object_id=str(instance.pk),
        omschrijving=f"{instance._meta.verbose_name} {instance.pk}"[:200],
        huishouden_id=huishouden_id if isinstance(huishouden_id, int) else None,
        velden=velden,
    )


def _na_opslaan(sender, instance, created=False, raw=False, using=None, **kwargs):
    registratie = _registraties.get(sender)
    if registratie is None or raw:
        return
    nieuw = _huidige(instance, registratie)
    oud = getattr(instance, "_hgarr_oud", None)
    if created or oud is None:
        velden = {k: [None, v] for k, v in nieuw.items() if v not in (None, "", [], {})}
        _schrijf(instance, registratie, Wijziging.Soort.AANGEMAAKT, velden, using)
    else:
        velden = {k: [oud.get(k), v] for k, v in nieuw.items() if oud.get(k) != v}
        if velden:
            _schrijf(instance, registratie, Wijziging.Soort.GEWIJZIGD, velden, using)
    instance._hgarr_oud = nieuw


def _na_verwijderen(sender, instance, using=None, **kwargs):
    registratie = _registraties.get(sender)
    if registratie is None:
        return
    velden = {k: [v, None] for k, v in _huidige(instance, registratie).items() if v not in (None, "", [], {})}
    _schrijf(instance, registratie, Wijziging.Soort.VERWIJDERD, velden, using)


def _onthoud_namen(sender, instance, **kwargs):
    """Names of persons loaded in this request are masked in technical logs (logging_filters)."""
    onthoud_naam(*(getattr(instance, veld, "") for veld in NAAMVELDEN if hasattr(instance, veld)))


def registreer(label: str, huishouden: str) -> None:
    model = apps.get_model(label)
    _registraties[model] = Registratie(huishouden, _velden(model))
    uid = f"hgarr_geschiedenis_{model._meta.label_lower}"
    pre_save.connect(_voor_opslaan, sender=model, dispatch_uid=uid + "_pre")
    post_save.connect(_na_opslaan, sender=model, dispatch_uid=uid + "_post")
    post_delete.connect(_na_verwijderen, sender=model, dispatch_uid=uid + "_delete")


def registreer_alle() -> None:
    for label, pad in GESCHIEDENIS_MODELLEN.items():
        registreer(label, pad)
    # Every model with a person's name field feeds the log filter's list of names to mask.
    for model in apps.get_models():
        if {f.name for f in model._meta.concrete_fields} & {"voornamen", "achternaam"}:
            post_init.connect(_onthoud_namen, sender=model, dispatch_uid=f"hgarr_namen_{model._meta.label_lower}")


def wijzigingen_van_huishouden(huishouden_id: int):
    return Wijziging.objects.filter(huishouden_id=huishouden_id)
