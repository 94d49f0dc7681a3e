"""What the beslisser sees before deciding (perceel, pakket, maatwerk, who takes part, money per person
per week and for the period, provider, period, proposal against choice, the derivation), and product
names in words without rule IDs outside the derivation."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from hgarr.web.templatetags.nl import format_bedrag
from indicatie.indicaties import services
from indicatie.indicaties.services import Deelnemer
from indicatie.taxaties.models import Taxatie

from .conftest import gegevens, vastgesteld

pytestmark = pytest.mark.django_db

# A bare rule ID such as "R2" reads like a Jeugd resultaatgebied; "regel R2 van de regeling" does not.
REGELNUMMER = re.compile(r"\bR\d{1,2}\b")
UITGESCHREVEN = re.compile(r"regels? R\d+(?:, R\d+)*(?: en R\d+)? van de regeling")


def buiten_afleiding(html: str) -> str:
    """The page's text without its <details> derivation (rule IDs may appear there) and without the
    rule IDs written out in full."""
    zonder = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    return UITGESCHREVEN.sub("", re.sub(r"<[^>]+>", " ", zonder))


@pytest.fixture
def afwijkende_taxatie(huishouden, indicatiesteller):
    return Taxatie.objects.create(
        huishouden=huishouden, datum="2026-01-20", auteur=indicatiesteller, team=huishouden.team,
        veiligheid="dreigend", vaardigheden="ontbrekend", voorstel_advies="hg-arrangement",
        voorstel_perceel="extramuraal", voorstel_pakket="3", gekozen_perceel="extramuraal", gekozen_pakket="2",
        voorstel_gevolgd=False, afwijking_motivering="Het netwerk van moeder is sterk, pakket 2 volstaat.",
        voorstel_redenen=[{"regel": "R18", "tekst": "Dreigend onveilig en ontbrekende vaardigheden: pakket 3."}],
    )


def test_beslisser_ziet_alles_waaruit_het_besluit_bestaat(
    client_als, indicatiesteller, beslisser, huishouden, aanbieder, afwijkende_taxatie
):
    anna, ben, cato = huishouden.leden.order_by("volgorde")
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller,
        gegevens=gegevens(
            huishouden, aanbieder, afwijkende_taxatie,
            deelnemers=[Deelnemer(gezinslid=anna), Deelnemer(gezinslid=ben, doet_mee=False), Deelnemer(gezinslid=cato)],
            maatwerk=[{"product": "schulddienstverlening", "trede": 1, "ref": f"lid-{anna.pk}"}],
        ),
    )
    services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    pagina = client_als(beslisser).get(reverse("indicaties:beslissen", args=[versie.pk]))
    assert pagina.status_code == 200
    tekst = re.sub(r"\s+", " ", buiten_afleiding(pagina.text))
    assert "Extramuraal, Pakket 2" in tekst
    assert "Toeleiding naar schulddienstverlening trede 1 voor Anna Voorbeeld" in tekst
    assert f"Zorg Voorbeeld (AGB {aanbieder.agb_code})" in tekst
    assert "2 februari 2026 t/m 1 februari 2027 (365 dagen)" in tekst
    # Who takes part and what each gets per week and for the period.
    rijen = {m.group(1).strip(): m.group(0) for m in re.finditer(
        r'<tr class="utrecht-table__row">\s*<th[^>]*scope="row">([^<(,]+).*?</tr>', pagina.text, re.S)}
    assert "Nee: krijgt niets" in rijen["Ben Voorbeeld"]
    per_persoon = versie.begroting["per_persoon"]
    anna_rij = rijen["Anna Voorbeeld"]
    assert format_bedrag(per_persoon[f"lid-{anna.pk}"]["per_week"]) in anna_rij
    assert format_bedrag(per_persoon[f"lid-{anna.pk}"]["periode"]) in anna_rij
    assert "Toeleiding naar schulddienstverlening trede 1" in anna_rij
    assert format_bedrag(Decimal(versie.begroting["totaal_periode"])) in rijen["Totaal"]
    # The taxatie's proposal against the choice, with the recorded reason.
    assert "Extramuraal, Pakket 3" in tekst and "Dreigend onveilig en ontbrekende vaardigheden: pakket 3." in tekst
    assert "Afwijking van het voorstel" in tekst and "Het netwerk van moeder is sterk, pakket 2 volstaat." in tekst
    # The derivation, in the same partial as on the indication page, open.
    assert '<details class="app-details" open>' in pagina.text
    assert "Begeleiding volwassenen (Wmo, extramuraal)" in pagina.text
    assert "regels R4 en R5 van de regeling" in pagina.text
    # No raw codes and no bare rule IDs outside the derivation.
    assert not REGELNUMMER.search(tekst), REGELNUMMER.findall(tekst)
    assert "begeleiding_" not in pagina.text and "Wmo: " not in pagina.text


def test_indicatiepagina_en_formulier_in_woorden(client_als, indicatiesteller, beslisser, huishouden, aanbieder,
                                                 taxatie):
    anna = huishouden.leden.order_by("volgorde").first()
    versie = vastgesteld(
        huishouden, aanbieder, taxatie, indicatiesteller, beslisser,
        maatwerk=[{"product": "nachtelijke_ondersteuning", "trede": 2, "ref": f"lid-{anna.pk}"}],
    )
    client = client_als(indicatiesteller)
    detail = client.get(reverse("indicaties:detail", args=[versie.indicatie_id])).text
    assert "maatwerk: nachtelijke ondersteuning trede 2 voor Anna Voorbeeld" in detail
    assert "Nachtelijke ondersteuning trede 2 (Wmo, extramuraal)" in detail
    assert "Begeleiding kinderen (Jeugdwet, extramuraal)" in detail
    assert "nachtelijke_ondersteuning" not in detail and "begeleiding_" not in detail
    assert not REGELNUMMER.search(buiten_afleiding(detail))
    formulier = client.get(reverse("indicaties:nieuw", args=[huishouden.pk])).text
    assert "Toeleiding naar schulddienstverlening voor Anna Voorbeeld" in formulier
    assert "Nachtelijke ondersteuning (alleen extramuraal) voor Anna Voorbeeld" in formulier
    assert not REGELNUMMER.search(buiten_afleiding(formulier))


def test_tariefblad_in_woorden(client_als, indicatiesteller):
    pagina = client_als(indicatiesteller).get(reverse("tarieven:tariefblad")).text
    assert "Nachtelijke ondersteuning" in pagina and "Nachtelijkeondersteuning" not in pagina
    assert "Toeleiding naar schulddienstverlening" in pagina and "Schulddienstverlening</th>" not in pagina
    assert not REGELNUMMER.search(buiten_afleiding(pagina))
    assert "reistijd tussen cliënten valt erbuiten (regel R16 van de regeling)" in pagina
