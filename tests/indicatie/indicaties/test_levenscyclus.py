"""Every transition of the lifecycle (issue 5 §2–§5, §9) through the services: concept, submit,
four-eyes decision, rejection, op-/afschalen (R13), ending, extension, evaluations (R20)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from hgarr.accounts.roles import Rol
from indicatie.indicaties import services
from indicatie.indicaties.casus import casus_dict, naar_casus
from indicatie.indicaties.models import Evaluatie, Indicatie, Indicatieversie, Soort, VersieStatus
from indicatie.indicaties.services import Conflict, Deelnemer, Ongeldig
from indicatie.indicaties.signals import versie_afgewezen, versie_vastgesteld
from tarieven.models import Parameterset

from .conftest import EINDE, START, besluit, gegevens, maak_taxatie, vastgesteld

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontvangen():
    """Records the lifecycle signals with their kwargs (letters and messages connect to them)."""
    log = []

    def vast(sender, signal, **kwargs):
        log.append(("vastgesteld", kwargs, transaction.get_connection().in_atomic_block))

    def af(sender, signal, **kwargs):
        log.append(("afgewezen", kwargs, transaction.get_connection().in_atomic_block))

    versie_vastgesteld.connect(vast)
    versie_afgewezen.connect(af)
    yield log
    versie_vastgesteld.disconnect(vast)
    versie_afgewezen.disconnect(af)


# --------------------------------------------------------------------------- concept and submission


def test_concept_bewaart_begroting_en_parameterset(huishouden, aanbieder, taxatie, indicatiesteller):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    assert versie.status == VersieStatus.CONCEPT and versie.nummer == 1 and versie.soort == Soort.TOEKENNING
    assert versie.begroting["totaal_per_week"] and Decimal(versie.begroting["totaal_per_week"]) > 0
    assert versie.parameterset == Parameterset.geldig_op(START)
    assert {r["ref"] for r in versie.begroting["regels"]} <= set(versie.refs)
    assert versie.indicatie.revisie == 1


def test_versie_wordt_casus_van_de_engine(huishouden, aanbieder, taxatie, indicatiesteller):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    casus = naar_casus(versie)
    assert casus.perceel == "extramuraal" and casus.pakket == "2" and casus.ingangsdatum == START
    leden = list(huishouden.leden.all())
    assert [lid.ref for lid in casus.leden] == [f"lid-{lid.pk}" for lid in leden]
    assert casus_dict(versie)["leden"][2]["geboortedatum"] == "2015-04-01"


def test_alleen_indicatiesteller_maakt_een_indicatie(huishouden, aanbieder, taxatie, casusregisseur):
    with pytest.raises(PermissionDenied):
        services.maak_indicatie(
            huishouden=huishouden, door=casusregisseur, gegevens=gegevens(huishouden, aanbieder, taxatie)
        )
    assert not Indicatie.objects.exists()


def test_ander_team_mag_niet(huishouden, aanbieder, maak_gebruiker, ander_team):
    vreemde = maak_gebruiker(Rol.INDICATIESTELLER, team_=ander_team)
    with pytest.raises(PermissionDenied):
        services.maak_indicatie(huishouden=huishouden, door=vreemde, gegevens=gegevens(huishouden, aanbieder))


@pytest.mark.parametrize(
    "over,veld,tekst",
    [
        ({"ingangsdatum": date(2025, 12, 1)}, "ingangsdatum", "vóór de registratiedatum"),
        ({"einddatum": START - timedelta(days=1)}, "einddatum", "vóór de ingangsdatum"),
        ({"perceel": "semimuraal", "pakket": "1"}, "pakket", "alleen Pakket 2 of 3"),
        ({"motivering": "  "}, "motivering", "motivering"),
    ],
)
def test_slechte_invoer_geeft_melding_bij_het_veld(huishouden, aanbieder, indicatiesteller, over, veld, tekst):
    with pytest.raises(Ongeldig) as fout:
        services.maak_indicatie(
            huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, **over)
        )
    assert tekst in fout.value.fouten[veld]
    assert not Indicatie.objects.exists() and not Indicatieversie.objects.exists()


def test_aanbieder_niet_gecontracteerd_voor_perceel(huishouden, aanbieder_alleen_extramuraal, indicatiesteller):
    with pytest.raises(Ongeldig) as fout:
        services.maak_indicatie(
            huishouden=huishouden,
            door=indicatiesteller,
            gegevens=gegevens(huishouden, aanbieder_alleen_extramuraal, perceel="intramuraal", pakket="2"),
        )
    assert "niet gecontracteerd voor perceel intramuraal" in fout.value.fouten["aanbieder"]
    assert not Indicatie.objects.exists()


def test_fout_van_de_engine_noemt_namen_en_bewaart_niets(huishouden, aanbieder, indicatiesteller):
    cato = huishouden.leden.get(voornamen="Cato")
    with pytest.raises(Ongeldig) as fout:
        services.maak_indicatie(
            huishouden=huishouden,
            door=indicatiesteller,
            gegevens=gegevens(
                huishouden, aanbieder, maatwerk=[{"product": "dagbesteding", "trede": 1, "ref": f"lid-{cato.pk}"}]
            ),
        )
    melding = fout.value.fouten["__all__"]
    assert "Cato Voorbeeld" in melding and "jonger dan 18" in melding
    assert "R7" not in melding and "maatwerk[0]" not in melding  # no rule IDs or input paths in the UI
    assert not Indicatie.objects.exists()


def test_niemand_doet_mee(huishouden, aanbieder, indicatiesteller):
    leden = [Deelnemer(gezinslid=lid, doet_mee=False) for lid in huishouden.leden.all()]
    with pytest.raises(Ongeldig) as fout:
        services.maak_indicatie(
            huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, deelnemers=leden)
        )
    assert "deelnemers" in fout.value.fouten


def test_indienen_en_bewerker_wordt_vastgelegd(huishouden, aanbieder, taxatie, indicatiesteller, casusregisseur):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.wijzig_concept(
        versie_id=versie.pk,
        door=casusregisseur,
        revisie=1,
        gegevens=gegevens(huishouden, aanbieder, taxatie, pakket="3"),
    )
    versie.refresh_from_db()
    assert versie.pakket == "3" and list(versie.bewerkers.all()) == [casusregisseur]
    versie = services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=2)
    assert versie.status == VersieStatus.TER_BEOORDELING and versie.ingediend_door == indicatiesteller
    with pytest.raises(Ongeldig):
        services.wijzig_concept(
            versie_id=versie.pk, door=indicatiesteller, revisie=3, gegevens=gegevens(huishouden, aanbieder, taxatie)
        )


# --------------------------------------------------------------------------- four eyes


@pytest.fixture
def ingediend(huishouden, aanbieder, taxatie, indicatiesteller):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    return services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)


def test_vaststellen_door_andere_beslisser(ingediend, beslisser, ontvangen):
    versie = services.beslis(versie_id=ingediend.pk, door=beslisser, vaststellen=True, revisie=2)
    assert versie.status == VersieStatus.VASTGESTELD and versie.beslisser == beslisser and versie.beslist_op
    assert (versie.geldig_vanaf, versie.geldig_tot) == (START, EINDE)
    indicatie = Indicatie.objects.get()
    assert (indicatie.ingangsdatum, indicatie.einddatum) == (START, EINDE)
    assert indicatie.volgende_evaluatie_op == date(2026, 5, 2)  # R20: three months after the start
    # Tariffs used by a decided version are locked (issue 3 §2).
    assert Parameterset.objects.get(pk=versie.parameterset_id).in_gebruik
    # The signal is sent inside the deciding transaction, with the documented kwargs.
    soort, kwargs, in_transactie = ontvangen[0]
    assert soort == "vastgesteld" and in_transactie
    assert kwargs["versie"] == versie and kwargs["vorige_versie"] is None
    assert kwargs["soort"] == "toekenning" and kwargs["door"] == beslisser


def test_vier_ogen_auteur_mag_niet_beslissen(huishouden, aanbieder, taxatie, maak_gebruiker, ontvangen):
    beide = maak_gebruiker(Rol.INDICATIESTELLER, Rol.BESLISSER)
    versie = services.maak_indicatie(
        huishouden=huishouden, door=beide, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.dien_in(versie_id=versie.pk, door=beide, revisie=None)
    with pytest.raises(Ongeldig) as fout:
        services.beslis(versie_id=versie.pk, door=beide, vaststellen=True, revisie=None)
    assert "Vier ogen" in str(fout.value)
    versie.refresh_from_db()
    assert versie.status == VersieStatus.TER_BEOORDELING and not ontvangen


def test_vier_ogen_wie_wijzigde_mag_niet_beslissen(huishouden, aanbieder, taxatie, indicatiesteller, maak_gebruiker):
    regisseur_en_beslisser = maak_gebruiker(Rol.CASUSREGISSEUR, Rol.BESLISSER)
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    services.wijzig_concept(
        versie_id=versie.pk,
        door=regisseur_en_beslisser,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, taxatie),
    )
    services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    assert not services.mag_beslissen(regisseur_en_beslisser, versie)
    with pytest.raises(Ongeldig):
        services.beslis(versie_id=versie.pk, door=regisseur_en_beslisser, vaststellen=True, revisie=None)


def test_beslisser_van_ander_team_mag_niet(ingediend, maak_gebruiker, ander_team):
    vreemde = maak_gebruiker(Rol.BESLISSER, team_=ander_team)
    with pytest.raises(PermissionDenied):
        services.beslis(versie_id=ingediend.pk, door=vreemde, vaststellen=True, revisie=None)


def test_zonder_beslisrol_geen_besluit(ingediend, casusregisseur):
    with pytest.raises(PermissionDenied):
        services.beslis(versie_id=ingediend.pk, door=casusregisseur, vaststellen=True, revisie=None)


def test_concept_kan_niet_worden_vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, taxatie)
    )
    with pytest.raises(Ongeldig, match="niet ter beoordeling"):
        services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)


def test_vaststellen_zonder_taxatie_wordt_geweigerd(huishouden, aanbieder, indicatiesteller, beslisser, ontvangen):
    versie = services.maak_indicatie(
        huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(huishouden, aanbieder, None)
    )
    services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    with pytest.raises(Ongeldig, match="Zonder taxatie"):
        services.beslis(versie_id=versie.pk, door=beslisser, vaststellen=True, revisie=None)
    versie.refresh_from_db()
    assert versie.status == VersieStatus.TER_BEOORDELING and versie.beslisser is None and not ontvangen
    assert not Parameterset.objects.get(pk=versie.parameterset_id).in_gebruik


def test_afwijzen_vraagt_reden_en_stuurt_signaal(ingediend, beslisser, ontvangen):
    with pytest.raises(Ongeldig) as fout:
        services.beslis(versie_id=ingediend.pk, door=beslisser, vaststellen=False, reden=" ", revisie=None)
    assert "reden" in fout.value.fouten
    versie = services.beslis(
        versie_id=ingediend.pk,
        door=beslisser,
        vaststellen=False,
        reden="Taxatie past niet bij het pakket.",
        revisie=None,
    )
    assert versie.status == VersieStatus.AFGEWEZEN and versie.afwijzingsreden.startswith("Taxatie")
    assert ontvangen[0][0] == "afgewezen" and ontvangen[0][1] == {"versie": versie, "door": beslisser}
    assert ontvangen[0][2]
    assert Indicatie.objects.get().ingangsdatum is None


def test_afgewezen_versie_opnieuw_opstellen(ingediend, beslisser, indicatiesteller, tweede_beslisser):
    services.beslis(versie_id=ingediend.pk, door=beslisser, vaststellen=False, reden="Onvolledig.", revisie=None)
    nieuw = services.herzie(versie_id=ingediend.pk, door=indicatiesteller, revisie=None)
    assert nieuw.nummer == 2 and nieuw.status == VersieStatus.CONCEPT and nieuw.pakket == ingediend.pakket
    besluit(nieuw, indicatiesteller, tweede_beslisser)
    assert Indicatie.objects.get().ingangsdatum == START


def test_falende_ontvanger_draait_het_besluit_terug(ingediend, beslisser):
    def kapot(sender, **kwargs):
        raise RuntimeError("brief kon niet worden gemaakt")

    versie_vastgesteld.connect(kapot)
    try:
        with pytest.raises(RuntimeError):
            services.beslis(versie_id=ingediend.pk, door=beslisser, vaststellen=True, revisie=None)
    finally:
        versie_vastgesteld.disconnect(kapot)
    ingediend.refresh_from_db()
    assert ingediend.status == VersieStatus.TER_BEOORDELING and ingediend.geldig_vanaf is None
    assert Indicatie.objects.get().ingangsdatum is None
    assert not Parameterset.objects.get(pk=ingediend.parameterset_id).in_gebruik


def test_vastgestelde_versie_wordt_nooit_gewijzigd(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    begroting = dict(versie.begroting)
    with pytest.raises(Ongeldig, match="Alleen een concept"):
        services.wijzig_concept(
            versie_id=versie.pk,
            door=indicatiesteller,
            revisie=None,
            gegevens=gegevens(huishouden, aanbieder, taxatie, pakket="3"),
        )
    with pytest.raises(Ongeldig):
        services.trek_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    versie.refresh_from_db()
    assert versie.pakket == "2" and versie.begroting == begroting


def test_latere_tariefwijziging_verandert_vastgestelde_begroting_niet(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser
):
    versie = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)
    voor = versie.begroting["totaal_per_week"]
    set_ = Parameterset.objects.get(pk=versie.parameterset_id)
    from tarieven.services import ParametersetInGebruik, wijzig_parameterset

    with pytest.raises(ParametersetInGebruik):
        wijzig_parameterset(parameterset=set_, data=set_.data)
    versie.refresh_from_db()
    assert versie.begroting["totaal_per_week"] == voor


# --------------------------------------------------------------------------- op-/afschalen (R13)


@pytest.fixture
def lopend(huishouden, aanbieder, taxatie, indicatiesteller, beslisser):
    return vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser)


def test_opschalen_vanaf_datum_beeindigt_lopende_versie_de_dag_ervoor(
    lopend, huishouden, aanbieder, casusregisseur, tweede_beslisser, ontvangen
):
    wijzigdatum = date(2026, 6, 1)
    nieuw = services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=lopend.indicatie.__class__.objects.get().revisie,
        gegevens=gegevens(huishouden, aanbieder, None, pakket="3", ingangsdatum=wijzigdatum, einddatum=None),
    )
    assert nieuw.soort == Soort.WIJZIGING and nieuw.vorige_versie == lopend and nieuw.einddatum == EINDE
    assert nieuw.taxatie == lopend.taxatie  # the running taxatie is kept when none is chosen
    besluit(nieuw, casusregisseur, tweede_beslisser)
    lopend.refresh_from_db()
    nieuw.refresh_from_db()
    assert lopend.geldig_tot == date(2026, 5, 31) and lopend.einddatum == EINDE  # decided content unchanged
    assert (nieuw.geldig_vanaf, nieuw.geldig_tot) == (wijzigdatum, EINDE)
    assert Decimal(nieuw.begroting["totaal_per_week"]) > Decimal(lopend.begroting["totaal_per_week"])
    assert ontvangen[-1][1]["soort"] == "wijziging" and ontvangen[-1][1]["vorige_versie"] == lopend


@pytest.mark.parametrize("datum", [START, START - timedelta(days=3), EINDE + timedelta(days=1)])
def test_wijzigingsdatum_buiten_lopende_periode(lopend, huishouden, aanbieder, casusregisseur, datum):
    with pytest.raises(Ongeldig) as fout:
        services.start_wijziging(
            indicatie_id=lopend.indicatie_id,
            door=casusregisseur,
            revisie=None,
            gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=datum, einddatum=None),
        )
    assert "binnen de lopende periode" in fout.value.fouten["ingangsdatum"]
    assert Indicatieversie.objects.count() == 1


def test_een_wijziging_tegelijk(lopend, huishouden, aanbieder, casusregisseur, indicatiesteller):
    services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 6, 1)),
    )
    with pytest.raises(Ongeldig, match="nog in behandeling"):
        services.start_wijziging(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            revisie=None,
            gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 7, 1)),
        )


def test_verouderde_revisie_geeft_conflict(lopend, huishouden, aanbieder, casusregisseur, indicatiesteller):
    gezien = Indicatie.objects.get().revisie
    services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=gezien,
        gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 6, 1)),
    )
    with pytest.raises(Conflict) as fout:
        services.start_wijziging(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            revisie=gezien,
            gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 7, 1)),
        )
    assert "intussen gewijzigd door" in str(fout.value) and casusregisseur.get_full_name() in str(fout.value)
    assert Indicatieversie.objects.count() == 2


# --------------------------------------------------------------------------- ending and extension


def test_vervroegd_beeindigen(lopend, casusregisseur, tweede_beslisser, ontvangen):
    with pytest.raises(Ongeldig) as fout:
        services.start_beeindiging(
            indicatie_id=lopend.indicatie_id, door=casusregisseur, laatste_dag=date(2026, 9, 30),
            categorie="doelen_bereikt", reden="", revisie=None
        )
    assert "reden" in fout.value.fouten
    with pytest.raises(Ongeldig):
        services.start_beeindiging(
            indicatie_id=lopend.indicatie_id,
            door=casusregisseur,
            laatste_dag=EINDE,
            categorie="doelen_bereikt", reden="Doelen bereikt.",
            revisie=None,
        )
    eind = services.start_beeindiging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        laatste_dag=date(2026, 9, 30),
        categorie="doelen_bereikt", reden="Doelen bereikt.",
        revisie=None,
    )
    besluit(eind, casusregisseur, tweede_beslisser)
    lopend.refresh_from_db()
    eind.refresh_from_db()
    indicatie = Indicatie.objects.get()
    assert lopend.geldig_tot == date(2026, 9, 30) and eind.geldig_vanaf is None
    assert indicatie.beeindigd and indicatie.einddatum == date(2026, 9, 30)
    assert ontvangen[-1][1]["soort"] == "beeindiging" and eind.reden_beeindiging == "Doelen bereikt."
    with pytest.raises(Ongeldig, match="beëindigd"):
        services.start_beeindiging(
            indicatie_id=indicatie.pk,
            door=casusregisseur,
            laatste_dag=date(2026, 9, 1),
            categorie="doelen_bereikt", reden="Nogmaals.",
            revisie=None,
        )


def test_verlengen_vraagt_nieuwe_taxatie(
    huishouden, aanbieder, taxatie, indicatiesteller, beslisser, tweede_beslisser, ontvangen
):
    lopend = vastgesteld(huishouden, aanbieder, taxatie, indicatiesteller, beslisser, einddatum=date(2026, 6, 30))
    start = date(2026, 7, 1)
    with pytest.raises(Ongeldig) as fout:
        services.start_verlenging(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            revisie=None,
            gegevens=gegevens(huishouden, aanbieder, taxatie, ingangsdatum=start, einddatum=date(2026, 12, 31)),
        )
    assert "nieuwe taxatie" in fout.value.fouten["taxatie"].lower()
    nieuwe = maak_taxatie(huishouden, indicatiesteller, datum=date(2026, 6, 15), veiligheid="stabiel_kwetsbaar")
    with pytest.raises(Ongeldig) as fout:
        services.start_verlenging(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            revisie=None,
            gegevens=gegevens(
                huishouden, aanbieder, nieuwe, ingangsdatum=date(2026, 6, 1), einddatum=date(2026, 12, 31)
            ),
        )
    assert "na de huidige einddatum" in fout.value.fouten["ingangsdatum"]
    verlenging = services.start_verlenging(
        indicatie_id=lopend.indicatie_id,
        door=indicatiesteller,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, nieuwe, pakket="1", ingangsdatum=start, einddatum=date(2026, 12, 31)),
    )
    besluit(verlenging, indicatiesteller, tweede_beslisser)
    indicatie = Indicatie.objects.get()
    assert (indicatie.ingangsdatum, indicatie.einddatum) == (START, date(2026, 12, 31))
    lopend.refresh_from_db()
    assert lopend.geldig_tot == date(2026, 6, 30)  # an extension does not shorten the running version
    assert ontvangen[-1][1]["soort"] == "verlenging"


# --------------------------------------------------------------------------- overlap guard (§7, SQLite path)


def test_dienst_weigert_overlap_ook_zonder_database_constraint(
    lopend, huishouden, aanbieder, casusregisseur, tweede_beslisser, monkeypatch
):
    """The service's own guard: even when the period checks are bypassed, an overlapping decided
    version is refused before anything is written (this is what protects SQLite)."""
    nieuw = services.start_wijziging(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        revisie=None,
        gegevens=gegevens(huishouden, aanbieder, None, ingangsdatum=date(2026, 6, 1)),
    )
    services.dien_in(versie_id=nieuw.pk, door=casusregisseur, revisie=None)
    # Pretend the running version is not cut back: the new one would overlap it.
    monkeypatch.setattr(
        services, "_perioden", lambda versie, vorige, indicatie: (versie.ingangsdatum, versie.einddatum, None)
    )
    with pytest.raises(Ongeldig, match="overlapt met vastgestelde versie 1"):
        services.beslis(versie_id=nieuw.pk, door=tweede_beslisser, vaststellen=True, revisie=None)
    nieuw.refresh_from_db()
    lopend.refresh_from_db()
    assert nieuw.status == VersieStatus.TER_BEOORDELING and lopend.geldig_tot == EINDE


# --------------------------------------------------------------------------- evaluations (R20)


def test_evaluatie_plant_de_volgende(lopend, casusregisseur, indicatiesteller):
    with pytest.raises(PermissionDenied):
        services.leg_evaluatie_vast(
            indicatie_id=lopend.indicatie_id,
            door=indicatiesteller,
            datum=date(2026, 5, 1),
            veiligheid="dreigend",
            voortgang="x",
            advies="voortzetten",
        )
    with pytest.raises(Ongeldig) as fout:
        services.leg_evaluatie_vast(
            indicatie_id=lopend.indicatie_id,
            door=casusregisseur,
            datum=date(2026, 1, 1),
            veiligheid="dreigend",
            voortgang="",
            advies="voortzetten",
        )
    assert set(fout.value.fouten) == {"datum", "voortgang"}
    services.leg_evaluatie_vast(
        indicatie_id=lopend.indicatie_id,
        door=casusregisseur,
        datum=date(2026, 5, 4),
        veiligheid="stabiel_kwetsbaar",
        voortgang="Geen nieuwe incidenten.",
        advies="afschalen",
        toelichting="Pakket 1 volstaat.",
    )
    indicatie = Indicatie.objects.get()
    assert indicatie.volgende_evaluatie_op == date(2026, 8, 4)
    assert Evaluatie.objects.get().auteur == casusregisseur


def test_semimuraal_legt_verblijf_per_lid_vast(huishouden, aanbieder, taxatie, indicatiesteller):
    """R8/R12: who stays in the facility is recorded per member and reaches the engine; the pleger who
    does not stay gets begeleiding extramurally."""
    anna, ben, cato = huishouden.leden.all()
    deelnemers = [
        Deelnemer(gezinslid=anna, doet_mee=True, verblijft_in_voorziening=True),
        Deelnemer(gezinslid=ben, doet_mee=True, verblijft_in_voorziening=False),
        Deelnemer(gezinslid=cato, doet_mee=True, verblijft_in_voorziening=True),
    ]
    versie = services.maak_indicatie(huishouden=huishouden, door=indicatiesteller, gegevens=gegevens(
        huishouden, aanbieder, taxatie, perceel="semimuraal", pakket="3", deelnemers=deelnemers))
    assert [lid["verblijft_in_voorziening"] for lid in versie.leden] == [True, False, True]
    regels = versie.begroting["regels"]
    assert any(r["ref"] == f"lid-{anna.pk}" and r["product"] == "semimurale_ondersteuning" for r in regels)
    ben_regels = [r for r in regels if r["ref"] == f"lid-{ben.pk}"]
    assert ben_regels and all(r["extramuraal"] for r in ben_regels)
    assert not any(r["product"] == "semimurale_ondersteuning" for r in ben_regels)
