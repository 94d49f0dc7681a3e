"""Burgerservicenummer: the elfproef (standaarden.md §2.5) and masking for lists."""

import re

_NEGEN_CIJFERS = re.compile(r"^[0-9]{9}$")


def is_geldig_bsn(waarde: str) -> bool:
    """9 digits with (9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 == 0, and not all zeros."""
    if not isinstance(waarde, str) or not _NEGEN_CIJFERS.match(waarde) or waarde == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(waarde[:8], range(9, 1, -1), strict=True)) - int(waarde[8])
    return som % 11 == 0


def normaliseer_bsn(waarde: str) -> str:
    """Strip spaces, dots and dashes people type; leading zeros are kept."""
    return re.sub(r"[\s.\-]", "", waarde or "")


def maskeer_bsn(waarde: str) -> str:
    """*****1234: only the last four digits are shown in lists."""
    if not waarde:
        return ""
    return "*****" + waarde[-4:]
