"""Write path of the versioned tables: a new version from a date; a version in use is never edited."""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout

from .models import Tabelversie
from .tabellen import valideer


class TabelInGebruik(Exception):
    """A version that is in use cannot be changed: make a new version from a date."""


def _valideer(soort: str, data: dict) -> None:
    try:
        valideer(soort, data)
    except ValidationError as fout:
        raise DjangoValidationError(eerste_fout(fout)) from None


@transaction.atomic
def nieuwe_tabelversie(*, soort: str, geldig_vanaf: date, data: dict, bron: str = "", toelichting: str = "",
                       door=None) -> Tabelversie:
    _valideer(soort, data)
    if Tabelversie.objects.filter(soort=soort, geldig_vanaf=geldig_vanaf).exists():
        raise DjangoValidationError("Er is al een versie van deze tabel vanaf die datum.")
    return Tabelversie.objects.create(soort=soort, geldig_vanaf=geldig_vanaf, data=data, bron=bron,
                                      toelichting=toelichting, aangemaakt_door=door)


@transaction.atomic
def wijzig_tabelversie(*, versie: Tabelversie, data: dict, bron: str | None = None,
                       toelichting: str | None = None) -> Tabelversie:
    versie = Tabelversie.objects.select_for_update().get(pk=versie.pk)
    if versie.in_gebruik:
        raise TabelInGebruik("Deze versie is in gebruik en kan niet worden gewijzigd; maak een nieuwe versie.")
    _valideer(versie.soort, data)
    versie.data = data
    if bron is not None:
        versie.bron = bron
    if toelichting is not None:
        versie.toelichting = toelichting
    versie.save()
    return versie


@transaction.atomic
def markeer_in_gebruik(*, versie_id: int) -> None:
    """Called when a decided indication used this version (it is frozen from then on)."""
    Tabelversie.objects.filter(pk=versie_id, in_gebruik=False).update(in_gebruik=True)
