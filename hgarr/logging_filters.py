"""Personal data stays out of technical logs and error reports (issue 7 §6, BIO 12.4.1).

``PersoonsgegevensFilter`` is attached to every log handler (settings.LOGGING). It masks:

- BSNs: every run of nine digits (also written as ``1234.56.789``), whether or not it passes the
  elfproef — a typo in a BSN is still personal data;
- the values of query parameters in logged URLs (``?q=Jansen`` becomes ``?q=***``): search terms
  are names and BSNs;
- names of the people this request touched: the values of posted name fields and the names of
  persons loaded from the database during the request (collected in ``namen_in_verzoek``).

``PersoonsgegevensReporterFilter`` hides posted fields and local variables with personal data in
Django's error reports.
"""

import contextvars
import logging
import re

from django.views.debug import SafeExceptionReporterFilter

# Model and form fields that hold a person's name (or address), wherever they appear.
NAAMVELDEN = frozenset({"voornamen", "voornaam", "roepnaam", "achternaam", "geslachtsnaam", "naam", "partnernaam"})
GEVOELIGE_VELDEN = NAAMVELDEN | {"bsn", "straat", "huisnummer", "postcode", "geboortedatum", "corr_straat"}

_BSN = re.compile(r"(?<![0-9])(?:[0-9]{9}|[0-9]{4}[.\s-][0-9]{2}[.\s-][0-9]{3})(?![0-9])")
_QUERYWAARDE = re.compile(r"([?&][^=&\s\"'#]+=)[^&\s\"'#]*")

MASKER_BSN = "*********"
MASKER_NAAM = "[naam]"

# The names seen in the current request; None outside a request (set by hgarr.audit.context).
namen_in_verzoek: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("namen_in_verzoek", default=None)


def onthoud_naam(*waarden: str) -> None:
    """Remember names seen in this request, so that the log filter masks them."""
    namen = namen_in_verzoek.get()
    if namen is None:
        return
    for waarde in waarden:
        for deel in re.split(r"[\s,;/]+", str(waarde or "")):
            if len(deel) >= 2 and not deel.isdigit():
                namen.add(deel)


def maskeer(tekst: str) -> str:
    """The text with BSNs, query values and this request's names masked."""
    if not tekst:
        return tekst
    tekst = _BSN.sub(MASKER_BSN, tekst)
    tekst = _QUERYWAARDE.sub(r"\1***", tekst)
    namen = namen_in_verzoek.get()
    if namen:
        patroon = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(namen, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE,
        )
        tekst = patroon.sub(MASKER_NAAM, tekst)
    return tekst


class PersoonsgegevensFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with personal data masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            bericht = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            bericht = str(record.msg)
        record.msg = maskeer(bericht)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = maskeer(record.exc_text)
        if record.stack_info:
            record.stack_info = maskeer(record.stack_info)
        return True


class PersoonsgegevensReporterFilter(SafeExceptionReporterFilter):
    """Error reports: posted personal fields and local variables with such names are hidden."""

    hidden_settings = re.compile(
        r"API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE_URL|CLIENT_ID", flags=re.IGNORECASE
    )

    @staticmethod
    def _is_gevoelig(naam: str) -> bool:
        naam = str(naam).lower()
        return any(naam == v or naam.endswith("-" + v) or naam.endswith("_" + v) for v in GEVOELIGE_VELDEN)

    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if not parameters:
            return parameters
        parameters = parameters.copy()
        for naam in list(parameters):
            if self._is_gevoelig(naam) or naam in {"q", "token", "password"}:
                parameters[naam] = self.cleansed_substitute
        return parameters

    def get_traceback_frame_variables(self, request, tb_frame):
        variabelen = super().get_traceback_frame_variables(request, tb_frame)
        return [
            (naam, self.cleansed_substitute if self._is_gevoelig(naam) else waarde) for naam, waarde in variabelen
        ]
