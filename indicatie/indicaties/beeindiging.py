"""Why an indication is ended early, as a category (Awb 3:46: a beëindiging must be motivated).

The casusregisseur's free text stays an internal note: it can hold the case story. The letter states
only the category's sentence, which is written so that it is true for everyone who gets a letter of the
ending and tells nothing about the case: no role, no place, no other person. Plain Python (no ORM), so
the letters (``beschikkingen.opstellen``) and ``manage.py proefdruk`` use it without a database.

Death is deliberately not a category: when one member dies the others' support continues (a wijziging),
and a beëindiging letter addressed to someone who died is not what the municipality sends
(docs/besluiten.md).
"""

from django.db import models


class Beeindigingsreden(models.TextChoices):
    """The short labels are for the screens; the letter uses ``IN_DE_BRIEF``."""

    DOELEN_BEREIKT = "doelen_bereikt", "Doelen bereikt"
    VEILIG_ZONDER_HULP = "veiligheid_stabiel_zonder_hulp", "Veilig en stabiel zonder deze hulp"
    ANDERE_HULP = "andere_hulp_passender", "Andere hulp past beter"
    NIET_MEER_GEWENST = "hulp_niet_meer_gewenst", "Hulp niet meer gewenst"
    VERHUISD = "verhuisd_andere_gemeente", "Verhuisd naar een andere gemeente"
    ANDERS = "anders", "Andere reden"


# Versions ended before the category existed have none; their letter and screens stay neutral.
GEEN_LABEL = "Geen categorie vastgelegd"

NEUTRAAL = "Wij hebben de ondersteuning opnieuw bekeken en besloten dat deze stopt."

IN_DE_BRIEF: dict[str, str] = {
    Beeindigingsreden.DOELEN_BEREIKT: "De doelen van de ondersteuning zijn bereikt. Deze ondersteuning is daarom "
    "niet meer nodig.",
    Beeindigingsreden.VEILIG_ZONDER_HULP: "De situatie is veilig en stabiel genoeg om verder te gaan zonder deze "
    "ondersteuning.",
    Beeindigingsreden.ANDERE_HULP: "Andere hulp past nu beter bij uw situatie. Uw contactpersoon van het wijkteam "
    "bespreekt met u welke hulp dat is.",
    Beeindigingsreden.NIET_MEER_GEWENST: "U heeft laten weten dat u deze ondersteuning niet meer wilt.",
    Beeindigingsreden.VERHUISD: "U woont niet meer in de gemeente of regio waarvoor wij deze ondersteuning regelen. "
    "De gemeente waar u nu woont, kan u verder helpen.",
    Beeindigingsreden.ANDERS: NEUTRAAL,
}


def label(code: str) -> str:
    """The short label for the screens; an empty or unknown code reads as 'no category recorded'."""
    return Beeindigingsreden(code).label if code in Beeindigingsreden.values else GEEN_LABEL


def in_de_brief(code: str) -> str:
    """The letter's sentence; without a (known) category the neutral one."""
    return IN_DE_BRIEF.get(code, NEUTRAAL)
