"""R7 at the form: Nachtelijke ondersteuning only extramurally. The message sits at the maatwerk field and
in the error summary, in product names (not codes); the field tells the script which percelen allow it."""

import pytest
from django.urls import reverse

from indicatie.indicaties import services
from indicatie.indicaties.forms import zet_fouten
from indicatie.indicaties.models import Indicatie
from indicatie.indicaties.services import Ongeldig

from .conftest import gegevens
from .test_formulier import fout_bij
from .test_schermen import formulier

pytestmark = pytest.mark.django_db

MELDING = (
    "Nachtelijke ondersteuning past niet bij semimurale ondersteuning. Dat kan alleen bij extramurale "
    "ondersteuning. Kies ‘Geen’ of een ander perceel."
)


def anna(huishouden):
    return huishouden.leden.get(voornamen="Anna")


def test_message_at_the_field_and_in_the_summary(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    veld = f"mw_{anna(huishouden).pk}_nachtelijke_ondersteuning"
    data = formulier(huishouden, aanbieder, taxatie, perceel="semimuraal", **{veld: "2"})
    response = client_als(indicatiesteller).post(reverse("indicaties:nieuw", args=[huishouden.pk]), data)
    assert response.status_code == 400
    assert fout_bij(response.text, veld) == MELDING
    samenvatting = response.text.split('id="foutoverzicht"')[1].split("</div>")[0]
    assert f'href="#id_{veld}"' in samenvatting and MELDING in samenvatting
    # Once at the field, once in the summary; no page-level alert, no product code in the words.
    assert response.text.count(MELDING) == 2 and "niet toegestaan" not in response.text
    assert not Indicatie.objects.exists()


def test_extramural_allows_it(client_als, indicatiesteller, huishouden, aanbieder, taxatie):
    veld = f"mw_{anna(huishouden).pk}_nachtelijke_ondersteuning"
    data = formulier(huishouden, aanbieder, taxatie, **{veld: "2"})
    response = client_als(indicatiesteller).post(reverse("indicaties:nieuw", args=[huishouden.pk]), data)
    assert response.status_code == 302
    assert Indicatie.objects.get().versies.get().maatwerk[0]["product"] == "nachtelijke_ondersteuning"


def test_the_service_refuses_it_with_a_key_the_form_places_at_the_field(
    huishouden, aanbieder, taxatie, indicatiesteller
):
    lid = anna(huishouden)
    g = gegevens(huishouden, aanbieder, taxatie, perceel="semimuraal",
                 maatwerk=[{"product": "nachtelijke_ondersteuning", "trede": 2, "ref": f"lid-{lid.pk}"},
                           {"product": "dagbesteding", "trede": 1, "ref": f"lid-{lid.pk}"}])
    with pytest.raises(Ongeldig) as fout:
        services.maak_indicatie(huishouden=huishouden, door=indicatiesteller, gegevens=g)
    assert fout.value.fouten == {f"maatwerk.lid-{lid.pk}.nachtelijke_ondersteuning": MELDING}
    from indicatie.indicaties.forms import VersieForm

    form = VersieForm(formulier(huishouden, aanbieder, taxatie), huishouden=huishouden)
    assert form.is_valid()
    zet_fouten(form, fout.value)
    assert form.errors == {f"mw_{lid.pk}_nachtelijke_ondersteuning": [MELDING]}


def test_fields_say_which_percelen_allow_them(client_als, indicatiesteller, huishouden):
    pagina = client_als(indicatiesteller).get(reverse("indicaties:nieuw", args=[huishouden.pk]))
    lid = anna(huishouden).pk
    assert f'name="mw_{lid}_nachtelijke_ondersteuning" data-percelen="extramuraal"' in pagina.text
    assert f'name="mw_{lid}_dagbesteding" data-percelen="extramuraal semimuraal intramuraal"' in pagina.text
