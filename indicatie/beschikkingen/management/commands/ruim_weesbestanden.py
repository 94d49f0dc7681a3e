"""python manage.py ruim_weesbestanden [--minuten N] [--droog]

Removes the files in the letters' folders of private storage (beschikkingen/, afdrukken/) that no row
refers to and that are older than N minutes (default 60): what a process left behind when it was killed
between writing a letter and committing its row. A rolled-back transaction cleans up after itself
(hgarr/bestanden.py); this is for crashes. One line per file on stdout, then a count. Bad input: status
2 and one Dutch line on stderr, never a traceback.
"""

from datetime import timedelta

from hgarr.bestanden import weesbestanden
from hgarr.web.commando import Commando
from indicatie.beschikkingen.models import MAP_AFDRUKKEN, MAP_BESCHIKKINGEN, prive_opslag

STANDAARD_MINUTEN = 60


class Command(Commando):
    help = (
        "Verwijdert PDF-bestanden van beschikkingen en afdrukopdrachten waar geen rij naar verwijst en die ouder "
        "zijn dan --minuten; --droog toont ze alleen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minuten", type=str, default=str(STANDAARD_MINUTEN),
                            help=f"Alleen bestanden ouder dan zoveel minuten (standaard {STANDAARD_MINUTEN}).")
        parser.add_argument("--droog", action="store_true", help="Toon wat weg zou gaan, verwijder niets.")

    def handle(self, *args, **opties):
        try:
            minuten = int(opties["minuten"])
        except ValueError:
            self.stop(f"--minuten moet een heel getal zijn, niet '{opties['minuten']}'.")
        if minuten < 1:
            # A younger file may belong to a decision whose transaction is still open.
            self.stop("--minuten moet minstens 1 zijn.")
        opslag = prive_opslag()
        try:
            wezen = weesbestanden(opslag, (MAP_BESCHIKKINGEN, MAP_AFDRUKKEN), ouder_dan=timedelta(minutes=minuten))
        except OSError as fout:
            self.stop(f"De privé-opslag kan niet worden gelezen: {fout.strerror or fout.__class__.__name__}.")
        if opties["droog"]:
            for naam in wezen:
                self.stdout.write(f"zou verwijderen: {naam}")
            self.stdout.write(f"{len(wezen)} weesbestand(en) ouder dan {minuten} minuten; niets verwijderd (--droog).")
            return
        for naam in wezen:
            try:
                opslag.delete(naam)
            except OSError as fout:
                self.stop(f"{naam} kan niet worden verwijderd: {fout.strerror or fout.__class__.__name__}.")
            self.stdout.write(f"verwijderd: {naam}")
        self.stdout.write(f"{len(wezen)} weesbestand(en) ouder dan {minuten} minuten verwijderd.")
