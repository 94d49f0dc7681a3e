"""From an indication version to the tariff engine's case (``tarieven.engine.invoer.Casus``) and back
to the household's members. The letters (issue 6) and provider messages (issue 8) reuse these."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from indicatie.huishoudens.models import Gezinslid

    from .models import Indicatieversie


def lid_ref(gezinslid_id: int) -> str:
    """The stable reference of a member in a version, in the begroting and in the engine's case."""
    return f"lid-{gezinslid_id}"


def gezinslid_id_uit_ref(ref: str) -> int | None:
    if ref.startswith("lid-") and ref[4:].isdigit():
        return int(ref[4:])
    return None


def lid_snapshot(lid: Gezinslid, *, doet_mee: bool, verblijft_in_voorziening: bool = False) -> dict:
    """What a version records of a member: enough to recompute the begroting later, unchanged."""
    return {
        "ref": lid_ref(lid.pk),
        "gezinslid_id": lid.pk,
        "geboortedatum": lid.geboortedatum.isoformat(),
        "rollen": list(lid.rollen or []),
        "doet_mee": bool(doet_mee),
        "verblijft_in_voorziening": bool(verblijft_in_voorziening),
    }


def casus_dict(versie: Indicatieversie) -> dict:
    """The JSON case of ``manage.py begroting`` for this version (DESIGN.md §3, issue 3 §4)."""
    data: dict = {
        "perceel": versie.perceel,
        "pakket": versie.pakket,
        "ingangsdatum": versie.ingangsdatum.isoformat(),
        "einddatum": versie.einddatum.isoformat(),
        "gemeente": versie.gemeente,
        "leden": [
            {
                "ref": lid["ref"],
                "geboortedatum": lid["geboortedatum"],
                "rollen": lid.get("rollen", []),
                "doet_mee": lid.get("doet_mee", True),
                "verblijft_in_voorziening": lid.get("verblijft_in_voorziening", False),
            }
            for lid in versie.leden
        ],
        "maatwerk": [
            {"product": m["product"], "trede": int(m["trede"]), "ref": m["ref"]} for m in (versie.maatwerk or [])
        ],
        "bestaande_wmo_verblijf": bool(versie.bestaande_wmo_verblijf),
    }
    if versie.vrije_trede:
        data["vrije_trede"] = dict(versie.vrije_trede)
    return data


def naar_casus(versie: Indicatieversie):
    """The engine's pydantic ``Casus`` for this version."""
    from tarieven.engine.invoer import Casus

    return Casus.model_validate(casus_dict(versie))


def gezinsleden_van(versie: Indicatieversie) -> dict[str, Gezinslid]:
    """ref -> Gezinslid for the members in this version (a member removed from the household since is
    missing from the result; the version's snapshot still has their data)."""
    from indicatie.huishoudens.models import Gezinslid

    ids = [lid["gezinslid_id"] for lid in versie.leden]
    return {lid_ref(g.pk): g for g in Gezinslid.objects.filter(pk__in=ids)}
