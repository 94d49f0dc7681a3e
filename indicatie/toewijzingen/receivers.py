"""Deciding a version produces its toewijzing messages (issue 8 §4), inside the deciding transaction."""

from .services import maak_berichten_voor_versie


def bij_vastgesteld(sender, versie, vorige_versie=None, soort=None, door=None, **kwargs):
    maak_berichten_voor_versie(versie=versie, soort=soort)
