import json
from datetime import date

import pytest

from pakketten.catalogus import Catalogus
from pakketten.laden import CATALOGUS_FIXTURE
from tarieven.engine import Casus, Omgeving, bereken, normaliseer_gemeente
from tarieven.laden import STANDAARD_2026
from tarieven.parameters import Parameters
from tarieven.tariefblad import maak_tariefblad

REGIO = ["Rotterdam", "Schiedam", "Vlaardingen", "Capelle aan den IJssel"]
VANDAAG = date(2026, 11, 23)


def laad_omgeving() -> Omgeving:
    catalogus = Catalogus.model_validate(json.loads(CATALOGUS_FIXTURE.read_text(encoding="utf-8"))["data"])
    parameters = Parameters.model_validate(json.loads(STANDAARD_2026.read_text(encoding="utf-8"))["data"])
    return Omgeving(catalogus=catalogus, tariefblad=maak_tariefblad(parameters, catalogus), gemeente="Rotterdam",
                    regio=frozenset(normaliseer_gemeente(g) for g in REGIO))


_OMGEVING = None


def standaard_omgeving() -> Omgeving:
    global _OMGEVING
    if _OMGEVING is None:
        _OMGEVING = laad_omgeving()
    return _OMGEVING


def resolver(peildatum: date) -> Omgeving:
    if peildatum.year != 2026:
        raise ValueError(f"Er is geen tariefparameterset voor tariefjaar {peildatum.year}.")
    return standaard_omgeving()


def valideer(data: dict) -> Casus:
    return Casus.model_validate(data, context={"omgeving": resolver, "vandaag": VANDAAG})


def begroot(data: dict):
    return bereken(valideer(data))


def lid(ref, geboren, *rollen, doet_mee=True, verblijft=None):
    d = {"ref": ref, "geboortedatum": geboren, "rollen": list(rollen), "doet_mee": doet_mee}
    if verblijft is not None:
        d["verblijft_in_voorziening"] = verblijft
    return d


def casus(perceel="extramuraal", pakket="2", leden=None, **extra):
    return {
        "perceel": perceel,
        "pakket": pakket,
        "ingangsdatum": "2026-03-01",
        "leden": leden if leden is not None else [
            lid("moeder", "1990-05-01", "slachtoffer"),
            lid("vader", "1988-02-01", "pleger"),
            lid("kind1", "2014-06-01", "getuige"),
            lid("kind2", "2018-09-15", "getuige"),
        ],
        **extra,
    }


@pytest.fixture
def omgeving():
    return standaard_omgeving()
