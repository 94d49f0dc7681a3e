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


def test_demodata_wijst_casusregisseurs_toe_en_blijft_idempotent():
    from hgarr.accounts.demodata import laad as accounts
    from hgarr.audit.models import Wijziging
    from indicatie.huishoudens.demodata import laad as huishoudens
    from indicatie.huishoudens.demodata import test_bsn
    from indicatie.taxaties.demodata import laad as taxaties

    accounts()
    huishoudens()
    taxaties()
    demodata.laad()
    lopend = Indicatie.objects.get(huishouden__leden__bsn=test_bsn(0))
    concept = Indicatie.objects.get(huishouden__leden__bsn=test_bsn(4))
    assert lopend.casusregisseur.username == "noord-casusregisseur"
    assert concept.casusregisseur is None  # the demo also shows an indication without one (R20)
    # A database loaded before indications had a casusregisseur gets one on the next load, once.
    Indicatie.objects.filter(pk=lopend.pk).update(casusregisseur=None)
    demodata.laad()
    lopend.refresh_from_db()
    assert lopend.casusregisseur.username == "noord-casusregisseur"
    revisie, wijzigingen = lopend.revisie, Wijziging.objects.count()
    demodata.laad()
    lopend.refresh_from_db()
    assert lopend.revisie == revisie and Wijziging.objects.count() == wijzigingen
