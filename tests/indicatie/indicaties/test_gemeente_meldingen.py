"""R14 hint: a participating member who lives in another municipality. Extramural: anywhere outside our
municipality; semi-/intramural: only outside the region. It informs and never blocks."""

from datetime import date

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.selectors import gemeente_meldingen
from indicatie.indicaties.services import Deelnemer

from .conftest import gegevens, maak_taxatie, vastgesteld

pytestmark = pytest.mark.django_db

EXTRAMURAAL_GOUDA = "Afstemmen met de gemeente Gouda: Ben Voorbeeld woont daar (regel voor extramurale arrangementen)."


def ben_woont_in(huishouden, plaats, **over):
    ben = huishouden.leden.get(voornamen="Ben")
    velden = dict(woont_elders=True, straat="Elderslaan", huisnummer="3", postcode="2801 AA", plaats=plaats)
    velden.update(over)
    for veld, waarde in velden.items():
        setattr(ben, veld, waarde)
    ben.save()
    return ben


def meldingen(versie, huishouden):
    return gemeente_meldingen(versie, list(huishouden.leden.all()))


def semimuraal(huishouden, aanbieder, steller, beslisser, ben):
    taxatie = maak_taxatie(huishouden, steller, perceel="semimuraal")
    deelnemers = [Deelnemer(gezinslid=lid, doet_mee=True, verblijft_in_voorziening=lid != ben)
                  for lid in huishouden.leden.all()]
    return vastgesteld(huishouden, aanbieder, taxatie, steller, beslisser, perceel="semimuraal",
                       deelnemers=deelnemers)


def test_extramural_member_living_elsewhere_gives_the_hint_and_is_not_blocked(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    ben_woont_in(huishouden, "Gouda")
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    assert versie.is_vastgesteld
    assert meldingen(versie, huishouden) == [EXTRAMURAAL_GOUDA]


@pytest.mark.parametrize("plaats, hint", [
    ("Schiedam", True),  # in the region, but extramural support is for our own municipality only
    ("  ROTTERDAM ", False),  # compared like the engine compares municipalities
    ("Gemeente Rotterdam", False),
    ("", False),
])
def test_extramural_compares_with_our_own_municipality(huishouden, aanbieder, taxatie, indicatiesteller,
                                                       beslisser, plaats, hint):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    ben_woont_in(huishouden, plaats)  # the page reads where the member lives now
    assert bool(meldingen(versie, huishouden)) is hint


def test_no_hint_for_someone_who_does_not_take_part_or_has_a_confidential_address(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    ben = ben_woont_in(huishouden, "Gouda")
    deelnemers = [Deelnemer(gezinslid=lid, doet_mee=lid != ben) for lid in huishouden.leden.all()]
    # One arrangement at a time: the first has ended before the second starts.
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, deelnemers=deelnemers,
                         einddatum=date(2026, 6, 30))
    assert meldingen(versie, huishouden) == []
    ben_woont_in(huishouden, "Gouda", vertrouwelijk_adres=True, corr_straat="Postbus", corr_huisnummer="12",
                 corr_postcode="3000 AA", corr_plaats="Rotterdam")
    met_ben = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, ingangsdatum=date(2026, 7, 1))
    assert meldingen(met_ben, huishouden) == []


def test_semimural_only_outside_the_region(huishouden, aanbieder, indicatiesteller, beslisser, settings):
    ben = ben_woont_in(huishouden, "Schiedam")
    versie = semimuraal(huishouden, aanbieder, indicatiesteller, beslisser, ben)
    assert meldingen(versie, huishouden) == []  # Schiedam is a region municipality
    ben_woont_in(huishouden, "Gouda")
    assert meldingen(versie, huishouden) == [
        "Afstemmen met de gemeente Gouda: Ben Voorbeeld woont daar, buiten de regio waarvoor Rotterdam semi- en "
        "intramurale ondersteuning inkoopt (regel voor semi- en intramurale arrangementen)."
    ]
    settings.HGARR_REGIO_GEMEENTEN = [*settings.HGARR_REGIO_GEMEENTEN, "Gouda"]
    assert meldingen(versie, huishouden) == []


def test_indication_page_and_decision_page_show_the_hint(client_als, huishouden, aanbieder, taxatie,
                                                        indicatiesteller, beslisser, tweede_beslisser):
    ben_woont_in(huishouden, "Gouda")
    versie = services.maak_indicatie(huishouden=huishouden, door=indicatiesteller,
                                     gegevens=gegevens(huishouden, aanbieder, taxatie))
    services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    beslis = client_als(tweede_beslisser).get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert beslis.status_code == 200 and EXTRAMURAAL_GOUDA in beslis.text
    detail = client_als(indicatiesteller).get(reverse("indicaties:detail", args=[versie.indicatie_id]))
    assert detail.text.count(EXTRAMURAAL_GOUDA) == 1  # the open version, once
    ben_woont_in(huishouden, "Rotterdam")
    detail = client_als(indicatiesteller).get(reverse("indicaties:detail", args=[versie.indicatie_id]))
    assert "Afstemmen met de gemeente" not in detail.text and 'data-testid="gemeente-meldingen"' not in detail.text
