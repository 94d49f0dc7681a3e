"""Proposal logic (issue 4): proposals per second over random taxaties on the default decision table
(pure, no database), and the wall time of one ``manage.py voorstel`` call. Prints figures; asserts nothing."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from django.conf import settings

from pakketten.beslistabel import VAARDIGHEDEN_SCHAAL, VEILIGHEID_SCHAAL, Beslistabel
from pakketten.voorstel import VoorstelInvoer, stel_voor

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "beslistabel" / "beslistabel_2026.json"


def willekeurige_invoer(rnd: random.Random) -> VoorstelInvoer:
    leden = [{"ref": "v1", "geboortedatum": date(1985, 1, 1)}]
    leden += [{"ref": f"k{i}", "geboortedatum": date(2010 + i, 1, 1)} for i in range(rnd.randint(0, 5))]
    return VoorstelInvoer(
        veiligheid=rnd.choice(VEILIGHEID_SCHAAL), vaardigheden=rnd.choice(VAARDIGHEDEN_SCHAAL),
        nabijheid_24_uur=rnd.random() < 0.3, niet_zelfstandig_wonen=rnd.random() < 0.2,
        bestaande_wmo_verblijf=rnd.random() < 0.1, langdurig_of_specialistisch=rnd.random() < 0.9,
        ingangsdatum=date(2026, 12, 1), leden=leden,
    )


def run() -> None:
    tabel = Beslistabel.model_validate(json.loads(FIXTURE.read_text(encoding="utf-8"))["data"])
    rnd = random.Random(4)
    invoer = [willekeurige_invoer(rnd) for _ in range(20_000)]
    start = time.perf_counter()
    for i in invoer:
        stel_voor(i, tabel)
    duur = time.perf_counter() - start
    print(f"voorstellen per seconde (zuiver, 1 kern): {len(invoer) / duur:,.0f}")

    with tempfile.TemporaryDirectory() as map_:
        db = Path(map_) / "bench.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True)
        casus = Path(map_) / "casus.json"
        casus.write_text(willekeurige_invoer(rnd).model_dump_json(), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "manage.py", "voorstel", str(casus)], cwd=settings.BASE_DIR, env=env,
                       check=True, capture_output=True)
        print(f"manage.py voorstel, één aanroep: {time.perf_counter() - start:.2f} s")
