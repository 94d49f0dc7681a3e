"""The one place where the lifecycle calls the tariff engine (``tarieven``): compute a version's
begroting, know which parameter set it used, and lock that set once a version is decided."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout

from .casus import casus_dict


class Berekeningsfout(Exception):
    """The engine refused the case; the message is one Dutch sentence. ``veld`` names the form field it
    belongs to (a missing tariff set belongs to the start date), else None."""

    def __init__(self, melding: str, veld: str | None = None):
        super().__init__(melding)
        self.veld = veld


@dataclass(frozen=True)
class Uitkomst:
    begroting: dict  # tarieven.engine.uitvoer.Begroting as JSON (amounts as strings)
    parameterset_id: int | None


def bereken(versie, namen: dict[str, str] | None = None) -> Uitkomst:
    """``namen`` (ref -> name) turns the engine's refs in an error message into names."""
    from tarieven.engine.invoer import Casus
    from tarieven.selectors import GeenParameterset
    from tarieven.services import bereken_begroting

    try:
        casus = Casus.model_validate(casus_dict(versie))
        resultaat = bereken_begroting(casus)
    except GeenParameterset as fout:
        raise Berekeningsfout(str(fout), veld="ingangsdatum") from None
    except ValidationError as fout:
        raise Berekeningsfout(_met_namen(eerste_fout(fout), namen)) from None
    except (ValueError, LookupError) as fout:
        raise Berekeningsfout(_met_namen(str(fout), namen)) from None
    begroting = resultaat.als_json()
    # Which tables it was computed with, so a decided version can lock them (issue 3 §2).
    begroting["parameterset_id"] = resultaat.parameterset_id
    begroting["catalogus_versie_id"] = resultaat.catalogus_versie_id
    return Uitkomst(begroting=begroting, parameterset_id=resultaat.parameterset_id)


# "(R3)", "(R3, R6)" at the end of an engine message: the rule IDs are for the docs and the command line,
# not for the form (a user reads "R2" as the Jeugd resultaatgebied).
_REGELVERWIJZING = re.compile(r" \(R\d+(?:, R\d+)*\)|^maatwerk\[\d+\]: ")


def _met_namen(melding: str, namen: dict[str, str] | None) -> str:
    for ref, naam in (namen or {}).items():
        melding = melding.replace(f"'{ref}'", naam)
    return _REGELVERWIJZING.sub("", melding)


def vergrendel_parameterset(parameterset_id: int | None, catalogus_versie_id: int | None = None) -> None:
    """A parameter set (and catalogue version) used by a decided version can no longer be edited."""
    if parameterset_id is None:
        return
    from tarieven.services import markeer_in_gebruik

    markeer_in_gebruik(parameterset_id=parameterset_id, catalogus_versie_id=catalogus_versie_id)
