import pytest

from indicatie.taxaties.models import Taxatie

pytestmark = pytest.mark.django_db


def test_demodata_is_idempotent_en_toont_volgen_en_afwijken():
    from hgarr.accounts.demodata import laad as laad_accounts
    from indicatie.huishoudens.demodata import laad as laad_huishoudens
    from indicatie.taxaties.demodata import laad

    laad_accounts()
    laad_huishoudens()
    assert laad() == 2
    assert laad() == 0
    assert sorted(Taxatie.objects.values_list("voorstel_gevolgd", flat=True)) == [False, True]
    afwijking = Taxatie.objects.get(voorstel_gevolgd=False)
    assert afwijking.afwijking_motivering and afwijking.gekozen_pakket == "3"
