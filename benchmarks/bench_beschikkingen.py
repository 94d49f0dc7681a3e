"""Decision letters (issue 6 §8): render time per letter (median) and letters per minute for a batch
of 200 (render every letter to PDF/A-2a, then combine them into one print PDF, as the batch job does)."""

import statistics
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal

from indicatie.beschikkingen.brief import Adres, Beslisser, Soort
from indicatie.beschikkingen.opstellen import Begrotingsregel, Dossier, Persoon, stel_brieven_op
from indicatie.beschikkingen.rendering import combineer_pdfs, render_brief

BATCH = 200


def _dossier(n: int) -> Dossier:
    personen = [
        Persoon(ref="moeder", naam=f"Moeder Voorbeeld {n}", geboortedatum=date(1990, 1, 1), bsn="999990019",
                rollen=("slachtoffer",), postadres=Adres("Postbus", str(1000 + n), "3000 CA", "Rotterdam"),
                gezag_over=frozenset({"kind"})),
        Persoon(ref="vader", naam=f"Vader Voorbeeld {n}", geboortedatum=date(1988, 1, 1), rollen=("pleger",),
                postadres=Adres("Laan", str(n + 1), "3044 PL", "Schiedam")),
        Persoon(ref="kind", naam=f"Kind Voorbeeld {n}", geboortedatum=date(2018, 1, 1)),
    ]
    regels = [
        Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen", uren_per_week=Decimal("1.50"),
                        bedrag_per_week=Decimal("116.54"), bedrag_periode=Decimal("6076.73")),
        Begrotingsregel(ref="moeder", wet="Wmo", product="dagbesteding", trede="2",
                        bedrag_per_week=Decimal("250.00"), bedrag_periode=Decimal("13035.71")),
        Begrotingsregel(ref="vader", wet="Wmo", product="begeleiding_volwassenen", uren_per_week=Decimal("1.50"),
                        bedrag_per_week=Decimal("116.54"), bedrag_periode=Decimal("6076.73")),
        Begrotingsregel(ref="kind", wet="Jeugdwet", product="begeleiding_kinderen", uren_per_week=Decimal("2.00"),
                        bedrag_per_week=Decimal("163.72"), bedrag_periode=Decimal("8536.83")),
    ]
    return Dossier(kenmerk=f"HG-BENCH-{n:04d}", datum=date(2026, 11, 23), perceel="extramuraal", pakket="2",
                   ingangsdatum=date(2026, 12, 1), einddatum=date(2027, 11, 30), personen=personen, regels=regels,
                   beslisser=Beslisser("Bea Slisser", "Teamleider wijkteam"), aanbieder="Zorgaanbieder Voorbeeld")


def run() -> None:
    brieven = []
    n = 0
    while len(brieven) < BATCH:
        brieven.extend(stel_brieven_op(_dossier(n), Soort.TOEKENNING))
        n += 1
    brieven = brieven[:BATCH]
    render_brief(brieven[0])  # warm-up: templates, fonts

    tijden = []
    for brief in brieven[:20]:
        start = time.perf_counter()
        render_brief(replace(brief))
        tijden.append((time.perf_counter() - start) * 1000)
    print(f"render per brief (HTML + PDF/A-2a): mediaan {statistics.median(tijden):.0f} ms, "
          f"p95 {sorted(tijden)[int(0.95 * len(tijden)) - 1]:.0f} ms (n={len(tijden)})")

    start = time.perf_counter()
    pdfs = [render_brief(b).pdf for b in brieven]
    renderen = time.perf_counter() - start
    start = time.perf_counter()
    samen = combineer_pdfs(pdfs)
    combineren = time.perf_counter() - start
    totaal = renderen + combineren
    print(f"batch van {BATCH}: renderen {renderen:.1f} s, samenvoegen {combineren:.2f} s "
          f"({len(samen) / 1e6:.1f} MB), totaal {totaal:.1f} s = {BATCH / totaal * 60:.0f} brieven per minuut")
    print(f"afdrukopdracht (alleen samenvoegen van {BATCH} opgeslagen brieven): "
          f"{BATCH / combineren * 60:.0f} brieven per minuut")
