"""python manage.py toewijzing FILE --uit DIR  (FILE may be '-' for standard input)

Writes the 301 toewijzing messages of a JSON case (issue 8 §5; the ``proefdruk`` case format) to DIR:
``<ref>-WMO301.xml`` per adult with Wmo products and ``<ref>-JW301.xml`` for the youngest child
(R1, R5, R6), one line per file (its name) on stdout. A member under OP003 (``geen_berichtenverkeer``)
gets no message. Every message is checked against the XSD and the iStandaard's extra rules before
anything is written. Bad input or a rule violation: status 2 and one Dutch line on stderr, no files.
Nothing is stored in the database.
"""

import re

from django.core.management.base import CommandParser
from django.db import DatabaseError
from django.utils import timezone
from pydantic import ValidationError

from hgarr.web.commando import Invoerfout, JsonCommando
from hgarr.web.pydantic_nl import eerste_fout
from indicatie.proefgeval import schrijf, uitvoermap
from indicatie.toewijzingen.invoer import ToewijzingInvoer
from indicatie.toewijzingen.samenstellen import Samenstelfout, berichten_voor_casus

_ONVEILIGE_REF = re.compile(r"[/\\\x00]")


class Command(JsonCommando):
    # No system checks: stderr carries only the one Dutch line on bad input (and nothing on success).
    requires_system_checks: list = []
    help = "Schrijft de toewijzingsberichten (iWmo WMO301 / iJw JW301) van een JSON-casus naar een map."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--uit", metavar="DIR", required=True, help="map waarin de XML-bestanden komen")

    def handle(self, *args, **options):
        try:
            super().handle(*args, **options)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as fout:  # never a traceback for the user
            self.stop(f"De toewijzing is mislukt: {fout.__class__.__name__}: {fout}")

    def verwerk(self, invoer, **options) -> None:
        from tarieven.selectors import GeenParameterset
        from tarieven.services import begroting

        if not isinstance(invoer, dict):
            raise Invoerfout("De invoer moet een JSON-object zijn met perceel, pakket, ingangsdatum en leden.")
        try:
            uitkomst_begroting = begroting(invoer=invoer)
        except GeenParameterset as fout:
            raise Invoerfout(str(fout)) from None
        except DatabaseError:
            raise Invoerfout("De database is niet bereikbaar of niet bijgewerkt; voer eerst "
                             "'python manage.py migrate' uit.") from None
        gegevens = ToewijzingInvoer.model_validate(invoer)
        vorige = None
        if gegevens.plansoort in ("wijziging", "beeindiging", "verlenging"):
            vorige_invoer = None
            if gegevens.vorige:
                vorige_invoer = {**invoer, **gegevens.vorige}
            elif gegevens.plansoort == "beeindiging":  # the running version: this case without the early end
                vorige_invoer = {k: v for k, v in invoer.items() if k != "einddatum"}
            if vorige_invoer is not None:
                try:
                    vorige = begroting(invoer=vorige_invoer)
                except ValidationError as fout:
                    raise Invoerfout(f"vorige: {eerste_fout(fout)}") from None
                except GeenParameterset as fout:
                    raise Invoerfout(f"vorige: {fout}") from None
        for lid in gegevens.leden:
            if _ONVEILIGE_REF.search(lid.ref) or lid.ref in (".", ".."):
                raise Invoerfout(f"De ref {lid.ref!r} kan niet in een bestandsnaam worden gebruikt.")
        try:
            uitkomst = berichten_voor_casus(gegevens, uitkomst_begroting, moment=timezone.localtime(),
                                            vorige_begroting=vorige)
        except Samenstelfout as fout:
            raise Invoerfout(str(fout)) from None
        for klaar in uitkomst.berichten:
            if klaar.fouten:
                fout = klaar.fouten[0]
                raise Invoerfout(f"{klaar.bericht.bestandsnaam} voldoet niet aan regel {fout.regel}: {fout.melding}")

        map_ = uitvoermap(options["uit"])
        for klaar in uitkomst.berichten:
            schrijf(map_, klaar.bericht.bestandsnaam, klaar.xml)
        for klaar in uitkomst.berichten:
            self.stdout.write(klaar.bericht.bestandsnaam)
        if options.get("verbosity", 1) >= 2:
            for klaar in uitkomst.berichten:
                if klaar.contact is not None:
                    self.stderr.write(f"Contactadres in {klaar.bericht.bestandsnaam}: "
                                      f"{klaar.contact.omschrijving or 'geen adres'}. {klaar.contact.uitleg}")
            for ref, wet in uitkomst.geblokkeerd:
                self.stderr.write(
                    f"Let op: geen {wet.berichtnaam} voor {ref} (OP003, geen berichtenverkeer); informeer de "
                    "aanbieder via de beveiligde alternatieve route."
                )
