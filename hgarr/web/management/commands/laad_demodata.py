"""Loads invented demo data, idempotently, and prints the demo accounts."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each app that has demo data adds its loader here, in dependency order.
LADERS = [
    "indicatie.huishoudens.demodata.laad",
    "indicatie.taxaties.demodata.laad",
    "indicatie.indicaties.demodata.laad",
]


class Command(BaseCommand):
    help = "Laadt verzonnen demodata (idempotent) en toont de demo-accounts."

    @transaction.atomic
    def handle(self, *args, **options):
        from hgarr.accounts.demodata import laad as laad_accounts

        accounts = laad_accounts()
        for pad in LADERS:
            import_string(pad)()
        self.stdout.write("Demo-accounts (verzonnen; alleen voor demonstratie):")
        self.stdout.write(f"  {'gebruikersnaam':<32} {'wachtwoord':<22} {'rol':<24} team")
        for username, password, rol, team in accounts:
            self.stdout.write(f"  {username:<32} {password:<22} {rol:<24} {team}")
