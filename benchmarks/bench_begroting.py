"""Tariff engine: budgets per second for random valid households on one core (goal: > 20,000/s), and
the wall time of one ``manage.py begroting`` call (goal: < 1 s). Prints figures; asserts nothing."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings

from pakketten.catalogus import Catalogus
from pakketten.laden import CATALOGUS_FIXTURE
from tarieven.engine import Casus, Omgeving, bereken, normaliseer_gemeente
from tarieven.laden import STANDAARD_2026
from tarieven.parameters import Parameters
from tarieven.tariefblad import maak_tariefblad

ROLLEN = ["slachtoffer", "pleger", "getuige"]


def omgeving() -> Omgeving:
    catalogus = Catalogus.model_validate(json.loads(CATALOGUS_FIXTURE.read_text(encoding="utf-8"))["data"])
    parameters = Parameters.model_validate(json.loads(STANDAARD_2026.read_text(encoding="utf-8"))["data"])
    regio = frozenset(normaliseer_gemeente(g) for g in [settings.HGARR_GEMEENTE, *settings.HGARR_REGIO_GEMEENTEN])
    return Omgeving(catalogus=catalogus, tariefblad=maak_tariefblad(parameters, catalogus),
                    gemeente=settings.HGARR_GEMEENTE, regio=regio)


def willekeurig_huishouden(rnd: random.Random) -> dict:
    perceel = rnd.choice(["extramuraal", "extramuraal", "semimuraal", "intramuraal"])
    pakket = rnd.choice(["1", "2", "3"] if perceel == "extramuraal" else ["2", "3"])
    start = date(2026, 1, 1) + timedelta(days=rnd.randrange(365))
    leden = [{"ref": "v0", "geboortedatum": f"{rnd.randint(1960, 2000)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
              "rollen": ["slachtoffer"], "doet_mee": True, "verblijft_in_voorziening": True}]
    if rnd.random() < 0.6:
        leden.append({"ref": "v1", "geboortedatum": f"{rnd.randint(1960, 2000)}-05-05", "rollen": ["pleger"],
                      "doet_mee": rnd.random() < 0.7})
    for i in range(rnd.randint(0, 4)):
        leden.append({"ref": f"k{i}", "geboortedatum": f"{rnd.randint(2009, 2025)}-0{rnd.randint(1, 9)}-2{i}",
                      "rollen": [rnd.choice(ROLLEN)], "doet_mee": True})
    casus = {"perceel": perceel, "pakket": pakket, "ingangsdatum": start.isoformat(), "leden": leden,
             "gemeente": "Rotterdam"}
    if rnd.random() < 0.3:
        casus["maatwerk"] = [{"product": rnd.choice(["schulddienstverlening", "dagbesteding"]),
                              "trede": rnd.randint(1, 3), "ref": "v0"}]
    return casus


def run() -> None:
    omg = omgeving()
    context = {"omgeving": lambda _d: omg, "vandaag": date(2026, 12, 31)}
    rnd = random.Random(2026)
    gevallen = [willekeurig_huishouden(rnd) for _ in range(2000)]
    for c in gevallen:  # all valid
        bereken(Casus.model_validate(c, context=context))

    vooraf = [Casus.model_validate(c, context=context) for c in gevallen]

    def meet(n_rondes: int, stap, invoer) -> tuple[float, float]:
        """Best of n rounds, as (per CPU second of this process, per wall-clock second)."""
        beste_cpu = beste_wand = 0.0
        for _ in range(n_rondes):
            cpu, wand = time.process_time(), time.perf_counter()
            for c in invoer:
                stap(c)
            beste_cpu = max(beste_cpu, len(invoer) / (time.process_time() - cpu))
            beste_wand = max(beste_wand, len(invoer) / (time.perf_counter() - wand))
        return beste_cpu, beste_wand

    volledig = meet(7, lambda c: bereken(Casus.model_validate(c, context=context)), gevallen)
    rekenen = meet(7, bereken, vooraf)
    json_ook = meet(3, lambda c: bereken(Casus.model_validate(c, context=context)).als_json(), gevallen)
    print(f"{len(gevallen)} willekeurige geldige huishoudens, beste van meerdere rondes, één kern:")
    print(f"  validatie + berekening: {volledig[0]:,.0f} begrotingen per CPU-seconde "
          f"({volledig[1]:,.0f} per wandklokseconde) (doel > 20.000)")
    print(f"  alleen berekening (casus al gevalideerd): {rekenen[0]:,.0f} per CPU-seconde")
    print(f"  validatie + berekening + JSON-uitvoer: {json_ook[0]:,.0f} per CPU-seconde")
    print(f"  (belasting van de machine: {os.getloadavg()[0]:.1f}; wandkloktijd telt andere processen mee)")

    # One `manage.py begroting` call, wall time (process start, Django setup, 2 queries, JSON out), on a
    # throwaway SQLite database so that no configured database is touched.
    basis = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hgarr.settings.test", "DATABASE_URL": f"sqlite:///{db}"}
        subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=basis, env=env,
                       check=True, capture_output=True)
        bestand = Path(tmp) / "casus.json"
        casus = willekeurig_huishouden(random.Random(7))
        casus["ingangsdatum"] = "2026-03-01"
        bestand.write_text(json.dumps(casus), encoding="utf-8")
        tijden, cpu_tijden = [], []
        for _ in range(5):
            voor = os.times()
            start = time.perf_counter()
            proces = subprocess.run([sys.executable, "manage.py", "begroting", str(bestand)], cwd=basis, env=env,
                                    capture_output=True, text=True)
            tijden.append(time.perf_counter() - start)
            na = os.times()
            cpu_tijden.append((na.children_user - voor.children_user) + (na.children_system - voor.children_system))
            if proces.returncode != 0:
                print(f"manage.py begroting faalde: {proces.stderr.strip()[-300:]}")
                return
        tijden.sort()
        cpu_tijden.sort()
        print(f"wandkloktijd één 'manage.py begroting': mediaan {tijden[2]:.2f} s, snelste {tijden[0]:.2f} s "
              f"(doel < 1 s); CPU-tijd mediaan {cpu_tijden[2]:.2f} s")
