"""Invented demo households. BSNs are from the 9999xxxxx test range and pass the elfproef."""

from datetime import date

from hgarr.accounts.models import Team

from .models import Gezinslid, Huishouden

_TEST_BSNS: list[str] = []


def test_bsn(volgnummer: int) -> str:
    """The ``volgnummer``-th 9-digit number from 999900000 upward that passes the elfproef.

    The 9999xxxxx range is used for tests and demos only; the list is cached, so asking for
    many numbers stays linear."""
    from hgarr.bsn import is_geldig_bsn

    kandidaat = int(_TEST_BSNS[-1]) if _TEST_BSNS else 999900000
    while len(_TEST_BSNS) <= volgnummer:
        kandidaat += 1
        if is_geldig_bsn(str(kandidaat)):
            _TEST_BSNS.append(str(kandidaat))
    return _TEST_BSNS[volgnummer]


HUISHOUDENS = [
    {
        "team": "Wijkteam Noord-Oost",
        "adres": ("Voorbeeldstraat", "12", "3000 AA", "Rotterdam"),
        "leden": [
            ("Sanne", "", "Jansen-Demo", date(1988, 3, 14), "2", ["slachtoffer"], "ouder", True, True, {}),
            (
                "Mark",
                "",
                "Demo",
                date(1986, 7, 2),
                "1",
                ["pleger"],
                "ex-partner",
                True,
                True,
                {
                    "woont_elders": True,
                    "straat": "Proefweg",
                    "huisnummer": "3",
                    "postcode": "3000 BB",
                    "plaats": "Rotterdam",
                },
            ),
            ("Lotte", "", "Demo", date(2014, 5, 20), "2", ["getuige"], "kind", True, False, {}),
            ("Daan", "", "Demo", date(2018, 11, 1), "1", ["getuige"], "kind", True, False, {}),
        ],
    },
    {
        "team": "Wijkteam Noord-Oost",
        "adres": ("Testlaan", "45", "3000 CC", "Rotterdam"),
        "leden": [
            (
                "Fatima",
                "el",
                "Voorbeeld",
                date(1992, 1, 30),
                "2",
                ["slachtoffer"],
                "ouder",
                True,
                True,
                {
                    "vertrouwelijk_adres": True,
                    "corr_straat": "Postbus",
                    "corr_huisnummer": "1000",
                    "corr_postcode": "3000 DD",
                    "corr_plaats": "Rotterdam",
                },
            ),
            ("Yusuf", "el", "Voorbeeld", date(2020, 9, 9), "1", ["getuige"], "kind", True, False, {}),
        ],
    },
    {
        "team": "Stedelijk loket Dak- en thuisloze gezinnen",
        "adres": ("", "", "", ""),
        "leden": [
            (
                "Kim",
                "de",
                "Proef",
                date(1995, 6, 6),
                "2",
                ["slachtoffer"],
                "ouder",
                True,
                True,
                {
                    "vertrouwelijk_adres": True,
                    "geen_berichtenverkeer": True,
                    "corr_straat": "Postbus",
                    "corr_huisnummer": "2000",
                    "corr_postcode": "3000 EE",
                    "corr_plaats": "Rotterdam",
                },
            ),
            ("Noor", "de", "Proef", date(2016, 2, 29), "2", ["getuige"], "kind", True, False, {}),
            ("Sem", "de", "Proef", date(2019, 12, 12), "1", ["getuige"], "kind", True, False, {}),
        ],
    },
]


def laad() -> int:
    """Idempotent: a household is recognised by its first member's BSN."""
    nieuw = 0
    bsn_teller = 0
    for spec in HUISHOUDENS:
        team = Team.objects.get(naam=spec["team"])
        eerste_bsn = test_bsn(bsn_teller)
        if Gezinslid.objects.filter(bsn=eerste_bsn).exists():
            bsn_teller += len(spec["leden"])
            continue
        straat, huisnummer, postcode, plaats = spec["adres"]
        huishouden = Huishouden.objects.create(
            team=team,
            gemeente="Rotterdam",
            registratiedatum=date(2026, 10, 1),
            straat=straat,
            huisnummer=huisnummer,
            postcode=postcode,
            plaats=plaats,
        )
        for volgorde, (vn, vv, an, gd, gs, rollen, relatie, mee, gezag, extra) in enumerate(spec["leden"]):
            Gezinslid.objects.create(
                huishouden=huishouden,
                volgorde=volgorde,
                voornamen=vn,
                voorvoegsel=vv,
                achternaam=an,
                geboortedatum=gd,
                geslacht=gs,
                rollen=rollen,
                relatie=relatie,
                doet_mee=mee,
                heeft_gezag=gezag,
                bsn=test_bsn(bsn_teller),
                **extra,
            )
            bsn_teller += 1
        nieuw += 1
    return nieuw
