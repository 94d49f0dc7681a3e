"""Four eyes: the beslisser sends a version back (internal, no letter, the author revises) or refuses the
citizen's application (a reason for the citizen, refusal letters, no revision of that version)."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from indicatie.beschikkingen.models import Beschikking
from indicatie.indicaties import services
from indicatie.indicaties.models import Afwijzing, Indicatieversie, VersieStatus

from .conftest import gegevens, vastgesteld

pytestmark = pytest.mark.django_db


def ingediend(huishouden, aanbieder, taxatie, steller):
    versie = services.maak_indicatie(huishouden=huishouden, door=steller,
                                     gegevens=gegevens(huishouden, aanbieder, taxatie))
    return services.dien_in(versie_id=versie.pk, door=steller, revisie=None)


def test_sending_back_via_the_screen(client_als, huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = ingediend(huishouden, aanbieder, taxatie, indicatiesteller)
    beslis = client_als(beslisser)
    pagina = beslis.get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert 'value="terugsturen"' in pagina.text and 'value="afwijzen"' in pagina.text
    response = beslis.post(reverse("indicaties:beslissen", args=[versie.pk]),
                           {"besluit": "terugsturen", "reden": "Pakket 3 beter motiveren.", "revisie": "2"})
    assert response.status_code == 302
    versie.refresh_from_db()
    assert versie.afwijzing == Afwijzing.TERUGGESTUURD and not Beschikking.objects.exists()
    steller = client_als(indicatiesteller)
    detail = steller.get(reverse("indicaties:detail", args=[versie.indicatie_id]))
    assert "Toekenning – teruggestuurd naar de indicatiesteller" in detail.text
    assert "intern, er is geen brief verstuurd" in detail.text and "Pakket 3 beter motiveren." in detail.text
    assert "Versie 1 opnieuw opstellen" in detail.text
    assert "<dt>Status</dt><dd>Nog niet vastgesteld" in detail.text  # sent back: still to be decided
    werklijst = steller.get(reverse("indicaties:werklijst"))
    assert "Teruggestuurd naar u (1)" in werklijst.text and "Pakket 3 beter motiveren." in werklijst.text
    services.herzie(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    assert "Teruggestuurd naar u" not in steller.get(reverse("indicaties:werklijst")).text


def test_refusing_the_application_via_the_screen(client_als, huishouden, aanbieder, taxatie, indicatiesteller,
                                                 beslisser):
    versie = ingediend(huishouden, aanbieder, taxatie, indicatiesteller)
    response = client_als(beslisser).post(
        reverse("indicaties:beslissen", args=[versie.pk]),
        {"besluit": "afwijzen", "reden": "INTERN: overleg met teamleider.",
         "reden_aanvrager": "Uw situatie vraagt geen HG-arrangement.", "revisie": "2"},
    )
    assert response.status_code == 302
    versie.refresh_from_db()
    assert versie.afwijzing == Afwijzing.AANVRAAG_AFGEWEZEN
    assert versie.afwijzingsreden_aanvrager == "Uw situatie vraagt geen HG-arrangement."
    assert Beschikking.objects.filter(versie=versie, soort="afwijzing").exists()
    detail = client_als(indicatiesteller).get(reverse("indicaties:detail", args=[versie.indicatie_id]))
    assert "Toekenning – aanvraag afgewezen" in detail.text
    assert "Reden voor de aanvrager (in de brief)" in detail.text
    assert "opnieuw opstellen" not in detail.text
    assert "<dt>Status</dt><dd>Aanvraag afgewezen" in detail.text  # an outcome, not "nog niet vastgesteld"


def test_rescaling_offers_no_formal_refusal(client_als, huishouden, aanbieder, taxatie, indicatiesteller,
                                            casusregisseur, beslisser):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    wijziging = services.start_wijziging(
        indicatie_id=lopend.indicatie_id, door=casusregisseur, revisie=None,
        gegevens=gegevens(huishouden, aanbieder, taxatie, pakket="3", ingangsdatum=date(2026, 6, 1)),
    )
    services.dien_in(versie_id=wijziging.pk, door=casusregisseur, revisie=None)
    pagina = client_als(beslisser).get(reverse("indicaties:beslissen", args=[wijziging.pk]))
    assert 'value="terugsturen"' in pagina.text and 'value="afwijzen"' not in pagina.text
    assert "reden_aanvrager" not in pagina.text


def test_migration_marks_only_versions_with_letters_as_refused(huishouden, aanbieder, taxatie, indicatiesteller,
                                                               beslisser, tweede_beslisser):
    brief = ingediend(huishouden, aanbieder, taxatie, indicatiesteller)
    services.beslis(versie_id=brief.pk, door=beslisser, vaststellen=False, aanvraag_afwijzen=True,
                    reden_aanvrager="Geen HG-arrangement nodig.", revisie=None)
    intern = ingediend(huishouden, aanbieder, taxatie, indicatiesteller)
    services.beslis(versie_id=intern.pk, door=tweede_beslisser, vaststellen=False, reden="Oude reden.",
                    revisie=None)
    # As before the change: both only "afgewezen", the letter's reason in afwijzingsreden.
    Indicatieversie.objects.filter(pk=brief.pk).update(afwijzing="", afwijzingsreden="Geen HG-arrangement nodig.",
                                                       afwijzingsreden_aanvrager="")
    Indicatieversie.objects.filter(pk=intern.pk).update(afwijzing="")
    migratie = importlib.import_module("indicatie.indicaties.migrations.0005_afwijzing_terugsturen")
    migratie.markeer_bestaande_afwijzingen(apps, None)
    brief.refresh_from_db()
    intern.refresh_from_db()
    assert brief.afwijzing == Afwijzing.AANVRAAG_AFGEWEZEN
    assert brief.afwijzingsreden_aanvrager == "Geen HG-arrangement nodig."
    assert intern.afwijzing == Afwijzing.TERUGGESTUURD and intern.afwijzingsreden_aanvrager == ""
    assert Indicatieversie.objects.filter(status=VersieStatus.AFGEWEZEN, afwijzing="").count() == 0
