"""python manage.py proefdruk FILE --uit DIR  (FILE may be '-' for standard input)

Renders the full set of decision letters of a JSON case (issue 6 §6) without storing anything, to check
the templates: one PDF per letter in DIR named ``<client ref>-<kind>[-<recipient ref>].pdf`` and one line
per file (its name) on stdout. Bad input: status 2 and one Dutch line on stderr, never a traceback.
"""

import argparse

from django.core.management.base import CommandParser
from pydantic import ValidationError

from hgarr.web.commando import Invoerfout, JsonCommando
from indicatie.beschikkingen.invoer import ProefdrukInvoer, dossier_uit
from indicatie.beschikkingen.opstellen import stel_brieven_op
from indicatie.beschikkingen.rendering import render_brief
from indicatie.proefgeval import schrijf, uitvoermap


class Command(JsonCommando):
    # No system checks: stderr carries only the one Dutch line on bad input (and nothing on success).
    requires_system_checks: list = []
    help = "Maakt proefdrukken (PDF) van alle beschikkingen van een JSON-casus, zonder iets op te slaan."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--uit", metavar="DIR", required=True, help="map waarin de PDF-bestanden komen")
        # Accepted like on other commands; this command runs no system checks anyway.
        parser.add_argument("--skip-checks", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        try:
            super().handle(*args, **options)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as fout:  # never a traceback for the user (issue 6 §6)
            self.stop(f"De proefdruk is mislukt: {fout.__class__.__name__}: {fout}")

    def verwerk(self, invoer, **options) -> None:
        from tarieven.selectors import GeenParameterset
        from tarieven.services import begroting

        if not isinstance(invoer, dict):
            raise Invoerfout("De invoer moet een JSON-object zijn met perceel, pakket, ingangsdatum en leden.")
        try:
            uitkomst = begroting(invoer=invoer)
            gegevens = ProefdrukInvoer.model_validate(invoer)
            vorige = None
            if gegevens.vorige:
                try:
                    vorige = begroting(invoer={**invoer, **gegevens.vorige})
                except ValidationError as fout:
                    from hgarr.web.pydantic_nl import eerste_fout

                    raise Invoerfout(f"vorige: {eerste_fout(fout)}") from None
        except GeenParameterset as fout:
            raise Invoerfout(str(fout)) from None

        brieven = stel_brieven_op(dossier_uit(gegevens, uitkomst, vorige_begroting=vorige), gegevens.brief_soort)
        if not brieven:
            raise Invoerfout("Niemand in deze casus krijgt iets toegekend: er is geen beschikking te maken.")

        map_ = uitvoermap(options["uit"])

        bestanden = [(brief.bestandsnaam, render_brief(brief).pdf) for brief in brieven]
        for naam, pdf in bestanden:
            schrijf(map_, naam, pdf)
        for naam, _ in bestanden:
            self.stdout.write(naam)
