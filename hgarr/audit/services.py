"""Writing the access log.

A row must survive when the request's transaction rolls back (issue 7 §1). A row logged outside a
transaction is written at once (autocommit). A row logged inside a transaction is not written
into that transaction: it waits in a queue on the connection and is written right after the
transaction ends — by an on-commit hook when it commits, and by ``AuditMiddleware`` (or, at the
latest, the ``request_finished`` signal) when it rolls back. The same path works on SQLite and
PostgreSQL; a second connection would deadlock on SQLite, where one writer holds the file.
"""

import hashlib
import hmac
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from .models import Actie, ToegangslogRegel, Uitkomst

logger = logging.getLogger(__name__)
_ALIAS = DEFAULT_DB_ALIAS


def bsn_sleutel() -> bytes:
    key = getattr(settings, "HGARR_BSN_HASH_KEY", "") or ("bsn-hash:" + settings.SECRET_KEY)
    return key.encode()


def hash_bsn(bsn: str) -> str:
    return hmac.new(bsn_sleutel(), bsn.encode(), hashlib.sha256).hexdigest()


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _in_transactie(connection) -> bool:
    """Inside a transaction of the application (a test case's own wrapping block does not count)."""
    return connection.in_atomic_block and any(
        not getattr(blok, "_from_testcase", False) for blok in connection.atomic_blocks
    )


def _wachtrij(connection) -> list[ToegangslogRegel]:
    if not hasattr(connection, "_hgarr_toegangslog_wachtrij"):
        connection._hgarr_toegangslog_wachtrij = []
    return connection._hgarr_toegangslog_wachtrij


def schrijf_wachtrij(**kwargs) -> int:
    """Write the queued rows, once no transaction of the application is open. Returns the count."""
    connection = connections[_ALIAS]
    wachtrij = getattr(connection, "_hgarr_toegangslog_wachtrij", None)
    if not wachtrij or _in_transactie(connection):
        return 0
    regels, wachtrij[:] = list(wachtrij), []
    for regel in regels:
        regel.save(using=_ALIAS)
    return len(regels)


request_finished.connect(schrijf_wachtrij, dispatch_uid="hgarr_audit_schrijf_wachtrij")


def log_toegang(
    request,
    *,
    actie: Actie,
    objecttype: str,
    object_id: str | int | None = "",
    bsns: Iterable[str] = (),
    uitkomst: Uitkomst = Uitkomst.TOEGESTAAN,
    detail: str = "",
    subject_hashes: Iterable[str] = (),
) -> ToegangslogRegel:
    """Log one access to a case file. ``bsns`` are hashed; the BSN itself is never stored.
    ``subject_hashes`` are already hashed BSNs (a search by subject in the log itself)."""
    user = getattr(request, "user", None)
    ingelogd = bool(user and user.is_authenticated)
    regel = ToegangslogRegel(
        tijdstip=timezone.now(),
        gebruiker_id=user.pk if ingelogd else None,
        gebruikersnaam=user.get_username() if ingelogd else "",
        rol=",".join(sorted(user.rollen()))[:200] if ingelogd else "",
        team=str(user.team)[:100] if ingelogd and user.team_id else "",
        actie=actie,
        objecttype=objecttype[:50],
        object_id=str(object_id or "")[:50],
        subject_hashes=sorted({hash_bsn(b) for b in bsns if b} | set(subject_hashes)),
        uitkomst=uitkomst,
        ip_adres=client_ip(request) if request is not None else None,
        detail=detail[:200],
    )
    if uitkomst == Uitkomst.GEWEIGERD and request is not None:
        request._hgarr_weigering_gelogd = True
    connection = connections[_ALIAS]
    if _in_transactie(connection):
        _wachtrij(connection).append(regel)
        transaction.on_commit(schrijf_wachtrij, using=_ALIAS)
    else:
        schrijf_wachtrij()  # rows of an earlier rolled-back transaction outside a request (tasks, commands)
        regel.save(using=_ALIAS)
    return regel
