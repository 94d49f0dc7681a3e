"""Signals of the indication lifecycle, so that letters (beschikkingen) and provider messages
(toewijzingen) follow a decision without the lifecycle knowing about them.

Both are sent inside the deciding transaction; receivers do their work in that same transaction, so a
failing receiver rolls the decision back (nothing is decided without its letters).

versie_vastgesteld(sender, versie, vorige_versie, soort, door)
    soort: "toekenning" (first version), "wijziging" (op-/afschalen), "beeindiging", "verlenging"
versie_afgewezen(sender, versie, door)
"""

from django.dispatch import Signal

versie_vastgesteld = Signal()
versie_afgewezen = Signal()
