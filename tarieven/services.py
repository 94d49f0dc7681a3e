"""Write path and the budget service. ``begroting(invoer=...)`` is what views, commands and other apps
call: it validates the case (pydantic, every rule) and returns the engine's Begroting."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout

from .engine import Begroting, Casus, bereken
from .models import Parameterset
from .parameters import Parameters
from .selectors import omgeving_op


def valideer_casus(*, invoer: dict, vandaag: date | None = None) -> Casus:
    """Raises pydantic.ValidationError (one Dutch message via hgarr.web.pydantic_nl.eerste_fout)."""
    return Casus.model_validate(invoer, context={"omgeving": omgeving_op, "vandaag": vandaag})


def begroting(*, invoer: dict, vandaag: date | None = None) -> Begroting:
    return bereken(valideer_casus(invoer=invoer, vandaag=vandaag))


def bereken_begroting(casus: Casus) -> Begroting:
    """For a Casus validated without context: looks up the tables of its start date and applies the
    configuration rules. Raises ValueError (GeenParameterset or a rule) with one Dutch sentence; the
    result carries ``parameterset_id`` and ``catalogus_versie_id`` (pass them to markeer_in_gebruik)."""
    return bereken(casus, omgeving_op(casus.ingangsdatum))


class ParametersetInGebruik(Exception):
    """A set used by a decided indication is frozen: copy it to change it."""


def _valideer(data: dict) -> Parameters:
    try:
        return Parameters.model_validate(data)
    except ValidationError as fout:
        raise DjangoValidationError(eerste_fout(fout)) from None


@transaction.atomic
def wijzig_parameterset(*, parameterset: Parameterset, data: dict, naam: str | None = None) -> Parameterset:
    parameterset = Parameterset.objects.select_for_update().get(pk=parameterset.pk)
    if parameterset.in_gebruik:
        raise ParametersetInGebruik("Deze parameterset is gebruikt door een vastgestelde indicatie en kan niet "
                                    "meer worden gewijzigd; kopieer de set om te wijzigen.")
    parameters = _valideer(data)
    if parameters.jaar != parameterset.jaar:
        raise DjangoValidationError("Het jaar in de parameters moet het tariefjaar van de set zijn.")
    parameterset.data = data
    if naam is not None:
        parameterset.naam = naam
    parameterset.save()
    return parameterset


@transaction.atomic
def kopieer_parameterset(*, parameterset: Parameterset, geldig_vanaf: date | None = None, door=None) -> Parameterset:
    """A new, editable set from a later date in the same tariff year (the original stays as it is)."""
    if geldig_vanaf is None:
        laatste = Parameterset.objects.filter(jaar=parameterset.jaar).order_by("-geldig_vanaf").first()
        geldig_vanaf = max(laatste.geldig_vanaf + timedelta(days=1), date.today())
    if geldig_vanaf.year != parameterset.jaar:
        raise DjangoValidationError("Een kopie geldt vanaf een datum in hetzelfde tariefjaar; maak voor een "
                                    "ander jaar een nieuwe set.")
    if Parameterset.objects.filter(jaar=parameterset.jaar, geldig_vanaf=geldig_vanaf).exists():
        raise DjangoValidationError("Er is al een parameterset vanaf die datum.")
    return Parameterset.objects.create(
        jaar=parameterset.jaar, geldig_vanaf=geldig_vanaf, naam=f"{parameterset.naam} (kopie)",
        data=parameterset.data, bron=parameterset.bron, toelichting=parameterset.toelichting,
        gekopieerd_van=parameterset, aangemaakt_door=door,
    )


@transaction.atomic
def markeer_in_gebruik(*, parameterset_id: int, catalogus_versie_id: int | None = None) -> None:
    """Call when an indication computed with these tables is decided (vastgesteld): from then on the
    parameter set and the catalogue version can no longer be edited."""
    Parameterset.objects.filter(pk=parameterset_id, in_gebruik=False).update(in_gebruik=True)
    if catalogus_versie_id is not None:
        from pakketten.services import markeer_in_gebruik as markeer_tabel

        markeer_tabel(versie_id=catalogus_versie_id)
