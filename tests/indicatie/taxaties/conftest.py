import pytest

from tests.factories import GezinslidFactory


@pytest.fixture
def groot_huishouden(huishouden):
    """The shared household plus three more children: four children, so a vrije trede (R3)."""
    from datetime import date

    for i in range(3):
        GezinslidFactory(huishouden=huishouden, voornamen=f"Kind{i}", achternaam="Voorbeeld", relatie="kind",
                         rollen=["getuige"], geboortedatum=date(2017 + i, 6, 1), volgorde=3 + i)
    return huishouden


ANTWOORDEN = {
    "veiligheid": "dreigend", "vaardigheden": "beperkt", "nabijheid_24_uur": False,
    "niet_zelfstandig_wonen": False, "bestaande_wmo_verblijf": False, "langdurig_of_specialistisch": True,
}
