"""The demo loader: invented aanbieders and indications in several states, idempotent."""

import pytest

from indicatie.indicaties import demodata
from indicatie.indicaties.models import Aanbieder, Indicatie, Indicatieversie, VersieStatus

pytestmark = pytest.mark.django_db


def test_demodata_laadt_indicaties_in_verschillende_staten():
    from hgarr.accounts.demodata import laad as accounts
    from indicatie.huishoudens.demodata import laad as huishoudens
    from indicatie.taxaties.demodata import laad as taxaties

    accounts()
    huishoudens()
    taxaties()
    assert demodata.laad() == 2
    assert Aanbieder.objects.count() == 3
    statussen = set(Indicatieversie.objects.values_list("status", flat=True))
    assert {VersieStatus.CONCEPT, VersieStatus.VASTGESTELD, VersieStatus.TER_BEOORDELING} <= statussen
    assert demodata.laad() == 0  # idempotent
    assert Indicatie.objects.count() == 2
