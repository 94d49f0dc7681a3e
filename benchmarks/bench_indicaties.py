"""Issue 5: the worklist and an indication page with 20 versions, with 10,000 households in the database.

Prints median and p95 server time over 50 requests and the SQL query count of each page, and shows that
the query count of the indication page is the same for 2 and for 20 versions."""

import random
from datetime import date, timedelta

from django.test import Client, override_settings

from benchmarks.omgeving import benchmark_database, meet

AANTAL = 10_000
MET_INDICATIE = 3_000
VERZOEKEN = 50
START = date(2026, 1, 5)


def vul_database(team, steller, aanbieder, begroting: dict, parameterset_id, regisseurs=()) -> None:
    """10,000 households of 2–5 members; 3,000 with a decided indication (bulk), some ending soon,
    some with an evaluation due, some with a concept or a version awaiting a decision. The indications
    take turns between the ``regisseurs`` and no casusregisseur at all."""
    from django.utils import timezone

    from indicatie.huishoudens.models import Gezinslid, Huishouden
    from indicatie.indicaties.models import Indicatie, Indicatieversie

    rnd = random.Random(2026)
    huishoudens = Huishouden.objects.bulk_create(
        [Huishouden(team=team, straat="Benchstraat", huisnummer=str(i), postcode="3000 AA", plaats="Rotterdam",
                    registratiedatum=date(2026, 1, 1)) for i in range(AANTAL)],
        batch_size=2000,
    )
    leden = []
    for h in huishoudens:
        for j in range(rnd.randint(2, 5)):
            volwassen = j < 2
            leden.append(Gezinslid(
                huishouden=h, volgorde=j, voornamen=f"Bench{j}", achternaam=f"Familie{h.pk}",
                geboortedatum=date(1985, 1, 1) if volwassen else date(2015, 1, 1),
                relatie="ouder" if volwassen else "kind", rollen=["slachtoffer"] if volwassen else ["getuige"],
            ))
    Gezinslid.objects.bulk_create(leden, batch_size=5000)
    vandaag = timezone.localdate()
    nu = timezone.now()
    beurt = [*regisseurs, None]
    indicaties = Indicatie.objects.bulk_create([
        Indicatie(
            huishouden=h, aangemaakt_door=steller, gewijzigd_door=steller, revisie=3, ingangsdatum=START,
            einddatum=vandaag + timedelta(days=rnd.randint(-30, 365)),
            volgende_evaluatie_op=vandaag + timedelta(days=rnd.randint(-20, 90)),
            gewijzigd_op=nu - timedelta(days=rnd.randint(0, 60)),
            casusregisseur=beurt[i % len(beurt)],
        )
        for i, h in enumerate(huishoudens[:MET_INDICATIE])
    ], batch_size=2000)
    versies = []
    for i, ind in enumerate(indicaties):
        basis = dict(
            indicatie=ind, perceel="extramuraal", pakket="2", aanbieder=aanbieder, ingangsdatum=START,
            einddatum=ind.einddatum, motivering="Bench.", begroting=begroting, parameterset_id=parameterset_id,
            auteur=steller, leden=[], gewijzigd_op=ind.gewijzigd_op,
        )
        versies.append(Indicatieversie(nummer=1, status="vastgesteld", geldig_vanaf=START, geldig_tot=ind.einddatum,
                                       **basis))
        if i % 50 == 0:  # an open version now and then: concepts and versions awaiting a decision
            versies.append(Indicatieversie(nummer=2, status="concept" if i % 100 else "ter_beoordeling", **basis))
    Indicatieversie.objects.bulk_create(versies, batch_size=2000)
    print(f"database: {AANTAL} huishoudens, {len(leden)} gezinsleden, {len(indicaties)} indicaties, "
          f"{len(versies)} versies")


def indicatie_met_versies(huishouden, aanbieder, steller, beslisser, aantal: int):
    """An indication with ``aantal`` decided versions, built through the services (toekenning and
    op-/afschalen every two weeks)."""
    from indicatie.indicaties import services

    leden = [services.Deelnemer(gezinslid=lid) for lid in huishouden.leden.all()]

    def gegevens(pakket, ingang, eind):
        return services.VersieGegevens(perceel="extramuraal", pakket=pakket, aanbieder=aanbieder, ingangsdatum=ingang,
                                       einddatum=eind, motivering="Bench.", deelnemers=leden, taxatie=_taxatie)

    from indicatie.taxaties.models import Taxatie

    _taxatie = Taxatie.objects.create(
        huishouden=huishouden, datum=START, auteur=steller, team=huishouden.team, veiligheid="dreigend",
        vaardigheden="beperkt", voorstel_advies="hg-arrangement", gekozen_perceel="extramuraal", gekozen_pakket="2")
    versie = services.maak_indicatie(huishouden=huishouden, door=steller,
                                     gegevens=gegevens("2", START, date(2026, 12, 31)))
    services.dien_in(versie_id=versie.pk, door=steller, revisie=None)
    services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)
    for n in range(1, aantal):
        nieuw = services.start_wijziging(
            indicatie_id=versie.indicatie_id, door=steller, revisie=None,
            gegevens=gegevens("123"[n % 3], START + timedelta(days=14 * n), None))
        services.dien_in(versie_id=nieuw.pk, door=steller, revisie=None)
        services.beslis(versie_id=nieuw.pk, door=beslisser, vaststellen=True, revisie=None)
    return versie.indicatie_id


def run() -> None:
    from django.contrib.auth.models import Group

    from hgarr.accounts.models import Team, User
    from indicatie.huishoudens.models import Huishouden
    from indicatie.indicaties.models import Aanbieder, Indicatieversie

    with benchmark_database():
        team = Team.objects.create(naam="Benchteam")

        def gebruiker(naam, *rollen):
            user = User.objects.create(username=naam, team=team, first_name="Bench", last_name=naam)
            user.groups.add(*Group.objects.filter(name__in=rollen))
            return user

        steller = gebruiker("bench-steller", "indicatiesteller", "casusregisseur")
        beslisser = gebruiker("bench-beslisser", "beslisser")
        regisseur = gebruiker("bench-regisseur", "casusregisseur", "beslisser")
        aanbieder = Aanbieder.objects.create(naam="Bench Zorg", agb_code="99999999", percelen=["extramuraal"])

        # One real indication first, to get a begroting as the engine computes it for the bulk rows.
        from indicatie.huishoudens.models import Gezinslid

        adres = {"straat": "Benchstraat", "huisnummer": "1", "postcode": "3000 AA", "plaats": "Rotterdam"}
        eerste = Huishouden.objects.create(team=team, registratiedatum=date(2026, 1, 1), **adres)
        for j, (gd, rol) in enumerate([(date(1985, 1, 1), "slachtoffer"), (date(1984, 1, 1), "pleger"),
                                       (date(2015, 1, 1), "getuige")]):
            Gezinslid.objects.create(huishouden=eerste, volgorde=j, voornamen=f"Bench{j}", achternaam="Twintig",
                                     geboortedatum=gd, rollen=[rol], relatie="ouder" if j < 2 else "kind")
        twintig = indicatie_met_versies(eerste, aanbieder, steller, beslisser, 20)
        voorbeeld = Indicatieversie.objects.filter(indicatie_id=twintig).first()
        vul_database(team, steller, aanbieder, voorbeeld.begroting, voorbeeld.parameterset_id, [regisseur, steller])

        tweede = Huishouden.objects.create(team=team, registratiedatum=date(2026, 1, 1), **adres)
        for lid in eerste.leden.all():
            lid.pk = None
            lid.huishouden = tweede
            lid.save()
        twee = indicatie_met_versies(tweede, aanbieder, steller, beslisser, 2)

        # Server time of these pages only: the second login factor (issue 7) is not what is measured.
        instellingen = override_settings(HGARR_2FA_VERPLICHT=False)
        instellingen.enable()
        client = Client()
        client.force_login(regisseur)
        pagina_s = {
            "werklijst": lambda: client.get("/indicaties/"),
            "werklijst, heel team": lambda: client.get("/indicaties/?alle=1"),
            "indicatie, 20 versies": lambda: client.get(f"/indicaties/{twintig}/"),
            "indicatie, 2 versies": lambda: client.get(f"/indicaties/{twee}/"),
        }
        uitkomsten = {}
        for naam, fn in pagina_s.items():
            antwoord = fn()
            assert antwoord.status_code == 200, (naam, antwoord.status_code, antwoord.get("Location"))
            r = meet(fn, VERZOEKEN)
            uitkomsten[naam] = r
            print(f"{naam:<24} mediaan {r['mediaan_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   queries {r['queries']}")
        gelijk = uitkomsten["indicatie, 20 versies"]["queries"] == uitkomsten["indicatie, 2 versies"]["queries"]
        print(f"queries onafhankelijk van het aantal versies: {'ja' if gelijk else 'NEE'}")
        instellingen.disable()
