"""Shared behaviour of the management commands: on bad input exit with status 2 and one Dutch line on
stderr, never a traceback (``Commando``); the JSON-reading ones (begroting, voorstel, proefdruk,
toewijzing) also read FILE or standard input ('-') (``JsonCommando``)."""

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from pydantic import ValidationError

from .pydantic_nl import eerste_fout


class Invoerfout(Exception):
    """Bad input: the message is one Dutch sentence for the user."""


class Commando(BaseCommand):
    """A command whose bad input, argparse's included, ends with ``stop``: status 2 and one Dutch line."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # argparse errors (a missing argument) also become one line with status 2.
        parser.error = lambda message: self.stop(f"Ongeldige aanroep: {message}")
        return parser

    def stop(self, melding: str) -> NoReturn:
        regel = " ".join(str(melding).split())
        sys.stderr.write(f"Fout: {regel}\n")
        sys.stderr.flush()
        sys.exit(2)


class JsonCommando(Commando):
    """Subclasses implement ``verwerk(invoer: dict, **options)`` and raise Invoerfout for bad input."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", metavar="FILE", help="JSON-bestand, of '-' voor standaardinvoer")

    def handle(self, *args, **options):
        try:
            invoer = self.lees_json(options["bestand"])
            self.verwerk(invoer, **options)
        except Invoerfout as fout:
            self.stop(str(fout))
        except ValidationError as fout:
            self.stop(eerste_fout(fout))

    def verwerk(self, invoer: Any, **options) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def lees_json(self, bestand: str) -> Any:
        try:
            if bestand == "-":
                tekst = sys.stdin.read()
            else:
                with open(bestand, encoding="utf-8") as f:
                    tekst = f.read()
        except FileNotFoundError:
            raise Invoerfout(f"Bestand niet gevonden: {bestand}") from None
        except (OSError, UnicodeDecodeError) as fout:
            raise Invoerfout(f"Bestand kan niet worden gelezen: {bestand} ({fout.__class__.__name__})") from None
        try:
            return json.loads(tekst)
        except json.JSONDecodeError as fout:
            raise Invoerfout(f"Ongeldige JSON op regel {fout.lineno}, kolom {fout.colno}: {fout.msg}") from None
