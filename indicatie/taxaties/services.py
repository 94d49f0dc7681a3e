"""Write path of the taxatie, and the proposal for a household (issue 4).

The proposal itself is pure (``pakketten.voorstel.stel_voor``); here it is fed with the household's
members and the decision table valid on the date, and the weekly budget of the proposal comes from the
tariff engine. ``maak_taxatie`` stores the answers, the proposal as it was, and the professional's
choice; a deviation needs a motivation (R18).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from pakketten.beslistabel import Beslistabel
from pakketten.models import Tabelversie
from pakketten.voorstel import Lid, Voorstel, VoorstelInvoer, stel_voor

from . import selectors
from .models import Gezinsprofiel, Pakket, Perceel, Taxatie, VerzwarendeFactor

MIN_MOTIVERING_TEKENS = 20
MIN_MOTIVERING_WOORDEN = 4


class GeenBeslistabel(Exception):
    """No decision table is valid on the date: a functioneel beheerder must add one."""


@dataclass(frozen=True)
class Budget:
    weekbudget: Decimal | None
    melding: str = ""  # why there is no amount (vrije trede, basishulp, engine not available)


@dataclass(frozen=True)
class VoorstelResultaat:
    voorstel: Voorstel
    tabelversie: Tabelversie
    budget: Budget


def leden_van(huishouden) -> list[Lid]:
    """The household's members in the ``begroting`` format. Who stays in a facility is left to the
    engine's default (R12: a member who is only pleger is taken not to stay)."""
    return [
        Lid(ref=str(lid.pk), geboortedatum=lid.geboortedatum, rollen=list(lid.rollen or []), doet_mee=lid.doet_mee)
        for lid in huishouden.leden.all()
    ]


def voorstel_invoer(*, huishouden, veiligheid: str, vaardigheden: str, nabijheid_24_uur: bool,
                    niet_zelfstandig_wonen: bool, bestaande_wmo_verblijf: bool, langdurig_of_specialistisch: bool,
                    vast_pakket_past_niet: bool = False, peildatum: date) -> VoorstelInvoer:
    return VoorstelInvoer(
        veiligheid=veiligheid, vaardigheden=vaardigheden, nabijheid_24_uur=nabijheid_24_uur,
        niet_zelfstandig_wonen=niet_zelfstandig_wonen, bestaande_wmo_verblijf=bestaande_wmo_verblijf,
        langdurig_of_specialistisch=langdurig_of_specialistisch, vast_pakket_past_niet=vast_pakket_past_niet,
        ingangsdatum=peildatum, leden=leden_van(huishouden),
    )


def tabel_op(peildatum: date) -> tuple[Tabelversie, Beslistabel]:
    gevonden = selectors.beslistabel_op(peildatum)
    if gevonden is None:
        raise GeenBeslistabel(f"Er is geen beslistabel geldig op {peildatum:%d-%m-%Y}.")
    return gevonden


def bereken_voorstel(*, huishouden, peildatum: date, met_budget: bool = True, **antwoorden) -> VoorstelResultaat:
    versie, tabel = tabel_op(peildatum)
    invoer = voorstel_invoer(huishouden=huishouden, peildatum=peildatum, **antwoorden)
    voorstel = stel_voor(invoer, tabel)
    budget = weekbudget(huishouden=huishouden, voorstel=voorstel, peildatum=peildatum,
                        bestaande_wmo_verblijf=invoer.bestaande_wmo_verblijf) if met_budget else Budget(None)
    return VoorstelResultaat(voorstel=voorstel, tabelversie=versie, budget=budget)


def weekbudget(*, huishouden, voorstel: Voorstel, peildatum: date, bestaande_wmo_verblijf: bool = False) -> Budget:
    """The weekly budget of the proposal from the tariff engine (R17: hours only compute a budget)."""
    if voorstel.advies == "basishulp" or voorstel.perceel is None:
        return Budget(None, "Geen HG-arrangement, dus geen budget.")
    if voorstel.pakket == "vrij":
        return Budget(None, "Vrije trede: het budget op maat bepaalt de indicatiesteller in de indicatie.")
    # R11: the Wmo stay is kept beside extramural Pakket 1; an HG semi-/intramural proposal (acute danger)
    # replaces it, so only the extramural proposal is budgeted as "beside existing Wmo support".
    naast_wmo = bestaande_wmo_verblijf and voorstel.perceel == "extramuraal"
    return _budget_uit_engine(huishouden=huishouden, perceel=voorstel.perceel, pakket=voorstel.pakket,
                              peildatum=peildatum, bestaande_wmo_verblijf=naast_wmo)


def _budget_uit_engine(*, huishouden, perceel: str, pakket: str, peildatum: date,
                       bestaande_wmo_verblijf: bool) -> Budget:
    from pydantic import ValidationError as PydanticValidationError

    from hgarr.web.pydantic_nl import eerste_fout
    from tarieven.engine.invoer import Casus
    from tarieven.services import bereken_begroting

    leden = leden_van(huishouden)
    if not any(l.doet_mee for l in leden):
        return Budget(None, "Er doet geen gezinslid mee; er is geen weekbudget.")
    try:
        casus = Casus.model_validate({
            "perceel": perceel,
            "pakket": pakket,
            "ingangsdatum": peildatum.isoformat(),
            "gemeente": huishouden.gemeente,
            "bestaande_wmo_verblijf": bestaande_wmo_verblijf,
            "leden": [l.model_dump(mode="json") for l in leden],
        })
        begroting = bereken_begroting(casus)
    except PydanticValidationError as fout:
        return Budget(None, f"Het weekbudget kan niet worden berekend: {eerste_fout(fout)}")
    except ValueError as fout:  # no parameter set for the date, or a configuration rule (R14)
        return Budget(None, f"Het weekbudget kan niet worden berekend: {fout}")
    return Budget(begroting.totaal_per_week)


def motivering_fout(tekst: str) -> str | None:
    """A deviation needs a motivation of at least a sentence (R18)."""
    tekst = (tekst or "").strip()
    if not tekst:
        return "U wijkt af van het voorstel: motiveer uw keuze in ten minste één zin."
    if len(tekst) < MIN_MOTIVERING_TEKENS or len(re.findall(r"\w+", tekst)) < MIN_MOTIVERING_WOORDEN:
        return (f"Motiveer de afwijking in ten minste één volledige zin (minstens {MIN_MOTIVERING_WOORDEN} woorden "
                f"en {MIN_MOTIVERING_TEKENS} tekens).")
    return None


def keuze_fout(perceel: str, pakket: str) -> str | None:
    if bool(perceel) != bool(pakket):
        return "Kies een perceel én een pakket, of geen van beide (geen HG-arrangement)."
    if perceel in (Perceel.SEMIMURAAL, Perceel.INTRAMURAAL) and pakket == Pakket.PAKKET_1:
        return "Semi- en intramuraal kennen alleen Pakket 2 of Pakket 3 (R3)."
    if perceel in (Perceel.SEMIMURAAL, Perceel.INTRAMURAAL) and pakket == Pakket.VRIJ:
        return "Een vrije trede is alleen mogelijk bij extramurale ondersteuning (R3)."
    return None


@transaction.atomic
def maak_taxatie(
    *,
    user,
    huishouden,
    veiligheid: str,
    vaardigheden: str,
    nabijheid_24_uur: bool = False,
    niet_zelfstandig_wonen: bool = False,
    bestaande_wmo_verblijf: bool = False,
    langdurig_of_specialistisch: bool = True,
    vast_pakket_past_niet: bool = False,
    verzwarende_factoren: Iterable[str] = (),
    gezinsprofiel: str = Gezinsprofiel.ONBEKEND,
    observaties: Mapping[str | int, str] | None = None,
    voorstel_volgen: bool = True,
    gekozen_perceel: str = "",
    gekozen_pakket: str = "",
    afwijking_motivering: str = "",
    datum: date | None = None,
) -> Taxatie:
    """Store a new taxatie (never overwrites an earlier one). With ``voorstel_volgen`` the proposal is taken
    over; otherwise ``gekozen_perceel``/``gekozen_pakket`` (both empty = no HG-arrangement) and, when that
    differs from the proposal, a motivation of at least a sentence. Raises ValidationError (Dutch)."""
    datum = datum or date.today()
    resultaat = bereken_voorstel(
        huishouden=huishouden, peildatum=datum, veiligheid=veiligheid, vaardigheden=vaardigheden,
        nabijheid_24_uur=nabijheid_24_uur, niet_zelfstandig_wonen=niet_zelfstandig_wonen,
        bestaande_wmo_verblijf=bestaande_wmo_verblijf, langdurig_of_specialistisch=langdurig_of_specialistisch,
        vast_pakket_past_niet=vast_pakket_past_niet,
    )
    voorstel = resultaat.voorstel
    voorgesteld = (voorstel.perceel or "", voorstel.pakket or "")
    if voorstel_volgen:
        gekozen = voorgesteld
    else:
        gekozen = (gekozen_perceel or "", gekozen_pakket or "")
        if fout := keuze_fout(*gekozen):
            raise ValidationError({"gekozen_pakket": fout})
    gevolgd = gekozen == voorgesteld
    motivering = (afwijking_motivering or "").strip()
    if not gevolgd and (fout := motivering_fout(motivering)):
        raise ValidationError({"afwijking_motivering": fout})

    factoren = list(verzwarende_factoren)
    if any(f not in VerzwarendeFactor.values for f in factoren):
        raise ValidationError({"verzwarende_factoren": "Onbekende verzwarende factor."})
    lid_ids = {str(pk) for pk in huishouden.leden.values_list("pk", flat=True)}
    obs = {str(k): v.strip() for k, v in (observaties or {}).items() if v and v.strip()}
    if set(obs) - lid_ids:
        raise ValidationError({"observaties": "Een observatie hoort bij een gezinslid van dit huishouden."})

    taxatie = Taxatie.objects.create(
        huishouden=huishouden, datum=datum, auteur=user, team_id=huishouden.team_id,
        veiligheid=veiligheid, vaardigheden=vaardigheden, nabijheid_24_uur=nabijheid_24_uur,
        niet_zelfstandig_wonen=niet_zelfstandig_wonen, bestaande_wmo_verblijf=bestaande_wmo_verblijf,
        langdurig_of_specialistisch=langdurig_of_specialistisch, vast_pakket_past_niet=vast_pakket_past_niet,
        verzwarende_factoren=factoren, gezinsprofiel=gezinsprofiel, observaties=obs,
        beslistabel=resultaat.tabelversie, voorstel_advies=voorstel.advies,
        voorstel_perceel=voorgesteld[0], voorstel_pakket=voorgesteld[1],
        voorstel_redenen=[r.model_dump() for r in voorstel.redenen],
        voorstel_weekbudget=resultaat.budget.weekbudget,
        gekozen_perceel=gekozen[0], gekozen_pakket=gekozen[1], voorstel_gevolgd=gevolgd,
        afwijking_motivering="" if gevolgd else motivering,
    )
    # The table version has been used for a recorded proposal: it is frozen from now on (a change is a
    # new version from a date).
    if not resultaat.tabelversie.in_gebruik:
        Tabelversie.objects.filter(pk=resultaat.tabelversie.pk).update(in_gebruik=True)
    return taxatie
