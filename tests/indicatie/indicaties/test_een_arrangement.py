"""One household, one HG-arrangement at a time: a new indication beside a running or pending one gave the
same people two budgets, two sets of letters and two sets of messages to the provider."""

from datetime import date

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.models import Indicatie, VersieStatus
from indicatie.indicaties.services import AlEenArrangement

from .conftest import besluit, gegevens, vastgesteld
from .test_schermen import formulier

pytestmark = pytest.mark.django_db


def nieuw(huishouden, aanbieder, taxatie, steller, **over):
    return services.maak_indicatie(huishouden=huishouden, door=steller, gegevens=gegevens(huishouden, aanbieder,
                                                                                         taxatie, **over))


def test_no_second_indication_while_one_is_running(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    with pytest.raises(AlEenArrangement) as fout:
        nieuw(huishouden, aanbieder, taxatie, indicatiesteller, ingangsdatum=date(2026, 12, 1))
    assert fout.value.indicatie.pk == lopend.indicatie_id
    assert f"lopende indicatie: indicatie {lopend.indicatie_id}" in str(fout.value)
    assert "op-/afschalen of verlengen" in str(fout.value)
    assert Indicatie.objects.count() == 1


@pytest.mark.parametrize("ingediend", [False, True])
def test_no_second_indication_while_one_is_pending(huishouden, aanbieder, taxatie, indicatiesteller, ingediend):
    open_ = nieuw(huishouden, aanbieder, taxatie, indicatiesteller)
    if ingediend:
        services.dien_in(versie_id=open_.pk, door=indicatiesteller, revisie=None)
    with pytest.raises(AlEenArrangement, match="indicatie in behandeling"):
        nieuw(huishouden, aanbieder, taxatie, indicatiesteller)


def test_a_new_indication_after_the_previous_one_ended(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, einddatum=date(2026, 6, 30))
    tweede = nieuw(huishouden, aanbieder, taxatie, indicatiesteller, ingangsdatum=date(2026, 7, 1))
    assert besluit(tweede, indicatiesteller, beslisser).status == VersieStatus.VASTGESTELD


def test_a_withdrawn_first_application_does_not_block(huishouden, aanbieder, taxatie, indicatiesteller):
    open_ = nieuw(huishouden, aanbieder, taxatie, indicatiesteller)
    services.trek_in(versie_id=open_.pk, door=indicatiesteller, revisie=None)
    assert nieuw(huishouden, aanbieder, taxatie, indicatiesteller).status == VersieStatus.CONCEPT


def test_the_decision_refuses_a_period_that_overlaps_another_indication(
    huishouden, aanbieder, taxatie, indicatiesteller, casusregisseur, beslisser
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    einde = services.start_beeindiging(indicatie_id=lopend.indicatie_id, door=casusregisseur,
                                       laatste_dag=date(2026, 12, 31), categorie="doelen_bereikt",
                                       reden="Doelen bereikt.", revisie=None)
    besluit(einde, casusregisseur, beslisser)
    # Ended early (from 1 January): a new indication may be written, but not decided over December.
    te_vroeg = nieuw(huishouden, aanbieder, taxatie, indicatiesteller, ingangsdatum=date(2026, 12, 1))
    with pytest.raises(AlEenArrangement, match=f"overlapt met indicatie {lopend.indicatie_id}") as fout:
        besluit(te_vroeg, indicatiesteller, beslisser)
    assert "op-/afschalen of verlengen" in str(fout.value)
    te_vroeg.refresh_from_db()
    assert te_vroeg.status == VersieStatus.TER_BEOORDELING and te_vroeg.geldig_vanaf is None


def test_reopening_a_rejected_first_version_beside_a_running_indication_is_refused(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, tweede_beslisser
):
    eerste = nieuw(huishouden, aanbieder, taxatie, indicatiesteller)
    services.dien_in(versie_id=eerste.pk, door=indicatiesteller, revisie=None)
    services.beslis(versie_id=eerste.pk, door=beslisser, vaststellen=False, reden="Motivering ontbreekt.",
                    revisie=None)
    vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, tweede_beslisser)
    with pytest.raises(AlEenArrangement):
        services.herzie(versie_id=eerste.pk, door=indicatiesteller, revisie=None)


def test_screen_warns_and_links_to_the_running_indication(
    client_als, huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    client = client_als(indicatiesteller)
    link = f'href="{reverse("indicaties:detail", args=[lopend.indicatie_id])}"'
    pagina = client.get(reverse("indicaties:nieuw", args=[huishouden.pk]))
    assert 'data-testid="al-een-arrangement"' in pagina.text and link in pagina.text
    response = client.post(reverse("indicaties:nieuw", args=[huishouden.pk]), formulier(huishouden, aanbieder, taxatie))
    assert response.status_code == 400
    assert "Een huishouden heeft één HG-arrangement tegelijk" in response.text
    assert 'data-testid="link-lopende-indicatie"' in response.text and link in response.text
    assert Indicatie.objects.count() == 1
