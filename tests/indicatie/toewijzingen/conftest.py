"""Fixtures for the outbox tests: reuse the lifecycle fixtures (aanbieder, taxatie, decided versions)."""

from tests.indicatie.indicaties.conftest import (  # noqa: F401
    EINDE,
    START,
    aanbieder,
    besluit,
    gegevens,
    maak_taxatie,
    taxatie,
    tweede_beslisser,
    vastgesteld,
)
