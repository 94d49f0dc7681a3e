"""Configuration of the toewijzing messages: product codes, the way an amount is sent, XSD versions.

Product codes are **not** defined by the iStandaard; they come from the national
standaardproductcodelijst or from codes agreed between gemeente and aanbieder (standaarden.md §1.3).
Rotterdam's codes for the HG-arrangement are not public, so this app ships **VOORBEELD** (example)
codes only: every code starts with ``VB`` so nobody mistakes them for real ones. A municipality sets
its own in the setting ``HGARR_TOEWIJZING_PRODUCTCODES`` (same shape as ``VOORBEELD_PRODUCTCODES``).

Variant (setting ``HGARR_TOEWIJZING_VARIANT``):
- ``"omvang"`` (default): a specific toewijzing per product: Categorie + Code, Omvang = the weekly
  amount in eurocent, Eenheid 83 (Euro's), Frequentie 2 (per week), with Einddatum (CD041, CD076).
- ``"budget"``: an aspecific toewijzing with budget: Categorie only, a total Budget in eurocent over
  the toewijzing period, with Einddatum and no Omvang (CD075, CD077/CD078, CD080).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.conf import settings

from .bericht import Wet

OMVANG = "omvang"
BUDGET = "budget"
VARIANTEN = (OMVANG, BUDGET)

def _vb(categorie: str, code: str, omschrijving: str) -> dict[str, str]:
    return {"categorie": categorie, "code": code, "omschrijving": f"{omschrijving} (VOORBEELD)"}


# VOORBEELD — example codes, not Rotterdam's. Categories: iWmo WMO020 10 "Overige maatwerk
# arrangementen", 16 "Opvang"; iJw JZ020 50 "Maatwerkarrangementen jeugd". Whether Rotterdam uses
# these categories is unknown as well (standaarden.md §1.3).
VOORBEELD_PRODUCTCODES: dict[str, dict[str, dict[str, str]]] = {
    "Wmo": {
        "begeleiding_volwassenen": _vb("10", "VBW01", "Begeleiding volwassenen"),
        "semimurale_ondersteuning": _vb("10", "VBW02", "Semimurale ondersteuning"),
        "intramurale_ondersteuning": _vb("16", "VBW03", "Intramurale ondersteuning"),
        "nachtelijke_ondersteuning": _vb("10", "VBW04", "Nachtelijke ondersteuning"),
        "verblijf": _vb("16", "VBW05", "Verblijf"),
        "schulddienstverlening": _vb("10", "VBW06", "Schulddienstverlening"),
        "dagbesteding": _vb("10", "VBW07", "Dagbesteding"),
        "vrije_trede": _vb("10", "VBW09", "Vrije trede volwassenen"),
    },
    "Jeugdwet": {
        "begeleiding_kinderen": _vb("50", "VBJ01", "Jeugdhulp kinderen"),
        "vrije_trede": _vb("50", "VBJ09", "Vrije trede jeugd"),
    },
}

# Fallback for a product the mapping does not name (R22: a new product such as a waakvlamfunctie):
# still a valid, clearly marked example code rather than a crash.
VOORBEELD_ONBEKEND = {
    "Wmo": {"categorie": "10", "code": "VBW99", "omschrijving": "Overig (voorbeeld)"},
    "Jeugdwet": {"categorie": "50", "code": "VBJ99", "omschrijving": "Overig (voorbeeld)"},
}

# BerichtXsdVersie / BasisschemaXsdVersie in the header, from the official release (SOURCES.md in xsd/:
# the iJw copies say 0.1.0, the official example messages 1.0.0).
STANDAARD_XSD_VERSIES = {
    "Wmo": {"basisschema": "1.0.0", "bericht": "1.0.0"},
    "Jeugdwet": {"basisschema": "1.0.0", "bericht": "1.0.0"},
}


@dataclass(frozen=True)
class Productcode:
    categorie: str
    code: str | None
    omschrijving: str = ""
    voorbeeld: bool = False


def productcodes() -> dict[str, dict[str, dict[str, str]]]:
    return getattr(settings, "HGARR_TOEWIJZING_PRODUCTCODES", None) or VOORBEELD_PRODUCTCODES


def is_voorbeeld_mapping() -> bool:
    return productcodes() is VOORBEELD_PRODUCTCODES


def productcode(wet: Wet | str, product: str) -> Productcode:
    tabel = productcodes().get(str(wet), {})
    spec = tabel.get(product)
    voorbeeld = tabel is VOORBEELD_PRODUCTCODES.get(str(wet))
    if spec is None:
        spec, voorbeeld = VOORBEELD_ONBEKEND[str(wet)], True
    return Productcode(
        categorie=str(spec["categorie"]), code=spec.get("code") or None,
        omschrijving=spec.get("omschrijving", product), voorbeeld=voorbeeld,
    )


def variant() -> str:
    """The setting ``HGARR_TOEWIJZING_VARIANT``, else the environment variable of that name, else omvang."""
    waarde = getattr(settings, "HGARR_TOEWIJZING_VARIANT", None) or os.environ.get("HGARR_TOEWIJZING_VARIANT") or OMVANG
    waarde = str(waarde).strip().lower()
    return waarde if waarde in VARIANTEN else OMVANG


def gemeentecode() -> str:
    return str(getattr(settings, "HGARR_GEMEENTECODE", "0599"))


def xsd_versies(wet: Wet | str) -> tuple[str, str]:
    """(BasisschemaXsdVersie, BerichtXsdVersie)."""
    tabel = getattr(settings, "HGARR_TOEWIJZING_XSD_VERSIES", None) or STANDAARD_XSD_VERSIES
    v = tabel.get(str(wet)) or STANDAARD_XSD_VERSIES[str(wet)]
    return str(v["basisschema"]), str(v["bericht"])
