from datetime import datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .models import ToegangslogRegel
from .services import hash_bsn


def zoek_toegangslog(
    *, van=None, tot=None, gebruiker="", bsn="", subject="", actie="", uitkomst=""
) -> QuerySet[ToegangslogRegel]:
    """The access log filtered by period (local dates, inclusive), user, subject (BSN hashed here) and action."""
    qs = ToegangslogRegel.objects.all()
    tz = timezone.get_current_timezone()
    if van:
        qs = qs.filter(tijdstip__gte=datetime.combine(van, time.min, tzinfo=tz))
    if tot:
        qs = qs.filter(tijdstip__lt=datetime.combine(tot + timedelta(days=1), time.min, tzinfo=tz))
    if gebruiker:
        qs = qs.filter(gebruikersnaam__iexact=gebruiker.strip())
    if bsn and not subject:
        subject = hash_bsn(bsn)
    if subject:
        # A hash is 64 hex characters: a match inside the JSON list text is exact enough.
        qs = qs.filter(subject_hashes__icontains=subject)
    if actie:
        qs = qs.filter(actie=actie)
    if uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    return qs
