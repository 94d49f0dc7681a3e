from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hgarr.bsn import is_geldig_bsn, maskeer_bsn, normaliseer_bsn
from hgarr.datums import is_volwassen_op, lange_datum, leeftijd_op


def test_elfproef_bekende_voorbeelden():
    assert is_geldig_bsn("123456782")
    assert not is_geldig_bsn("123456781")
    assert not is_geldig_bsn("12345678")
    assert not is_geldig_bsn("12345678a")
    assert not is_geldig_bsn("000000000")


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_precies_een_laatste_cijfer_of_geen_maakt_het_geldig(eerste_acht):
    geldige = [d for d in "0123456789" if is_geldig_bsn(eerste_acht + d)]
    assert len(geldige) <= 1


def test_maskeren_en_normaliseren():
    assert maskeer_bsn("999912345") == "*****2345"
    assert normaliseer_bsn(" 1234.56-782 ") == "123456782"


def test_volwassen_vanaf_de_18e_verjaardag():
    geboren = date(2008, 11, 23)
    assert not is_volwassen_op(geboren, date(2026, 11, 22))
    assert is_volwassen_op(geboren, date(2026, 11, 23))
    assert leeftijd_op(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert leeftijd_op(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_lange_datum():
    assert lange_datum(date(2026, 11, 23)) == "23 november 2026"
