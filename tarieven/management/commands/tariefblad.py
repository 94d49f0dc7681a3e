"""python manage.py tariefblad [--jaar J]: prints the tariff sheet with its build-up and source labels."""

import argparse
import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from pydantic import ValidationError

from hgarr.web.pydantic_nl import eerste_fout
from tarieven.selectors import GeenParameterset, parameterset_voor_jaar, tariefblad_voor
from tarieven.weergave import als_tekst, maak_weergave


class Command(BaseCommand):
    requires_system_checks = []  # a quick command: no URL and model checks on every call (issue 3 §7)
    help = "Toont het tariefblad: uurtarieven per pakket met opbouw, treden, verblijf, maatwerk en bronnen."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, help="tariefjaar (standaard: de set die vandaag geldt)")
        parser.add_argument("--skip-checks", action="store_true", help=argparse.SUPPRESS)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: self._stop(f"Ongeldige aanroep: {message}")
        return parser

    def _stop(self, melding: str):
        sys.stderr.write(f"Fout: {' '.join(melding.split())}\n")
        sys.exit(2)

    def handle(self, *args, jaar=None, **options):
        try:
            parameterset = parameterset_voor_jaar(jaar)
            if parameterset is None:
                self._stop(f"Er is geen tariefparameterset voor {jaar}." if jaar else "Er is geen tariefparameterset.")
            blad, catalogusversie, catalogus = tariefblad_voor(parameterset)
        except GeenParameterset as fout:
            self._stop(str(fout))
        except ValidationError as fout:
            self._stop(f"De parameterset is ongeldig: {eerste_fout(fout)}")
        except ValueError as fout:
            self._stop(f"De parameterset is onvolledig: {fout}")
        except DatabaseError:
            self._stop("De database is niet bereikbaar of niet bijgewerkt; voer eerst 'python manage.py migrate' uit.")
        kop = (f"Tariefblad HG-arrangementen {parameterset.jaar} – {parameterset.naam} "
               f"(geldig vanaf {parameterset.geldig_vanaf:%d-%m-%Y}; {catalogusversie})")
        self.stdout.write(als_tekst(maak_weergave(blad, catalogus), kop))
