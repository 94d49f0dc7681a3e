"""Screen readers read a field's help text and error through aria-describedby (WCAG 1.3.1, 3.3.1).
Every id a page points to must exist, once: Django names them ``<id>_helptext`` and ``<id>_error``."""

import re
from collections import Counter

import pytest
from django.urls import reverse

ID = re.compile(r'\sid="([^"]+)"')
BESCHREVEN_DOOR = re.compile(r'aria-describedby="([^"]+)"')


def controleer_verwijzingen(html: str) -> set[str]:
    ids = Counter(ID.findall(html))
    dubbel = {i for i, n in ids.items() if n > 1}
    assert not dubbel, f"ids komen meer dan eens voor: {sorted(dubbel)}"
    verwezen = {i for waarde in BESCHREVEN_DOOR.findall(html) for i in waarde.split()}
    assert verwezen - set(ids) == set(), "aria-describedby wijst naar een id die niet bestaat"
    return verwezen


@pytest.mark.django_db
def test_huishoudformulier_met_fouten(client_als, indicatiesteller):
    r = client_als(indicatiesteller).post(reverse("huishoudens:nieuw"), {"naam": "", "leden-TOTAL_FORMS": "1",
                                                                         "leden-INITIAL_FORMS": "0"})
    html = r.content.decode()
    verwezen = controleer_verwijzingen(html)
    assert any(i.endswith("_error") for i in verwezen), "de fouten zijn niet aan hun veld gekoppeld"


@pytest.mark.django_db
def test_taxatieformulier_met_fouten(client_als, indicatiesteller, huishouden):
    r = client_als(indicatiesteller).post(reverse("taxaties:nieuw", args=[huishouden.pk]), {})
    html = r.content.decode()
    verwezen = controleer_verwijzingen(html)
    assert any(i.endswith("_error") for i in verwezen)
    assert any(i.endswith("_helptext") for i in verwezen)
