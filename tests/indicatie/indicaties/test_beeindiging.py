"""Ending early with a category (Awb 3:46): the letter states the category's sentence, the screens its
label, the free text stays an internal note; the last day must lie within the running version."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from indicatie.beschikkingen.brief import Soort
from indicatie.beschikkingen.models import Beschikking
from indicatie.beschikkingen.rendering import render_html
from indicatie.beschikkingen.services import controleer
from indicatie.indicaties import services
from indicatie.indicaties.beeindiging import GEEN_LABEL, IN_DE_BRIEF, NEUTRAAL, Beeindigingsreden, in_de_brief
from indicatie.indicaties.models import Indicatie, Indicatieversie
from indicatie.indicaties.services import Ongeldig

from .conftest import EINDE, START, besluit, vastgesteld

pytestmark = pytest.mark.django_db

VERHAAL = "GEHEIM-VERHAAL: Ben is weer ingetrokken bij Anna"


@pytest.fixture
def lopend(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    return vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)


def beeindig(lopend, door, laatste_dag=date(2026, 9, 30), categorie="doelen_bereikt", reden=VERHAAL):
    return services.start_beeindiging(indicatie_id=lopend.indicatie_id, door=door, laatste_dag=laatste_dag,
                                      categorie=categorie, reden=reden, revisie=None)


# --- the list itself ----------------------------------------------------------------------------

def test_every_category_has_a_label_and_a_letter_sentence_that_tells_nothing_about_the_case():
    assert set(IN_DE_BRIEF) == set(Beeindigingsreden.values)
    verboden = re.compile(r"pleger|slachtoffer|geweld|politie|partner|vader|moeder|kind|overl|Rotterdam|"
                          r"opvang|blijf|huis uit|vertrouwelijk", re.IGNORECASE)
    for reden in Beeindigingsreden:
        assert reden.label and not verboden.search(reden.label), reden
        zin = in_de_brief(reden.value)
        assert zin.endswith(".") and not verboden.search(zin), (reden, zin)
    assert in_de_brief("") == in_de_brief("onbekende_code") == NEUTRAAL


# --- the service --------------------------------------------------------------------------------

def test_category_is_required_and_stored_apart_from_the_internal_note(lopend, casusregisseur):
    for categorie in ("", "overleden", "iets_anders"):
        with pytest.raises(Ongeldig) as fout:
            beeindig(lopend, casusregisseur, categorie=categorie)
        assert fout.value.fouten["categorie"] == "Kies de reden van de beëindiging; die staat in de brief."
    eind = beeindig(lopend, casusregisseur, categorie="verhuisd_andere_gemeente")
    assert eind.beeindigingsreden == "verhuisd_andere_gemeente" and eind.reden_beeindiging == VERHAAL
    assert eind.beeindigingsreden_label == "Verhuisd naar een andere gemeente"


def test_withdrawn_ending_redrafted_keeps_its_category(lopend, casusregisseur):
    eind = beeindig(lopend, casusregisseur, categorie="andere_hulp_passender")
    services.trek_in(versie_id=eind.pk, door=casusregisseur, revisie=None)
    nieuw = services.herzie(versie_id=eind.pk, door=casusregisseur, revisie=None)
    assert nieuw.beeindigingsreden == "andere_hulp_passender" and nieuw.reden_beeindiging == VERHAAL


def test_last_day_before_the_running_versions_start_is_refused_in_dutch_at_the_date(lopend, casusregisseur):
    with pytest.raises(Ongeldig) as fout:
        beeindig(lopend, casusregisseur, laatste_dag=START - timedelta(days=1), categorie="")
    assert fout.value.fouten["einddatum"] == (
        "De laatste dag ligt vóór het begin van de lopende versie 1: kies een dag van 2 februari 2026 tot en met "
        "31 januari 2027."
    )
    assert "categorie" in fout.value.fouten  # both in one round
    assert not Indicatieversie.objects.filter(soort="beeindiging").exists()


def test_last_day_on_the_current_end_is_refused_the_day_before_is_accepted(lopend, casusregisseur):
    with pytest.raises(Ongeldig) as fout:
        beeindig(lopend, casusregisseur, laatste_dag=EINDE)
    assert "vóór de huidige einddatum (1 februari 2027)" in fout.value.fouten["einddatum"]
    eind = beeindig(lopend, casusregisseur, laatste_dag=EINDE - timedelta(days=1))
    assert eind.einddatum == date(2027, 1, 31)


def test_ending_on_the_first_day_of_the_running_version_is_possible(lopend, casusregisseur, tweede_beslisser):
    eind = besluit(beeindig(lopend, casusregisseur, laatste_dag=START), casusregisseur, tweede_beslisser)
    lopend.refresh_from_db()
    assert eind.is_vastgesteld and lopend.geldig_tot == START
    assert Indicatie.objects.get().einddatum == START


# --- the letter ---------------------------------------------------------------------------------

def test_letter_states_the_category_sentence_and_never_the_internal_note(lopend, casusregisseur,
                                                                         tweede_beslisser):
    eind = besluit(beeindig(lopend, casusregisseur, categorie="hulp_niet_meer_gewenst"), casusregisseur,
                   tweede_beslisser)
    brieven = controleer(versie=eind, vorige_versie=lopend, soort=Soort.BEEINDIGING, door=tweede_beslisser).brieven
    assert brieven and Beschikking.objects.filter(versie=eind).count() == len(brieven)
    for brief in brieven:
        html = render_html(brief)
        assert "U heeft laten weten dat u deze ondersteuning niet meer wilt." in html
        assert "30 september 2026" in html
        assert "GEHEIM-VERHAAL" not in html and "Hulp niet meer gewenst" not in html


def test_version_ended_before_categories_existed_gets_the_neutral_sentence(lopend, casusregisseur,
                                                                           tweede_beslisser):
    eind = besluit(beeindig(lopend, casusregisseur), casusregisseur, tweede_beslisser)
    Indicatieversie.objects.filter(pk=eind.pk).update(beeindigingsreden="")  # as the migration leaves it
    eind.refresh_from_db()
    assert eind.beeindigingsreden_label == GEEN_LABEL
    for brief in controleer(versie=eind, vorige_versie=lopend, soort=Soort.BEEINDIGING,
                            door=tweede_beslisser).brieven:
        html = render_html(brief)
        assert NEUTRAAL in html and "doelen" not in html.lower()


# --- the screens --------------------------------------------------------------------------------

def test_form_shows_the_letter_sentences_and_refuses_an_early_date_at_the_field(client_als, casusregisseur,
                                                                                lopend):
    client_als(casusregisseur)
    url = reverse("indicaties:beeindigen", args=[lopend.indicatie_id])
    pagina = client_als(casusregisseur).get(url)
    assert pagina.status_code == 200
    assert "In de brief: “De doelen van de ondersteuning zijn bereikt." in pagina.text
    assert "Interne toelichting (komt niet in de brief)" in pagina.text
    fout = client_als(casusregisseur).post(url, {"einddatum": "2026-01-31", "reden": VERHAAL,
                                                  "revisie": str(Indicatie.objects.get().revisie)})
    assert fout.status_code == 400
    veld = fout.text.split('id="id_einddatum_error"')[1].split("</div>")[0]
    assert "De laatste dag ligt vóór het begin van de lopende versie 1" in veld
    assert "Kies de reden van de beëindiging; die staat in de brief." in fout.text
    assert VERHAAL in fout.text  # the user keeps what they typed
    assert not Indicatieversie.objects.filter(soort="beeindiging").exists()


def test_timeline_and_decision_page_show_the_label(client_als, casusregisseur, tweede_beslisser, lopend):
    eind = beeindig(lopend, casusregisseur, categorie="veiligheid_stabiel_zonder_hulp")
    services.dien_in(versie_id=eind.pk, door=casusregisseur, revisie=None)
    beslis = client_als(tweede_beslisser).get(reverse("indicaties:beslissen", args=[eind.pk]))
    assert "Reden van beëindiging</dt><dd>Veilig en stabiel zonder deze hulp; in de brief: “De situatie is veilig" \
        in beslis.text
    assert "Interne toelichting</dt>" in beslis.text
    detail = client_als(casusregisseur).get(reverse("indicaties:detail", args=[lopend.indicatie_id]))
    assert "Reden van beëindiging</dt><dd>Veilig en stabiel zonder deze hulp</dd>" in detail.text
