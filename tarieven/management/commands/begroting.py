"""python manage.py begroting FILE  (or '-' for standard input)

Computes the budget of a JSON case (issue 3 §4) and prints it as JSON. Bad input: status 2 and one
Dutch line on stderr."""

import argparse
import json

from django.db import DatabaseError

from hgarr.web.commando import Invoerfout, JsonCommando
from tarieven.selectors import GeenParameterset
from tarieven.services import begroting


class Command(JsonCommando):
    requires_system_checks = []  # a quick command: no URL and model checks on every call (issue 3 §7)
    help = "Berekent de begroting (weekbudget per persoon en voor de periode) van een JSON-casus."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        # Accepted (and meaningless: there are no checks to skip) so that scripts may pass it like elsewhere.
        parser.add_argument("--skip-checks", action="store_true", help=argparse.SUPPRESS)

    def verwerk(self, invoer, **options) -> None:
        if not isinstance(invoer, dict):
            raise Invoerfout("De invoer moet een JSON-object zijn met perceel, pakket, ingangsdatum en leden.")
        try:
            uitkomst = begroting(invoer=invoer)
        except GeenParameterset as fout:  # raised outside validation (should not happen; defensive)
            raise Invoerfout(str(fout)) from None
        except DatabaseError:
            raise Invoerfout("De database is niet bereikbaar of niet bijgewerkt; voer eerst "
                             "'python manage.py migrate' uit.") from None
        self.stdout.write(json.dumps(uitkomst.als_json(), ensure_ascii=False, indent=2))
