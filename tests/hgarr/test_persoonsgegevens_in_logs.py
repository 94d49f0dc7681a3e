"""Personal data stays out of technical logs and error reports (issue 7 §6)."""

import logging

import pytest
from django.test import RequestFactory, override_settings

from hgarr import logging_filters
from hgarr.logging_filters import PersoonsgegevensFilter, PersoonsgegevensReporterFilter, maskeer


def record(bericht, *args, exc_info=None):
    return logging.LogRecord("test", logging.ERROR, __file__, 1, bericht, args, exc_info)


def gefilterd(rec) -> str:
    PersoonsgegevensFilter().filter(rec)
    return logging.Formatter("%(message)s").format(rec)


def test_bsn_wordt_gemaskeerd_ook_in_argumenten_en_met_punten():
    tekst = gefilterd(record("Opslaan mislukt voor %s en 1234.56.782", "999990019"))
    assert "999990019" not in tekst and "1234.56.782" not in tekst
    assert "*********" in tekst


def test_langere_getallen_blijven_staan():
    assert maskeer("order 1234567890 en bedrag 12345") == "order 1234567890 en bedrag 12345"


def test_zoektermen_in_urls_worden_gemaskeerd():
    tekst = maskeer('"GET /huishoudens/?q=Jansen&pagina=2 HTTP/1.1" 200')
    assert "Jansen" not in tekst
    assert "/huishoudens/?q=***&pagina=***" in tekst


def test_traceback_wordt_gemaskeerd():
    try:
        raise ValueError("dubbel BSN 999990019 bij Voorbeeld")
    except ValueError:
        import sys

        rec = record("fout", exc_info=sys.exc_info())
    token = logging_filters.namen_in_verzoek.set({"Voorbeeld"})
    try:
        tekst = gefilterd(rec)
    finally:
        logging_filters.namen_in_verzoek.reset(token)
    assert "999990019" not in tekst and "Voorbeeld" not in tekst
    assert "ValueError" in tekst


logger = logging.getLogger("indicatie.huishoudens.test")


def view_die_namen_logt(request):
    from django.http import HttpResponse

    from indicatie.huishoudens.models import Gezinslid

    namen = [lid.volledige_naam for lid in Gezinslid.objects.all()]
    logger.warning("Verwerkt: %s; ingevuld: %s", ", ".join(namen), request.POST.get("leden-0-achternaam", ""))
    return HttpResponse("ok")


urlpatterns = [__import__("django.urls").urls.path("namen/", view_die_namen_logt)]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_namen_uit_het_verzoek_worden_gemaskeerd(client_als, indicatiesteller, huishouden):
    """During a request, names of the persons it loaded and the names it posted are masked."""
    import io

    uitvoer = io.StringIO()
    handler = logging.StreamHandler(uitvoer)
    handler.addFilter(PersoonsgegevensFilter())
    logger.addHandler(handler)
    try:
        client_als(indicatiesteller).post("/namen/", {"leden-0-achternaam": "Nieuwelingh"})
    finally:
        logger.removeHandler(handler)
    tekst = uitvoer.getvalue()
    assert "Verwerkt:" in tekst
    for naam in ("Anna", "Ben", "Cato", "Voorbeeld", "Nieuwelingh"):
        assert naam not in tekst
    assert "[naam]" in tekst


def test_foutrapport_verbergt_persoonsvelden():
    request = RequestFactory().post("/huishoudens/nieuw/", {
        "leden-0-voornamen": "Anna", "leden-0-bsn": "999990019", "straat": "Geheimstraat", "gemeente": "Rotterdam",
    })
    parameters = PersoonsgegevensReporterFilter().get_post_parameters(request)
    assert parameters["leden-0-voornamen"] != "Anna"
    assert parameters["leden-0-bsn"] != "999990019"
    assert parameters["straat"] != "Geheimstraat"
    assert parameters["gemeente"] == "Rotterdam"


def test_alle_loghandlers_hebben_het_filter():
    from django.conf import settings

    for naam, handler in settings.LOGGING["handlers"].items():
        assert "persoonsgegevens" in handler.get("filters", []), naam
    for naam, logger in settings.LOGGING["loggers"].items():
        assert logger.get("propagate") is False and logger["handlers"] == ["console"], naam
