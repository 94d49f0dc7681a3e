"""Files written inside a transaction that rolls back are removed again.

Django has no on-rollback hook, so the service boundary says where a transaction ends:
``atomic_met_bestanden`` is ``transaction.atomic`` that, when an exception leaves it (its transaction or
savepoint was rolled back), deletes the files written inside it that no row refers to. A storage reports
what it wrote with ``onthoud``. A nested block hands its names to the enclosing one, so a receiver that
fails after the letters were written still removes them. Only unreferenced names are deleted, because
an exception can also leave the block after the commit (a failing on-commit hook). What a killed process
leaves behind is for ``manage.py ruim_weesbestanden``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.core.files.storage import FileSystemStorage, Storage
from django.db import DatabaseError, models, transaction

logger = logging.getLogger(__name__)

# Per thread / task: the files written inside the innermost open atomic_met_bestanden block.
_geschreven: ContextVar[list[tuple[Storage, str]] | None] = ContextVar("hgarr_geschreven_bestanden", default=None)

# Enough below SQLite's limit of host parameters in one query.
_PER_QUERY = 500


def onthoud(opslag: Storage, naam: str) -> None:
    """Called by a storage after it wrote ``naam``; outside an atomic_met_bestanden block nothing is kept."""
    geschreven = _geschreven.get()
    if geschreven is not None:
        geschreven.append((opslag, naam))


@contextmanager
def atomic_met_bestanden() -> Iterator[None]:
    """``transaction.atomic()`` on the default database; also usable as a decorator: ``@atomic_met_bestanden()``."""
    buiten = _geschreven.get()
    binnen: list[tuple[Storage, str]] = []
    token = _geschreven.set(binnen)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        _verwijder_onbekende(binnen)
        raise
    else:
        if buiten is not None:
            buiten.extend(binnen)
    finally:
        _geschreven.reset(token)


def _verwijder_onbekende(geschreven: list[tuple[Storage, str]]) -> None:
    for opslag, naam in geschreven:
        try:
            if in_gebruik(opslag, [naam]):
                continue
            opslag.delete(naam)
        except (DatabaseError, OSError):
            # Never hide the exception that rolled back; the file stays for ruim_weesbestanden.
            logger.warning("Bestand van een teruggedraaide transactie niet opgeruimd: %s", naam, exc_info=True)


def bestandsvelden(opslag: Storage) -> list[models.FileField]:
    """Every FileField that stores its files in the same place as ``opslag``."""
    return [
        veld
        for model in apps.get_models()
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.FileField)
        and type(veld.storage) is type(opslag)
        and getattr(veld.storage, "location", None) == getattr(opslag, "location", None)
    ]


def in_gebruik(opslag: Storage, namen: Iterable[str]) -> set[str]:
    """The names among ``namen`` that a row still refers to (through any FileField on this storage)."""
    namen = list(namen)
    gevonden: set[str] = set()
    for veld in bestandsvelden(opslag):
        for begin in range(0, len(namen), _PER_QUERY):
            deel = namen[begin:begin + _PER_QUERY]
            gevonden.update(
                veld.model._base_manager.filter(**{f"{veld.attname}__in": deel}).values_list(veld.attname, flat=True)
            )
    return gevonden


def weesbestanden(opslag: FileSystemStorage, mappen: Iterable[str], *, ouder_dan: timedelta) -> list[str]:
    """Names of the files under ``mappen`` that no row refers to and that were last written longer ago
    than ``ouder_dan`` (a younger one may belong to a transaction that is still running), sorted."""
    grens = time.time() - ouder_dan.total_seconds()
    basis = Path(opslag.location)
    oud = []
    for map_ in mappen:
        for pad in (basis / map_).rglob("*"):
            try:
                if pad.is_file() and pad.stat().st_mtime < grens:
                    oud.append(pad.relative_to(basis).as_posix())
            except FileNotFoundError:  # removed while we looked
                continue
    oud.sort()
    gebruikt = in_gebruik(opslag, oud)
    return [naam for naam in oud if naam not in gebruikt]
