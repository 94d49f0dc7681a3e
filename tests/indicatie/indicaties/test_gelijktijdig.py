"""Concurrency and integrity (issue 5 §7).

On PostgreSQL these run real concurrent transactions, each thread with its own connection: two
beslissers deciding the same version, two people re-scaling the same indication, and two transactions
writing overlapping decided versions straight into the table (the exclusion constraint stops one).
SQLite serialises writers and has no exclusion constraints: there the same scenarios run one after the
other and the service-level guards are asserted instead."""

import threading
import time
from datetime import date

import pytest
from django.db import IntegrityError, connection, connections, transaction

from indicatie.indicaties import services
from indicatie.indicaties.models import Indicatie, Indicatieversie, Soort, VersieStatus
from indicatie.indicaties.services import Conflict, Ongeldig
from indicatie.indicaties.signals import versie_vastgesteld

from .conftest import gegevens, vastgesteld

pytestmark = pytest.mark.django_db(transaction=True)

OP_POSTGRESQL = connection.vendor == "postgresql"


def gelijktijdig(*taken):
    """Runs the callables in threads that start together; returns each one's result or exception."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait(timeout=10)
            uitkomsten[i] = taak()
        except Exception as fout:  # noqa: BLE001 - the test inspects it
            uitkomsten[i] = fout
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return uitkomsten


@pytest.fixture
def traag_besluit():
    """Keeps the deciding transaction open a moment (a receiver inside it), so a competitor arrives
    while the first still holds the lock."""

    def wacht(sender, **kwargs):
        time.sleep(0.4)

    versie_vastgesteld.connect(wacht)
    yield
    versie_vastgesteld.disconnect(wacht)


def test_twee_beslissers_tegelijk_een_wint(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, tweede_beslisser, traag_besluit
):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    versie = services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    gezien = Indicatie.objects.get().revisie  # both beslissers opened the page at this revision

    def beslis(door, vaststellen):
        return lambda: services.beslis(
            versie_id=versie.pk, door=door, vaststellen=vaststellen, reden="Niet onderbouwd.", revisie=gezien
        )

    if OP_POSTGRESQL:
        uitkomsten = gelijktijdig(beslis(beslisser, True), beslis(tweede_beslisser, False))
    else:
        uitkomsten = []
        for taak in (beslis(beslisser, True), beslis(tweede_beslisser, False)):
            try:
                uitkomsten.append(taak())
            except Exception as fout:  # noqa: BLE001
                uitkomsten.append(fout)
    gelukt = [u for u in uitkomsten if isinstance(u, Indicatieversie)]
    conflicten = [u for u in uitkomsten if isinstance(u, Conflict)]
    assert len(gelukt) == 1 and len(conflicten) == 1, uitkomsten
    assert "intussen" in str(conflicten[0])
    versie.refresh_from_db()
    assert versie.status == gelukt[0].status and versie.beslisser_id == gelukt[0].beslisser_id
    assert Indicatie.objects.get().revisie == gezien + 1  # exactly one write went through


def test_twee_keer_opschalen_tegelijk_een_wint(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, casusregisseur
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    gezien = Indicatie.objects.get().revisie

    def schaal(door, pakket, datum):
        return lambda: services.start_wijziging(
            indicatie_id=lopend.indicatie_id,
            door=door,
            revisie=gezien,
            gegevens=gegevens(huishouden, aanbieder, None, pakket=pakket, ingangsdatum=datum),
        )

    taken = (schaal(casusregisseur, "3", date(2026, 6, 1)), schaal(indicatiesteller, "1", date(2026, 7, 1)))
    if OP_POSTGRESQL:
        uitkomsten = gelijktijdig(*taken)
    else:
        uitkomsten = []
        for taak in taken:
            try:
                uitkomsten.append(taak())
            except Exception as fout:  # noqa: BLE001
                uitkomsten.append(fout)
    gelukt = [u for u in uitkomsten if isinstance(u, Indicatieversie)]
    geweigerd = [u for u in uitkomsten if isinstance(u, (Conflict, Ongeldig))]
    assert len(gelukt) == 1 and len(geweigerd) == 1, uitkomsten
    assert Indicatieversie.objects.filter(soort=Soort.WIJZIGING).count() == 1


def _twee_afgewezen_versies(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    """Two rejected versions of one indication with overlapping periods (allowed: not decided)."""
    eerste = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.dien_in(versie_id=eerste.pk, door=indicatiesteller, revisie=None)
    services.beslis(versie_id=eerste.pk, door=beslisser, vaststellen=False, reden="Te vroeg.", revisie=None)
    tweede = services.herzie(versie_id=eerste.pk, door=indicatiesteller, revisie=None)
    services.dien_in(versie_id=tweede.pk, door=indicatiesteller, revisie=None)
    services.beslis(versie_id=tweede.pk, door=beslisser, vaststellen=False, reden="Nog steeds te vroeg.", revisie=None)
    return eerste, tweede


def _zet_vastgesteld(
    versie_id, vanaf, tot, geschreven: threading.Event | None = None, na: threading.Event | None = None
):
    """Writes a decided period straight into the table, bypassing the service (and its guard).

    ``na``: wait until the other transaction has written (and passed its constraint check) before
    writing. ``geschreven``: signal that this one has written, then hold the transaction open a moment
    so the other arrives while it is still uncommitted."""

    def taak():
        with transaction.atomic():
            if na is not None:
                assert na.wait(timeout=10)
            Indicatieversie.objects.filter(pk=versie_id).update(
                status=VersieStatus.VASTGESTELD, geldig_vanaf=vanaf, geldig_tot=tot
            )
            if geschreven is not None:
                geschreven.set()
                time.sleep(0.5)
        return versie_id

    return taak


def test_geen_overlappende_vastgestelde_versies(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    eerste, tweede = _twee_afgewezen_versies(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    if OP_POSTGRESQL:
        # Real concurrent transactions: the second write waits in the exclusion constraint for the first,
        # still uncommitted, to commit and then fails. The order is fixed on purpose: when two
        # transactions check the constraint at the same instant, PostgreSQL may instead see each waiting
        # for the other and abort one as a deadlock (documented behaviour of exclusion constraints).
        # The service never meets that case because it locks the indication row first (_vergrendel).
        geschreven = threading.Event()
        uitkomsten = gelijktijdig(
            _zet_vastgesteld(eerste.pk, date(2026, 2, 2), date(2026, 12, 31), geschreven=geschreven),
            _zet_vastgesteld(tweede.pk, date(2026, 6, 1), date(2027, 2, 1), na=geschreven),
        )
        fouten = [u for u in uitkomsten if isinstance(u, IntegrityError)]
        assert len(fouten) == 1, uitkomsten
        assert "vastgestelde_versies_overlappen_niet" in str(fouten[0])
        assert uitkomsten[0] == eerste.pk  # the first committed; the one that waited was refused
        assert Indicatieversie.objects.filter(status=VersieStatus.VASTGESTELD).count() == 1
        # Adjacent periods are fine.
        winnaar = Indicatieversie.objects.get(status=VersieStatus.VASTGESTELD)
        ander = tweede if winnaar.pk == eerste.pk else eerste
        _zet_vastgesteld(ander.pk, winnaar.geldig_tot + (date(2026, 1, 2) - date(2026, 1, 1)), date(2027, 6, 30))()
        assert Indicatieversie.objects.filter(status=VersieStatus.VASTGESTELD).count() == 2
    else:
        # SQLite has no exclusion constraint: the table accepts the overlap, so the service must
        # refuse it before writing (services._controleer_overlap).
        _zet_vastgesteld(eerste.pk, date(2026, 2, 2), date(2026, 12, 31))()
        tweede.refresh_from_db()
        indicatie = Indicatie.objects.get()
        with pytest.raises(Ongeldig, match="overlapt met vastgestelde versie 1"):
            services._controleer_overlap(indicatie, tweede, date(2026, 6, 1), date(2027, 2, 1), None, None)
        services._controleer_overlap(indicatie, tweede, date(2027, 1, 1), date(2027, 2, 1), None, None)


def test_database_constraint_wordt_nette_melding(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, casusregisseur, tweede_beslisser, monkeypatch
):
    """When both service guards are bypassed, PostgreSQL's constraint still refuses the overlap and the
    user gets a Dutch message; on SQLite the guard itself is what refuses."""
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    nieuw = services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 6, 1)),
    )
    services.dien_in(versie_id=nieuw.pk, door=casusregisseur, revisie=None)
    monkeypatch.setattr(services, "_perioden", lambda v, vorige, i: (v.ingangsdatum, v.einddatum, None))
    if OP_POSTGRESQL:
        monkeypatch.setattr(services, "_controleer_overlap", lambda *a, **k: None)
        with pytest.raises(Conflict, match="overlapt"):
            services.beslis(versie_id=nieuw.pk, door=tweede_beslisser, vaststellen=True, revisie=None)
    else:
        with pytest.raises(Ongeldig, match="overlapt"):
            services.beslis(versie_id=nieuw.pk, door=tweede_beslisser, vaststellen=True, revisie=None)
    nieuw.refresh_from_db()
    assert nieuw.status == VersieStatus.TER_BEOORDELING
    assert Indicatieversie.objects.filter(status=VersieStatus.VASTGESTELD).count() == 1
