"""Reference data is present after migrate and comes back after a flush (transactional tests)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from pakketten.models import Tabelversie
from tarieven.models import Parameterset


def aantallen():
    return (
        Group.objects.count(),
        Tabelversie.objects.filter(soort="catalogus").count(),
        Tabelversie.objects.filter(soort="beslistabel").count(),
        Parameterset.objects.count(),
    )


@pytest.mark.django_db(transaction=True)
def test_referentiedata_overleeft_een_flush():
    voor = aantallen()
    assert all(n >= 1 for n in voor)
    call_command("flush", interactive=False, verbosity=0)
    assert aantallen() == voor
