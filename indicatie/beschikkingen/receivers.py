"""Letters follow a decision (issue 6, 'Done when'): receivers of the lifecycle signals of issue 5.
They run inside the deciding transaction; when a letter cannot be sent (no safe address) they raise
the lifecycle's own Ongeldig, so the decision is rolled back and the screen shows why."""

from .services import AFWIJZING_MET_BRIEF, SOORT_VAN_VERSIE, BeschikkingFout, geef_beschikkingen_uit


def _ongeldig(fout: BeschikkingFout) -> Exception:
    try:
        from indicatie.indicaties.services import Ongeldig
    except ImportError:  # pragma: no cover - the lifecycle is always installed with this app
        return fout
    return Ongeldig(f"De beschikkingen kunnen niet worden uitgegeven. {fout}")


def bij_vastgesteld(sender, *, versie, vorige_versie=None, soort="toekenning", door=None, **kwargs):
    try:
        geef_beschikkingen_uit(
            versie=versie, vorige_versie=vorige_versie, soort=SOORT_VAN_VERSIE.get(str(soort), "toekenning"), door=door
        )
    except BeschikkingFout as fout:
        raise _ongeldig(fout) from None


def bij_afgewezen(sender, *, versie, door=None, **kwargs):
    # Only the formal refusal of an application gives letters; a version sent back to its author is
    # internal (the citizen would otherwise get a refusal for something that is re-proposed).
    if str(versie.soort) not in AFWIJZING_MET_BRIEF or getattr(versie, "afwijzing", "") != "aanvraag_afgewezen":
        return
    try:
        geef_beschikkingen_uit(versie=versie, vorige_versie=None, soort="afwijzing", door=door)
    except BeschikkingFout as fout:
        raise _ongeldig(fout) from None
