"""The indication form as the reviewer used it: a year without tariffs (message at the start date),
the preview's tariff set, the hint for a short period, and errors shown once, together, at their field."""

import re
from datetime import date

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.forms import VersieForm
from indicatie.indicaties.models import Indicatie, Indicatieversie
from tarieven.models import Parameterset
from tarieven.services import nieuw_tariefjaar

from .conftest import vastgesteld
from .test_schermen import formulier

pytestmark = pytest.mark.django_db


def fout_bij(tekst: str, veld: str) -> str:
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', tekst, re.S)
    return gevonden.group(1) if gevonden else ""


def test_opschalen_zonder_tarieven_2027_melding_bij_de_datum(
    client_als, casusregisseur, indicatiesteller, beslisser, huishouden, aanbieder, taxatie
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    url = reverse("indicaties:opschalen", args=[lopend.indicatie_id])
    revisie = str(Indicatie.objects.get().revisie)
    response = client_als(casusregisseur).post(
        url, formulier(huishouden, aanbieder, pakket="3", ingangsdatum="2027-01-04", revisie=revisie)
    )
    assert response.status_code == 400
    melding = fout_bij(response.text, "ingangsdatum")
    assert "tariefjaar 2027" in melding and "functioneel beheerder" in melding
    assert "Formulier:" not in response.text and "kan niet worden berekend" not in response.text
    assert response.text.count("vraag de functioneel beheerder") == 2  # the summary's link and the field
    assert Indicatieversie.objects.count() == 1
    # Once the beheerder has started 2027, the same input is accepted and computed with the 2027 set.
    set_2027 = nieuw_tariefjaar(jaar=2027)
    response = client_als(casusregisseur).post(
        url, formulier(huishouden, aanbieder, pakket="3", ingangsdatum="2027-01-04", revisie=revisie)
    )
    assert response.status_code == 302
    assert Indicatieversie.objects.get(nummer=2).parameterset == set_2027


def test_voorbeeld_toont_de_set_van_de_ingangsdatum(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    # As the reviewer's copy: the 2026 data with only the year changed, so the name inside still says 2026.
    bron = Parameterset.objects.get(jaar=2026)
    set_2027 = Parameterset.objects.create(
        jaar=2027, geldig_vanaf=date(2027, 1, 1), naam="Tarieven 2027", data={**bron.data, "jaar": 2027}
    )
    client = client_als(indicatiesteller)
    data = formulier(huishouden, aanbieder, taxatie, ingangsdatum="2027-04-01", einddatum="2028-03-31")
    voorbeeld = client.post(reverse("indicaties:voorbeeld", args=[huishouden.pk]), data)
    assert voorbeeld.status_code == 200
    assert f"tarieven: {set_2027}" in voorbeeld.text
    assert "2026" not in voorbeeld.text.split("</caption>")[0]
    assert client.post(reverse("indicaties:nieuw", args=[huishouden.pk]), data).status_code == 302
    assert Indicatieversie.objects.get().parameterset == set_2027  # saved with the same selection


@pytest.mark.parametrize("einde,hint", [("2026-07-31", True), ("2026-08-01", False), ("2027-01-31", False)])
def test_korte_periode_geeft_een_hint_geen_blokkade(
    client_als, indicatiesteller, huishouden, aanbieder, taxatie, einde, hint
):
    client = client_als(indicatiesteller)
    data = formulier(huishouden, aanbieder, taxatie, ingangsdatum="2026-02-02", einddatum=einde)
    voorbeeld = client.post(reverse("indicaties:voorbeeld", args=[huishouden.pk]), data)
    assert ("korter dan zes maanden" in voorbeeld.text) is hint
    response = client.post(reverse("indicaties:nieuw", args=[huishouden.pk]), data, follow=True)
    assert response.status_code == 200 and Indicatieversie.objects.count() == 1  # saved either way
    assert ("korter dan zes maanden" in response.text) is hint


def test_korte_periode_hint_op_het_formulier():
    melding = services.korte_periode_melding(date(2026, 2, 2), date(2026, 7, 31))
    assert melding.startswith("Let op: deze periode duurt 180 dagen")
    assert services.korte_periode_melding(date(2026, 2, 2), date(2026, 8, 1)) is None
    assert services.korte_periode_melding(date(2026, 2, 2), None) is None


def test_nieuwe_indicatie_laadt_het_script_voor_de_einddatum(client_als, indicatiesteller, huishouden):
    pagina = client_als(indicatiesteller).get(reverse("indicaties:nieuw", args=[huishouden.pk]))
    assert re.search(r'<script src="/static/js/indicatie\.js" nonce="[^"]+" defer></script>', pagina.text)
    assert "data-indicatieformulier" in pagina.text and 'id="einddatum-status"' in pagina.text
    assert "<script>" not in pagina.text  # no inline script (strict CSP)


def test_fouten_in_een_ronde_elk_bij_het_veld(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    data = formulier(huishouden, aanbieder, taxatie, perceel="semimuraal", pakket="1",
                     ingangsdatum="2026-03-01", einddatum="2026-02-01", motivering="")
    response = client_als(indicatiesteller).post(reverse("indicaties:nieuw", args=[huishouden.pk]), data)
    assert response.status_code == 400
    assert "Semi- en intramuraal kennen alleen Pakket 2 of 3." in fout_bij(response.text, "pakket")
    assert fout_bij(response.text, "einddatum") == "De einddatum ligt vóór de ingangsdatum."
    assert "Vul de motivering in" in fout_bij(response.text, "motivering")
    assert "Er zijn 3 fouten" in response.text and "Formulier:" not in response.text


def test_algemene_fout_een_keer_zonder_formulier_label(
    client_als, indicatiesteller, huishouden, aanbieder, taxatie, settings
):
    # R14 (the engine): an extramural household outside Rotterdam cannot be computed; no single field.
    huishouden.gemeente = "Utrecht"
    huishouden.save()
    data = formulier(huishouden, aanbieder, taxatie)
    response = client_als(indicatiesteller).post(reverse("indicaties:nieuw", args=[huishouden.pk]), data)
    assert response.status_code == 400
    assert response.text.count("Utrecht valt daarbuiten") == 1
    assert "Formulier:" not in response.text


def test_evaluatie_fouten_in_een_ronde(client_als, casusregisseur, indicatiesteller, beslisser, huishouden,
                                       aanbieder, taxatie):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    url = reverse("indicaties:evaluatie", args=[lopend.indicatie_id])
    response = client_als(casusregisseur).post(
        url, {"datum": "2099-01-01", "veiligheid": "dreigend", "advies": "voortzetten", "voortgang": ""}
    )
    assert response.status_code == 400
    assert fout_bij(response.text, "datum") == "De evaluatiedatum ligt in de toekomst."
    assert fout_bij(response.text, "voortgang") == "Beschrijf de voortgang op de doelen."


def test_formulier_controleert_vorm_en_regels_samen(huishouden):
    form = VersieForm(
        {"perceel": "intramuraal", "pakket": "1", "ingangsdatum": "2026-03-01", "einddatum": "2026-01-01"},
        huishouden=huishouden,
    )
    assert not form.is_valid()
    assert set(form.errors) >= {"pakket", "einddatum", "aanbieder", "motivering"}


def test_voorbeeld_noemt_de_regel_die_de_invoer_breekt(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    client = client_als(indicatiesteller)
    url = reverse("indicaties:voorbeeld", args=[huishouden.pk])
    fout = client.post(url, formulier(huishouden, aanbieder, taxatie, perceel="semimuraal", pakket="1"))
    assert "Semi- en intramuraal kennen alleen Pakket 2 of 3." in fout.text
    assert "Vul eerst in" not in fout.text
    data = {**formulier(huishouden, aanbieder, taxatie), "aanbieder": "", "ingangsdatum": ""}
    leeg = client.post(url, data)
    assert "Vul eerst in om de begroting te zien: aanbieder, ingangsdatum." in leeg.text
