"""python manage.py nieuw_tariefjaar JAAR [--index PERCENT]: starts the parameter set of a new tariff
year from the latest earlier set (an editable copy; every value labelled as derived)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import DatabaseError

from hgarr.web.commando import Commando
from tarieven.services import nieuw_tariefjaar


class Command(Commando):
    help = ("Maakt de tariefparameterset van een nieuw tariefjaar als wijzigbare kopie van de laatste set "
            "van een eerder jaar; geldbedragen optioneel geïndexeerd.")

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, help="het nieuwe tariefjaar, bijvoorbeeld 2027")
        parser.add_argument("--index", help="indexatie van de geldbedragen in procent, bijvoorbeeld 3,5")

    def handle(self, *args, jaar, index=None, **options):
        percentage = None
        if index is not None:
            try:
                percentage = Decimal(index.replace(",", "."))
            except InvalidOperation:
                self.stop(f"De indexatie '{index}' is geen getal; schrijf bijvoorbeeld 3,5.")
            if not percentage.is_finite():
                self.stop(f"De indexatie '{index}' is geen getal; schrijf bijvoorbeeld 3,5.")
        try:
            nieuw = nieuw_tariefjaar(jaar=jaar, index=percentage)
        except ValidationError as fout:
            self.stop(" ".join(fout.messages))
        except DatabaseError:
            self.stop("De database is niet bereikbaar of niet bijgewerkt; voer eerst 'python manage.py migrate' uit.")
        self.stdout.write(f"Aangemaakt: {nieuw}. Controleer de waarden in het beheer (Tariefparametersets).")
