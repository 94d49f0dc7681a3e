"""The indication page shows the version that applies today, not the latest decided one in the chain
(an extension decided in advance starts later); op-/afschalen keeps building on the latest one."""

from datetime import date

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.models import Indicatieversie, VersieStatus
from indicatie.indicaties.selectors import geldende_versie, laatste_vastgesteld

from .conftest import besluit, gegevens, maak_taxatie, vastgesteld


def versie(nummer, vanaf, tot, status=VersieStatus.VASTGESTELD):
    return Indicatieversie(nummer=nummer, status=status, geldig_vanaf=vanaf, geldig_tot=tot)


V1 = versie(1, date(2026, 2, 2), date(2027, 1, 10))
V4 = versie(4, date(2027, 10, 5), date(2028, 10, 4))
V3 = versie(3, date(2027, 1, 11), date(2027, 10, 4))


@pytest.mark.parametrize(
    "vandaag,nummer,stand",
    [
        (date(2026, 11, 23), 1, "nu"),  # the reviewer's case: not version 4
        (date(2027, 1, 10), 1, "nu"),  # the last day still counts
        (date(2027, 1, 11), 3, "nu"),
        (date(2026, 1, 1), 1, "vanaf"),  # nothing applies yet: the next one to start
        (date(2029, 1, 1), 4, "afgelopen"),  # everything ended: the last one
    ],
)
def test_the_version_whose_period_contains_today(vandaag, nummer, stand):
    geldend = geldende_versie([V1, V3, V4, versie(5, date(2027, 2, 1), date(2027, 3, 1), VersieStatus.AFGEWEZEN)],
                              vandaag)
    assert (geldend.versie.nummer, geldend.stand) == (nummer, stand)
    assert laatste_vastgesteld([V1, V3, V4]).nummer == 4


def test_a_gap_between_versions_shows_the_next_one_to_start():
    geldend = geldende_versie([V1, V4], date(2027, 5, 1))
    assert (geldend.versie.nummer, geldend.stand) == (4, "vanaf")
    assert geldende_versie([], date(2027, 5, 1)) is None


@pytest.mark.django_db
def test_page_shows_running_version_and_the_extension_decided_in_advance(
    client_als, huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, einddatum=date(2026, 12, 15))
    nieuwe = maak_taxatie(huishouden, indicatiesteller, datum=date(2026, 11, 1), veiligheid="stabiel_kwetsbaar")
    verlenging = services.start_verlenging(
        indicatie_id=lopend.indicatie_id, door=indicatiesteller, revisie=None,
        gegevens=gegevens(huishouden, aanbieder, nieuwe, pakket="1", ingangsdatum=date(2026, 12, 16),
                          einddatum=date(2026, 12, 31)),
    )
    besluit(verlenging, indicatiesteller, beslisser)
    assert services.laatste_vastgestelde_versie(lopend.indicatie).pk == verlenging.pk
    pagina = client_als(indicatiesteller).get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    assert pagina.status_code == 200
    geldend = pagina.text.split('data-testid="geldende-versie">')[1].split("</dd>")[0]
    assert geldend.startswith("Versie 1:") and "geldt nu, tot en met 15 december 2026" in geldend
    laatste = pagina.text.split('data-testid="laatste-vastgestelde-versie">')[1].split("</dd>")[0]
    assert laatste.startswith("Versie 2:") and "vanaf 16 december 2026" in laatste
