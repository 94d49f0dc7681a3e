"""``manage.py voorstel FILE``: the proposal (perceel, pakket, advies, reasons) for a taxatie as JSON.

For testing decision tables and for the functioneel beheerder (issue 4 §5). Input: veiligheid,
vaardigheden, nabijheid_24_uur, niet_zelfstandig_wonen, bestaande_wmo_verblijf,
langdurig_of_specialistisch, optional vast_pakket_past_niet and ingangsdatum (default today; ages are
taken on it), and leden as in ``manage.py begroting``; unknown fields are ignored. The decision table is
the one valid on the ingangsdatum, or the table in ``--tabel FILE`` (a fixture or bare table data).
Bad input: status 2 and one Dutch line on stderr.
"""

import json

from django.core.management.base import CommandError
from django.db import DatabaseError

from hgarr.web.commando import Invoerfout, JsonCommando
from indicatie.taxaties import selectors
from pakketten.beslistabel import Beslistabel
from pakketten.voorstel import VoorstelInvoer, stel_voor


class Command(JsonCommando):
    help = "Berekent het voorstel (perceel, pakket, advies en redenen) voor een taxatie in JSON."
    requires_system_checks = []  # a read-only answer; the checks only slow every call down

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--tabel", metavar="TABELBESTAND",
            help="Beslistabel uit een JSON-bestand in plaats van de tabel die op de ingangsdatum geldt.",
        )

    def verwerk(self, invoer, **options):
        if not isinstance(invoer, dict):
            raise Invoerfout("De invoer moet een JSON-object zijn.")
        gegevens = VoorstelInvoer.model_validate(invoer)
        if options.get("tabel"):
            ruw = self.lees_json(options["tabel"])
            if isinstance(ruw, dict) and "matrix" not in ruw and isinstance(ruw.get("data"), dict):
                ruw = ruw["data"]
            tabel = Beslistabel.model_validate(ruw)
        else:
            try:
                gevonden = selectors.beslistabel_op(gegevens.ingangsdatum)
            except DatabaseError:
                raise CommandError("De database is niet bijgewerkt: voer eerst 'manage.py migrate' uit, of geef "
                                   "een tabel mee met --tabel.") from None
            if gevonden is None:
                raise Invoerfout(f"Er is geen beslistabel geldig op {gegevens.ingangsdatum:%d-%m-%Y}.")
            tabel = gevonden[1]
        voorstel = stel_voor(gegevens, tabel)
        self.stdout.write(json.dumps(voorstel.als_json(), ensure_ascii=False, indent=2))
