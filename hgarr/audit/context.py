"""Who is acting in the current request (for the change history and the log filter).

Set by ``AuditMiddleware``; outside a request (management commands) the actor is "systeem"."""

import contextvars
from contextlib import contextmanager

from django.core.signals import request_finished, request_started

from hgarr import logging_filters

huidige_gebruiker: contextvars.ContextVar = contextvars.ContextVar("huidige_gebruiker", default=None)


def begin_verzoek(**kwargs) -> None:
    """A new request: a fresh set of names to mask in technical logs."""
    logging_filters.namen_in_verzoek.set(set())
    huidige_gebruiker.set(None)


def einde_verzoek(**kwargs) -> None:
    logging_filters.namen_in_verzoek.set(None)
    huidige_gebruiker.set(None)


request_started.connect(begin_verzoek, dispatch_uid="hgarr_audit_begin_verzoek")
request_finished.connect(einde_verzoek, dispatch_uid="hgarr_audit_einde_verzoek")


@contextmanager
def als_gebruiker(user):
    """Attribute changes made inside this block to ``user`` (commands, tests)."""
    token = huidige_gebruiker.set(user)
    try:
        yield
    finally:
        huidige_gebruiker.reset(token)


def actor():
    user = huidige_gebruiker.get()
    if user is not None and getattr(user, "is_authenticated", False):
        return user
    return None
