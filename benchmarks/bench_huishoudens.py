"""Issue 2: household list and detail with 10,000 households of 2–6 members.

Prints median and p95 server time over 50 requests and the SQL query count of each page."""

import random
from datetime import date

from django.test import Client

from benchmarks.omgeving import benchmark_database, meet

AANTAL = 10_000
VERZOEKEN = 50


def vul_database(team) -> None:
    from indicatie.huishoudens.demodata import test_bsn
    from indicatie.huishoudens.models import Gezinslid, Huishouden

    rnd = random.Random(2026)
    huishoudens = Huishouden.objects.bulk_create(
        [Huishouden(team=team, straat="Benchstraat", huisnummer=str(i), postcode="3000 AA", plaats="Rotterdam",
                    registratiedatum=date(2026, 1, 1)) for i in range(AANTAL)],
        batch_size=2000,
    )
    leden = []
    teller = 0
    for h in huishoudens:
        for j in range(rnd.randint(2, 6)):
            volwassen = j < 2
            leden.append(Gezinslid(
                huishouden=h, volgorde=j, voornamen=f"Bench{j}", achternaam=f"Familie{h.pk}",
                geboortedatum=date(1985, 1, 1) if volwassen else date(2015, 1, 1),
                bsn=test_bsn(teller) if teller < 2000 else "", relatie="ouder" if volwassen else "kind",
                rollen=["slachtoffer"] if volwassen else ["getuige"],
            ))
            teller += 1
    Gezinslid.objects.bulk_create(leden, batch_size=5000)
    print(f"database: {AANTAL} huishoudens, {len(leden)} gezinsleden")


def run() -> None:
    from django.contrib.auth.models import Group

    from hgarr.accounts.models import Team, User
    from hgarr.accounts.testing import log_in_geverifieerd
    from indicatie.huishoudens.models import Huishouden

    with benchmark_database():
        team = Team.objects.create(naam="Benchteam")
        user = User.objects.create(username="bench", team=team)
        user.groups.add(Group.objects.get(name="indicatiesteller"))
        vul_database(team)
        client = Client()
        log_in_geverifieerd(client, user)  # two-factor login is on in the test settings
        grootste = Huishouden.objects.order_by("-id").first()
        pagina_s = {
            "huishoudenlijst": lambda: client.get("/huishoudens/"),
            "huishoudenlijst zoeken": lambda: client.get("/huishoudens/", {"q": "Familie99"}),
            "huishouden detail": lambda: client.get(f"/huishoudens/{grootste.pk}/"),
        }
        for naam, fn in pagina_s.items():
            assert fn().status_code == 200
            r = meet(fn, VERZOEKEN)
            print(f"{naam:<24} mediaan {r['mediaan_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   queries {r['queries']}")
