"""Write path and the budget service. ``begroting(invoer=...)`` is what views, commands and other apps
call: it validates the case (pydantic, every rule) and returns the engine's Begroting."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

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


# Money values an index applies to: salaries, premium bases, staffing cost, fixed weekly amounts.
# Shares and percentages (premiums, overhead, mixes, productivity) are not indexed.
_GELDPADEN = (
    ("cao", "*", "schalen", "*"),
    ("werkgeverslasten", "max_premieloon"),
    ("werkgeverslasten", "pensioen_franchise"),
    ("tredes", "kosten_per_dienstuur"),
    ("verblijf", "*"),
    ("maatwerk", "*", "*"),
)


def _is_geldpad(pad: tuple[str, ...]) -> bool:
    return any(len(p) == len(pad) and all(a in ("*", b) for a, b in zip(p, pad, strict=True)) for p in _GELDPADEN)


def _afgeleid(obj, pad: tuple[str, ...], *, van_jaar: int, factor: Decimal | None, index_tekst: str):
    """Every labelled value of ``obj`` marked as derived from ``van_jaar``; money values indexed."""
    if isinstance(obj, list):
        return [_afgeleid(v, pad, van_jaar=van_jaar, factor=factor, index_tekst=index_tekst) for v in obj]
    if not isinstance(obj, dict):
        return obj
    if "label" in obj and "herkomst" in obj:
        nieuw = dict(obj)
        geindexeerd = factor is not None and "waarde" in obj and _is_geldpad(pad)
        if geindexeerd:
            nieuw["waarde"] = str((Decimal(str(obj["waarde"])) * factor).quantize(Decimal("0.01"), ROUND_HALF_UP))
        wijze = f"geïndexeerd met {index_tekst}" if geindexeerd else "overgenomen"
        # An assumption stays an assumption (the tariff sheet warns about it); everything else is now
        # derived, not sourced for the new year, until the beheerder replaces it.
        if obj["label"] != "aanname":
            nieuw["label"] = "afgeleid"
        nieuw["herkomst"] = f"Afgeleid van {van_jaar} ({wijze}); was {obj['label']}: {obj['herkomst']}"
        return nieuw
    return {k: _afgeleid(v, (*pad, k), van_jaar=van_jaar, factor=factor, index_tekst=index_tekst)
            for k, v in obj.items()}


def vorige_parameterset(jaar: int) -> Parameterset | None:
    """The newest set of the latest tariff year before ``jaar``."""
    return Parameterset.objects.filter(jaar__lt=jaar).order_by("-jaar", "-geldig_vanaf").first()


@transaction.atomic
def nieuw_tariefjaar(*, jaar: int, index: Decimal | None = None, bron: Parameterset | None = None,
                     door=None) -> Parameterset:
    """Starts the set of a new tariff year from the latest earlier one (or ``bron``): an editable,
    unlocked copy valid from 1 January, every value labelled as derived from the source year, money
    values raised by ``index`` percent. The beheerder then checks and replaces the values."""
    if not 2000 <= jaar <= 2100:
        raise DjangoValidationError(f"{jaar} is geen geldig tariefjaar.")
    if Parameterset.objects.filter(jaar=jaar).exists():
        raise DjangoValidationError(f"Er is al een tariefparameterset voor {jaar}; wijzig of kopieer die.")
    bron = bron or vorige_parameterset(jaar)
    if bron is None:
        raise DjangoValidationError(f"Er is geen tariefparameterset van vóór {jaar} om van uit te gaan.")
    if bron.jaar >= jaar:
        raise DjangoValidationError(f"Een nieuw tariefjaar gaat uit van een eerder jaar, niet van {bron.jaar}.")
    factor = None
    index_tekst = ""
    if index is not None:
        if not Decimal(-50) <= index <= Decimal(50):
            raise DjangoValidationError("De indexatie moet tussen -50 en 50 procent liggen.")
        factor = 1 + index / 100
        index_tekst = f"{index:+}".replace(".", ",") + "%"
    data = _afgeleid(bron.data, (), van_jaar=bron.jaar, factor=factor, index_tekst=index_tekst)
    naam = f"Tarieven HG-arrangementen {jaar} (afgeleid van {bron.jaar})"
    data = {**data, "jaar": jaar, "naam": naam}
    _valideer(data)
    toelichting = (f"Gestart vanaf '{bron}'"
                   + (f", geldbedragen geïndexeerd met {index_tekst}" if factor is not None else ", ongewijzigd")
                   + ". Controleer elke waarde en vervang haar door de bron van dit jaar.")
    return Parameterset.objects.create(
        jaar=jaar, geldig_vanaf=date(jaar, 1, 1), naam=naam, data=data,
        bron=f"Afgeleid van tariefjaar {bron.jaar}", toelichting=toelichting,
        gekopieerd_van=bron, aangemaakt_door=door,
    )
