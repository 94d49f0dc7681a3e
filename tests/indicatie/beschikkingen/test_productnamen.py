"""The letters' client wording of the products (opstellen.PRODUCTEN) and the catalogue's names
(tarieven.selectors.productnamen) are two mappings on purpose; they must cover the same product codes,
so no product ever reads as a bare code in a letter or on a screen."""

from datetime import date

import pytest

from indicatie.beschikkingen.opstellen import PRODUCTEN
from pakketten.catalogus import PRODUCTCODES
from pakketten.laden import CATALOGUS_FIXTURE, lees_tabelfixture
from tarieven.selectors import productnamen


def test_letter_wording_covers_exactly_the_catalogue_fixture_codes_without_a_database():
    codes = {p["code"] for p in lees_tabelfixture(CATALOGUS_FIXTURE)["data"]["producten"]}
    assert set(PRODUCTEN) == codes == set(PRODUCTCODES)


@pytest.mark.django_db
def test_letter_wording_covers_exactly_the_codes_the_screens_name():
    namen = productnamen(date(2026, 6, 1))
    assert namen, "the catalogue of the data migration is missing"
    assert set(PRODUCTEN) == set(namen)


def test_letter_wording_has_a_name_and_result_areas_without_rule_codes():
    for code, (naam, gebieden) in PRODUCTEN.items():
        assert naam and "_" not in naam, code
        for gebied in gebieden:
            assert not any(woord in gebied.split() for woord in ("R1", "R2", "R3", "R5", "Wmo", "Jeugd")), gebied
