"""Dutch amounts on screens (DESIGN §4): € 1.234,56, and differences with the sign in one place."""

from decimal import Decimal

import pytest

from hgarr.web.templatetags.nl import euro, euro_verschil


@pytest.mark.parametrize(("waarde", "tekst"), [
    (Decimal("1234.5"), "€ 1.234,50"), (Decimal("-167.17"), "€ -167,17"), (Decimal("0.005"), "€ 0,01"),
])
def test_euro(waarde, tekst):
    assert euro(waarde) == tekst


@pytest.mark.parametrize(("waarde", "tekst"), [
    (Decimal("352.57"), "€ +352,57"), (Decimal("-167.17"), "€ -167,17"), (Decimal("0"), "€ 0,00"), (None, ""),
])
def test_verschil_heeft_het_teken_op_een_vaste_plek(waarde, tekst):
    assert euro_verschil(waarde) == tekst
