"""Background task: combine the selected letters into one PDF for printing (issue 6 §5).

Runs on Django's task framework: in production and ``make run`` on the database backend
(django-tasks-db, worker ``manage.py db_worker``); tests may use the ImmediateBackend.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone

from .models import Afdrukopdracht, Beschikking, OpdrachtStatus
from .rendering import combineer_pdfs

logger = logging.getLogger(__name__)


@task()
def druk_af(opdracht_id: int) -> int:
    """Returns the number of letters combined. Progress is written to the job after every letter, so
    the progress bar can follow it."""
    opdracht = Afdrukopdracht.objects.get(pk=opdracht_id)
    if opdracht.is_afgerond:
        return opdracht.verwerkt
    Afdrukopdracht.objects.filter(pk=opdracht.pk).update(status=OpdrachtStatus.BEZIG, verwerkt=0)
    try:
        per_id = Beschikking.objects.in_bulk(opdracht.beschikking_ids)
        # Same team only, whatever ended up in the list (the view already checked; defence in depth).
        volgorde = [
            per_id[i] for i in opdracht.beschikking_ids
            if i in per_id and per_id[i].huishouden.team_id == opdracht.team_id
        ]

        def pdfs():
            for beschikking in volgorde:
                yield beschikking.lees_pdf()

        def voortgang(n: int) -> None:
            Afdrukopdracht.objects.filter(pk=opdracht.pk).update(verwerkt=n)

        data = combineer_pdfs(pdfs(), voortgang=voortgang)
        opdracht.refresh_from_db()
        opdracht.bestand.save(f"afdrukopdracht-{opdracht.pk}.pdf", ContentFile(data), save=False)
        opdracht.sha256 = hashlib.sha256(data).hexdigest()
        opdracht.status = OpdrachtStatus.KLAAR
        opdracht.verwerkt = len(volgorde)
        opdracht.totaal = len(volgorde)
        opdracht.klaar_op = timezone.now()
        opdracht.save()
        return len(volgorde)
    except Exception as fout:
        logger.exception("Afdrukopdracht %s mislukt", opdracht_id)
        Afdrukopdracht.objects.filter(pk=opdracht.pk).update(
            status=OpdrachtStatus.MISLUKT, foutmelding=f"Het afdrukken is mislukt ({fout.__class__.__name__})."[:300]
        )
        raise
