"""Retention (issue 7 §7): households whose last indication ended more than N years ago are listed,
and on request anonymised. The default term and its legal basis are in docs/security.md.

Anonymising keeps what the municipality needs for evaluation and accounts (R21): the household, its
members with birth year, role and relation, the taxaties, indications, budgets and letters as records.
It removes what identifies a person: names, BSNs, exact birth dates, addresses, free texts, the letter
PDFs and message XML, and the change history (which holds old values). The access log stays: it holds
no BSN, only keyed hashes.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial

from django.apps import apps
from django.db import connection, models, transaction
from django.db.models import Max
from django.db.models.functions import Coalesce, TruncDate

from .models import Actie, Anonimisering, Wijziging
from .services import log_toegang

PADEN_NAAR_HUISHOUDEN = ("huishouden", "indicatie__huishouden", "versie__indicatie__huishouden")
CASUS_APPS = ("taxaties", "indicaties", "beschikkingen", "toewijzingen")


@dataclass(frozen=True)
class Kandidaat:
    huishouden_id: int
    team: str
    laatste_einde: date


def jaren_terug(peildatum: date, jaren: int) -> date:
    try:
        return peildatum.replace(year=peildatum.year - jaren)
    except ValueError:  # 29 February
        return peildatum.replace(year=peildatum.year - jaren, day=28)


def kandidaten(*, jaren: int, peildatum: date | None = None) -> list[Kandidaat]:
    """Households whose last indication ended before the retention limit (without indication: the
    last change of the household), not yet anonymised, oldest first."""
    Huishouden = apps.get_model("huishoudens", "Huishouden")
    grens = jaren_terug(peildatum or date.today(), jaren)
    qs = Huishouden.objects.annotate(
        indicatie_einde=Max(Coalesce("indicaties__einddatum", TruncDate("indicaties__gewijzigd_op"))),
        eigen_einde=TruncDate("gewijzigd_op"),
    ).exclude(pk__in=Anonimisering.objects.values("huishouden_id"))
    resultaat = []
    for h in qs.select_related("team").order_by("pk"):
        einde = h.indicatie_einde or h.eigen_einde
        if einde < grens:
            resultaat.append(Kandidaat(h.pk, str(h.team), einde))
    return sorted(resultaat, key=lambda k: (k.laatste_einde, k.huishouden_id))


def _pad(model) -> str | None:
    namen = {f.name: f for f in model._meta.concrete_fields}
    for pad in PADEN_NAAR_HUISHOUDEN:
        eerste = pad.split("__")[0]
        if eerste in namen and namen[eerste].is_relation:
            if pad == "huishouden" and namen[eerste].related_model._meta.label != "huishoudens.Huishouden":
                continue
            return pad
    return None


def _wis_vrije_tekst_en_bestanden(huishouden_id: int) -> None:
    for model in apps.get_models():
        if model._meta.app_label not in CASUS_APPS:
            continue
        pad = _pad(model)
        if pad is None:
            continue
        qs = model._base_manager.filter(**{pad: huishouden_id})
        leeg = {}
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.FileField):
                for naam in qs.exclude(**{veld.attname: ""}).values_list(veld.attname, flat=True):
                    # After the commit: a rolled-back anonymisation keeps its files readable; a crash in
                    # between leaves orphans that `ruim_weesbestanden` removes.
                    transaction.on_commit(partial(veld.storage.delete, naam))
                leeg[veld.attname] = ""
            elif isinstance(veld, models.TextField) and veld.blank:
                leeg[veld.attname] = ""
            elif isinstance(veld, models.BinaryField) and veld.null:
                leeg[veld.attname] = None
        # Short fields that hold a name (a letter's addressee, say) are declared by their model.
        leeg.update(getattr(model, "ANONIEME_WAARDEN", {}))
        if leeg:
            qs.update(**leeg)  # bypasses model save(): decided records are otherwise immutable


def anonimiseer(kandidaat: Kandidaat, *, jaren: int) -> None:
    """Anonymise one household in one transaction; the access-log row follows the commit."""
    with transaction.atomic():
        _sta_wijzigen_van_beschikkingen_toe()
        bsns = _anonimiseer(kandidaat, jaren=jaren)
    log_toegang(
        None, actie=Actie.ANONIMISEREN, objecttype="huishouden", object_id=kandidaat.huishouden_id, bsns=bsns,
        detail=f"bewaartermijn {jaren} jaar verstreken (laatste einde {kandidaat.laatste_einde.isoformat()})",
    )


def _sta_wijzigen_van_beschikkingen_toe() -> None:
    """On PostgreSQL a trigger refuses every UPDATE of an issued letter (beschikkingen/0002) unless the
    transaction declares that it anonymises; the setting ends with this transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('hgarr.anonimiseren', 'aan', true)")


def _anonimiseer(kandidaat: Kandidaat, *, jaren: int) -> list[str]:
    Huishouden = apps.get_model("huishoudens", "Huishouden")
    Gezinslid = apps.get_model("huishoudens", "Gezinslid")
    huishouden = Huishouden.objects.select_for_update().get(pk=kandidaat.huishouden_id)
    bsns = list(huishouden.leden.exclude(bsn="").values_list("bsn", flat=True))
    for nummer, lid in enumerate(huishouden.leden.order_by("volgorde", "id"), start=1):
        Gezinslid.objects.filter(pk=lid.pk).update(
            voornamen="Geanonimiseerd", voorvoegsel="", achternaam=f"Gezinslid {nummer}", bsn="",
            geboortedatum=date(lid.geboortedatum.year, 1, 1),
            straat="", huisnummer="", postcode="", corr_straat="", corr_huisnummer="", corr_postcode="",
            corr_plaats="",
        )
    Huishouden.objects.filter(pk=huishouden.pk).update(straat="", huisnummer="", postcode="")
    _wis_vrije_tekst_en_bestanden(huishouden.pk)
    Wijziging.objects.filter(huishouden_id=huishouden.pk).delete()
    Anonimisering.objects.create(
        huishouden_id=huishouden.pk, laatste_einde=kandidaat.laatste_einde, bewaartermijn_jaren=jaren
    )
    return bsns
