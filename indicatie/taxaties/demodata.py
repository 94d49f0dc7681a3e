"""Invented demo taxaties: one per demo household that has none yet (idempotent). The first household
follows the proposal, the second deviates with a motivation, so the follow rates show both."""

from datetime import date

from hgarr.accounts.models import User
from indicatie.huishoudens.demodata import test_bsn
from indicatie.huishoudens.models import Huishouden

from . import services
from .models import Taxatie

DEMO = [
    # (first member's test-BSN index, answers, choice)
    (
        0,
        {
            "veiligheid": "dreigend",
            "vaardigheden": "beperkt",
            "verzwarende_factoren": ["financiele_problemen"],
            "gezinsprofiel": "complexe_scheiding",
        },
        {},
    ),
    (
        4,
        {
            "veiligheid": "structureel_onveilig",
            "vaardigheden": "voldoende",
            "nabijheid_24_uur": True,
            "verzwarende_factoren": ["ernstig_trauma"],
            "gezinsprofiel": "intieme_terreur",
        },
        {
            "voorstel_volgen": False,
            "gekozen_perceel": "semimuraal",
            "gekozen_pakket": "3",
            "afwijking_motivering": (
                "De ex-partner zoekt ondanks het contactverbod steeds contact; daarom kies ik Pakket 3."
            ),
        },
    ),
]


def laad() -> int:
    nieuw = 0
    for bsn_index, antwoorden, keuze in DEMO:
        huishouden = Huishouden.objects.filter(leden__bsn=test_bsn(bsn_index)).first()
        if huishouden is None or Taxatie.objects.filter(huishouden=huishouden).exists():
            continue
        auteur = User.objects.filter(team=huishouden.team, groups__name="indicatiesteller").first()
        if auteur is None:
            continue
        services.maak_taxatie(user=auteur, huishouden=huishouden, **antwoorden, **keuze, datum=date.today())
        nieuw += 1
    return nieuw
