"""List households past the retention term, and with --anonimiseer anonymise them.

    manage.py bewaartermijn [--jaren N] [--peildatum JJJJ-MM-DD] [--anonimiseer]

Bad input exits with status 2 and one Dutch line."""

import sys
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand

from hgarr.audit import bewaren


class Command(BaseCommand):
    help = "Toont huishoudens waarvan de bewaartermijn verstreken is; --anonimiseer anonimiseert ze."

    def add_arguments(self, parser):
        parser.add_argument("--jaren", type=str, default=None,
                            help=f"Bewaartermijn in jaren (standaard HGARR_BEWAARTERMIJN_JAREN = "
                                 f"{settings.HGARR_BEWAARTERMIJN_JAREN}).")
        parser.add_argument("--peildatum", type=str, default=None, help="Datum JJJJ-MM-DD (standaard vandaag).")
        parser.add_argument("--anonimiseer", action="store_true", help="Anonimiseer de gevonden huishoudens.")

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: self.stop(f"Ongeldige aanroep: {message}")
        return parser

    def stop(self, melding: str):
        sys.stderr.write(f"Fout: {' '.join(str(melding).split())}\n")
        sys.stderr.flush()
        sys.exit(2)

    def handle(self, *args, **opties):
        jaren = settings.HGARR_BEWAARTERMIJN_JAREN
        if opties["jaren"] is not None:
            try:
                jaren = int(opties["jaren"])
            except ValueError:
                self.stop(f"--jaren moet een heel getal zijn, niet '{opties['jaren']}'.")
            if jaren < 1:
                self.stop("--jaren moet minstens 1 zijn.")
        peildatum = date.today()
        if opties["peildatum"]:
            try:
                peildatum = date.fromisoformat(opties["peildatum"])
            except ValueError:
                self.stop(f"--peildatum moet een datum JJJJ-MM-DD zijn, niet '{opties['peildatum']}'.")
        gevonden = bewaren.kandidaten(jaren=jaren, peildatum=peildatum)
        grens = bewaren.jaren_terug(peildatum, jaren)
        self.stdout.write(f"Bewaartermijn {jaren} jaar: laatste indicatie geëindigd vóór {grens.isoformat()}.")
        if not gevonden:
            self.stdout.write("Geen huishoudens gevonden.")
            return
        self.stdout.write(f"  {'huishouden':>10}  {'laatste einde':<13}  team")
        for k in gevonden:
            self.stdout.write(f"  {k.huishouden_id:>10}  {k.laatste_einde.isoformat():<13}  {k.team}")
        if not opties["anonimiseer"]:
            self.stdout.write(f"{len(gevonden)} huishouden(s). Anonimiseren: voeg --anonimiseer toe.")
            return
        for k in gevonden:
            bewaren.anonimiseer(k, jaren=jaren)
        self.stdout.write(f"{len(gevonden)} huishouden(s) geanonimiseerd.")
