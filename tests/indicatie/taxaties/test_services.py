"""maak_taxatie, the latest-taxatie selector and the follow rates (issue 4 §1, §4; R18)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from indicatie.taxaties import selectors, services
from indicatie.taxaties.models import Taxatie
from pakketten.models import Tabelversie
from tests.factories import HuishoudenFactory

from .conftest import ANTWOORDEN

pytestmark = pytest.mark.django_db


def test_standaard_beslistabel_staat_klaar_na_migrate():
    versie = Tabelversie.geldig_op("beslistabel", date(2026, 6, 1))
    assert versie is not None and versie.geldig_vanaf == date(2026, 1, 1)
    assert "Bijlage 1 §1.5" in versie.bron
    assert selectors.beslistabel_op(date(2025, 12, 31)) is None


def test_maak_taxatie_neemt_voorstel_over(indicatiesteller, huishouden):
    t = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        verzwarende_factoren=["verslaving"],
        gezinsprofiel="gezin_in_de_stress",
    )
    t.refresh_from_db()
    assert (t.voorstel_advies, t.voorstel_perceel, t.voorstel_pakket) == ("hg-arrangement", "extramuraal", "2")
    assert (t.gekozen_perceel, t.gekozen_pakket, t.voorstel_gevolgd) == ("extramuraal", "2", True)
    assert t.afwijking_motivering == ""
    assert t.team_id == huishouden.team_id and t.auteur == indicatiesteller
    assert [r["regel"] for r in t.voorstel_redenen][0] == "R18"
    assert t.verzwarende_factoren == ["verslaving"] and t.gezinsprofiel == "gezin_in_de_stress"
    assert t.beslistabel.soort == "beslistabel"
    t.beslistabel.refresh_from_db()
    assert t.beslistabel.in_gebruik  # a used table version is frozen


def test_afwijken_zonder_motivering_wordt_geweigerd(indicatiesteller, huishouden):
    with pytest.raises(ValidationError) as e:
        services.maak_taxatie(
            user=indicatiesteller,
            huishouden=huishouden,
            **ANTWOORDEN,
            voorstel_volgen=False,
            gekozen_perceel="extramuraal",
            gekozen_pakket="3",
        )
    assert "afwijking_motivering" in e.value.message_dict
    with pytest.raises(ValidationError):
        services.maak_taxatie(
            user=indicatiesteller,
            huishouden=huishouden,
            **ANTWOORDEN,
            voorstel_volgen=False,
            gekozen_perceel="extramuraal",
            gekozen_pakket="3",
            afwijking_motivering="Zwaarder.",
        )
    assert not Taxatie.objects.exists()


def test_afwijken_met_motivering_wordt_bewaard(indicatiesteller, huishouden):
    motivering = "De moeder heeft net een terugval gehad, daarom kies ik een zwaarder pakket."
    t = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        voorstel_volgen=False,
        gekozen_perceel="extramuraal",
        gekozen_pakket="3",
        afwijking_motivering=motivering,
    )
    assert (t.voorstel_pakket, t.gekozen_pakket, t.voorstel_gevolgd) == ("2", "3", False)
    assert t.afwijking_motivering == motivering and t.is_afwijking


def test_afwijken_naar_hetzelfde_als_het_voorstel_telt_als_gevolgd(indicatiesteller, huishouden):
    t = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        voorstel_volgen=False,
        gekozen_perceel="extramuraal",
        gekozen_pakket="2",
    )
    assert t.voorstel_gevolgd and t.afwijking_motivering == ""


def test_kiezen_voor_geen_arrangement_is_ook_een_afwijking(indicatiesteller, huishouden):
    t = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        voorstel_volgen=False,
        afwijking_motivering="Het netwerk van het gezin vangt dit nu goed zelf op.",
    )
    assert (t.gekozen_perceel, t.gekozen_pakket, t.voorstel_gevolgd) == ("", "", False)
    assert t.gekozen_omschrijving.startswith("Geen HG-arrangement")


@pytest.mark.parametrize("perceel,pakket", [("semimuraal", "1"), ("intramuraal", "1"), ("extramuraal", ""), ("", "2")])
def test_ongeldige_keuze_wordt_geweigerd(indicatiesteller, huishouden, perceel, pakket):
    with pytest.raises(ValidationError) as e:
        services.maak_taxatie(
            user=indicatiesteller,
            huishouden=huishouden,
            **ANTWOORDEN,
            voorstel_volgen=False,
            gekozen_perceel=perceel,
            gekozen_pakket=pakket,
            afwijking_motivering="Een motivering van voldoende lengte voor deze test.",
        )
    assert "gekozen_pakket" in e.value.message_dict


def test_basishulp_voorstel(indicatiesteller, huishouden):
    t = services.maak_taxatie(
        user=indicatiesteller, huishouden=huishouden, **{**ANTWOORDEN, "langdurig_of_specialistisch": False}
    )
    assert (t.voorstel_advies, t.voorstel_perceel, t.voorstel_pakket, t.voorstel_weekbudget) == (
        "basishulp",
        "",
        "",
        None,
    )
    assert t.voorstel_gevolgd and t.gekozen_omschrijving.startswith("Geen HG-arrangement")


def test_vrije_trede_bij_meer_dan_drie_kinderen(indicatiesteller, groot_huishouden):
    r = services.bereken_voorstel(huishouden=groot_huishouden, peildatum=date(2026, 12, 1), **ANTWOORDEN)
    assert r.voorstel.pakket == "vrij"
    assert r.budget.weekbudget is None and "op maat" in r.budget.melding


def test_observaties_alleen_voor_eigen_gezinsleden(indicatiesteller, huishouden):
    lid = huishouden.leden.first()
    t = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        observaties={lid.pk: " Rustig in het gesprek. ", 999999: ""},
    )
    assert t.observaties == {str(lid.pk): "Rustig in het gesprek."}
    with pytest.raises(ValidationError):
        services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN, observaties={999999: "x"})


def test_herzien_maakt_een_nieuwe_taxatie_en_de_laatste_is_de_nieuwste(indicatiesteller, huishouden):
    eerste = services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN, datum=date(2026, 3, 1))
    tweede = services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **{**ANTWOORDEN, "veiligheid": "stabiel_kwetsbaar"},
        datum=date(2026, 9, 1),
    )
    assert selectors.laatste_taxatie(huishouden) == tweede
    assert list(selectors.taxaties_van(huishouden)) == [tweede, eerste]
    eerste.refresh_from_db()
    assert eerste.veiligheid == "dreigend" and eerste.voorstel_pakket == "2"  # history kept
    assert selectors.laatste_taxatie(HuishoudenFactory(team=huishouden.team)) is None


def test_nieuwe_tabelversie_geldt_vanaf_haar_datum(indicatiesteller, huishouden):
    oud = Tabelversie.geldig_op("beslistabel", date(2026, 6, 1))
    data = dict(oud.data)
    data["matrix"] = {
        **data["matrix"],
        "dreigend": {**data["matrix"]["dreigend"], "beperkt": {"pakket": "3", "toelichting": "Strenger."}},
    }
    Tabelversie.objects.create(soort="beslistabel", geldig_vanaf=date(2027, 1, 1), data=data, bron="test")
    voor = services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN, datum=date(2026, 12, 31))
    na = services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN, datum=date(2027, 1, 1))
    assert (voor.voorstel_pakket, na.voorstel_pakket) == ("2", "3")
    assert na.beslistabel.geldig_vanaf == date(2027, 1, 1)


def test_zonder_geldige_beslistabel_een_duidelijke_fout(indicatiesteller, huishouden):
    with pytest.raises(services.GeenBeslistabel, match="geen beslistabel"):
        services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN, datum=date(2025, 6, 1))


def test_volgcijfers_per_team(indicatiesteller, huishouden, maak_gebruiker, ander_team, beheerder):
    from hgarr.accounts.roles import Rol

    services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN)
    services.maak_taxatie(
        user=indicatiesteller,
        huishouden=huishouden,
        **ANTWOORDEN,
        voorstel_volgen=False,
        gekozen_perceel="extramuraal",
        gekozen_pakket="3",
        afwijking_motivering="Er is sprake van ernstig trauma bij beide ouders.",
    )
    services.maak_taxatie(user=indicatiesteller, huishouden=huishouden, **ANTWOORDEN)
    ander = maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team)
    h2 = HuishoudenFactory(team=ander_team)
    services.maak_taxatie(user=ander, huishouden=h2, **ANTWOORDEN)

    eigen = selectors.volgcijfers_per_team(indicatiesteller)
    assert [(c.team.naam, c.totaal, c.gevolgd, c.afgeweken, c.percentage_gevolgd) for c in eigen] == [
        (huishouden.team.naam, 3, 2, 1, 67)
    ]
    alle = {c.team.naam: (c.totaal, c.gevolgd) for c in selectors.volgcijfers_per_team(beheerder)}
    assert alle[huishouden.team.naam] == (3, 2) and alle[ander_team.naam] == (1, 1)


def test_weekbudget_van_het_voorstel_komt_uit_de_tariefberekening(indicatiesteller, huishouden):
    from tarieven.services import begroting

    peildatum = date(2026, 11, 23)
    r = services.bereken_voorstel(
        huishouden=huishouden, peildatum=peildatum, **{**ANTWOORDEN, "nabijheid_24_uur": True}
    )
    leden = [
        {"ref": str(l.pk), "geboortedatum": l.geboortedatum.isoformat(), "rollen": l.rollen, "doet_mee": l.doet_mee}
        for l in huishouden.leden.all()
    ]
    verwacht = begroting(
        invoer={
            "perceel": "semimuraal",
            "pakket": "2",
            "ingangsdatum": peildatum.isoformat(),
            "gemeente": "Rotterdam",
            "leden": leden,
        }
    ).totaal_per_week
    assert r.budget.weekbudget == verwacht and verwacht > 0
    t = services.maak_taxatie(
        user=indicatiesteller, huishouden=huishouden, **{**ANTWOORDEN, "nabijheid_24_uur": True}, datum=peildatum
    )
    t.refresh_from_db()
    assert t.voorstel_weekbudget == verwacht


@pytest.mark.parametrize("veiligheid", ["stabiel_kwetsbaar", "dreigend", "structureel_onveilig", "acuut_onveilig"])
def test_elk_voorstel_met_vast_pakket_is_te_begroten(huishouden, veiligheid):
    """Every proposal of the default table passes the tariff engine's rules (R3, R11): a budget, not an error."""
    import itertools

    for vaardigheden in ("voldoende", "beperkt", "ontbrekend"):
        for a, b, c in itertools.product((False, True), repeat=3):
            r = services.bereken_voorstel(
                huishouden=huishouden,
                peildatum=date(2026, 11, 23),
                veiligheid=veiligheid,
                vaardigheden=vaardigheden,
                nabijheid_24_uur=a,
                niet_zelfstandig_wonen=b,
                bestaande_wmo_verblijf=c,
                langdurig_of_specialistisch=True,
            )
            assert r.budget.weekbudget is not None and r.budget.weekbudget > 0, (r.voorstel, r.budget.melding)


def test_budget_zonder_deelnemers_geeft_melding(huishouden):
    huishouden.leden.update(doet_mee=False)
    r = services.bereken_voorstel(huishouden=huishouden, peildatum=date(2026, 11, 23), **ANTWOORDEN)
    assert r.budget.weekbudget is None and "geen gezinslid" in r.budget.melding
