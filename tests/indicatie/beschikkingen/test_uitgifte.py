"""Deciding a version issues its letters (issue 6 'Done when'); stored once with SHA-256, immutable;
amounts equal the engine's; no safe address blocks the decision with the reason."""

import hashlib
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from hgarr.datums import lange_datum
from indicatie.beschikkingen.brief import Soort
from indicatie.beschikkingen.models import Beschikking, JeugdbriefBevestiging, OnveranderlijkFout
from indicatie.beschikkingen.opstellen import regels_uit_begroting, stel_brieven_op
from indicatie.beschikkingen.rendering import render_html
from indicatie.beschikkingen.services import controleer, dossier_van_versie
from indicatie.indicaties import services as indicatie_services
from indicatie.indicaties.models import VersieStatus
from indicatie.indicaties.services import Deelnemer, Ongeldig
from tarieven.services import begroting as engine_begroting

from .conftest import besluit, gegevens, maak_taxatie


def test_deciding_issues_one_letter_per_person_and_the_youth_letter_to_the_safe_parent(vastgestelde_versie, gezin):
    letters = list(Beschikking.objects.filter(versie=vastgestelde_versie).order_by("kenmerk"))
    over = sorted((b.client_id, b.wet, b.geadresseerde_id) for b in letters)
    assert over == sorted([
        (gezin.moeder.pk, "Wmo", gezin.moeder.pk),
        (gezin.vader.pk, "Wmo", gezin.vader.pk),
        (gezin.kind_b.pk, "Jeugdwet", gezin.moeder.pk),  # R6: youngest child; not to the pleger (issue 6 §2)
    ])
    for b in letters:
        assert b.soort == "toekenning"
        assert b.parameterset_id == vastgestelde_versie.parameterset_id
        assert b.bestandsnaam.endswith(".pdf")


def test_letter_is_stored_privately_with_its_sha256(vastgestelde_versie, prive_map):
    b = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    data = b.lees_pdf()
    assert hashlib.sha256(data).hexdigest() == b.sha256 and len(data) == b.grootte
    assert str(prive_map) in b.bestand.path
    with pytest.raises(NotImplementedError):
        _ = b.bestand.url  # no public media URL


def test_issued_letter_cannot_be_changed_or_deleted(vastgestelde_versie):
    b = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    b.geadresseerde_naam = "Iemand anders"
    with pytest.raises(OnveranderlijkFout):
        b.save()
    with pytest.raises(OnveranderlijkFout):
        b.delete()


def test_tampered_file_is_refused(vastgestelde_versie):
    from indicatie.beschikkingen.models import IntegriteitsFout

    b = Beschikking.objects.filter(versie=vastgestelde_versie).first()
    with open(b.bestand.path, "ab") as f:
        f.write(b"x")
    with pytest.raises(IntegriteitsFout):
        b.lees_pdf()


def test_amounts_equal_the_engines(vastgestelde_versie):
    """The letter shows the stored begroting, which is the engine's output for the version's case."""
    from indicatie.indicaties.casus import casus_dict

    engine = engine_begroting(invoer=casus_dict(vastgestelde_versie)).model_dump(mode="json")
    assert engine["regels"] == vastgestelde_versie.begroting["regels"]
    regels = regels_uit_begroting(engine)
    for b in Beschikking.objects.filter(versie=vastgestelde_versie):
        eigen = [r for r in regels if r.ref == b.client_ref and r.wet == b.wet]
        assert eigen, b.client_ref
        assert b.per_week == sum((r.bedrag_per_week for r in eigen), Decimal("0.00"))
        assert b.periode == sum((r.bedrag_periode for r in eigen), Decimal("0.00"))


def test_letter_html_shows_only_the_own_safe_address(vastgestelde_versie, tweede_beslisser):
    d = controleer(versie=vastgestelde_versie, soort=Soort.TOEKENNING, door=tweede_beslisser)
    assert not d.problemen
    for brief in d.brieven:
        html = render_html(brief)
        assert "Geheimeweg" not in html and "Schuilplaats" not in html  # confidential address, never
        assert "Gezinsstraat" not in html  # the household address is nobody's postal address here
        if brief.geadresseerde.naam.startswith("Victor"):
            assert "Plegerlaan 13" in html and "Postbus 4321" not in html
        else:
            assert "Postbus 4321" in html and "Plegerlaan" not in html
        assert "ruzie" not in html  # the version's own notes are not the letter's motivation
        assert "er is dreiging van geweld" in html  # the taxatie's conclusion is, in client words


def test_no_safe_address_blocks_the_decision_with_the_reason(gezin, aanbieder, indicatiesteller, tweede_beslisser):
    m = gezin.moeder
    m.corr_straat = m.corr_huisnummer = m.corr_postcode = m.corr_plaats = ""
    m.save()
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    with pytest.raises(indicatie_services.Ongeldig) as fout:
        besluit(versie, indicatiesteller, tweede_beslisser)
    assert "Mira Jansen heeft een vertrouwelijk adres" in str(fout.value)
    versie.refresh_from_db()
    assert versie.status == VersieStatus.TER_BEOORDELING  # rolled back: nothing decided without letters
    assert not Beschikking.objects.exists()


def test_confirmed_pleger_gets_the_youth_letter(gezin, aanbieder, indicatiesteller, tweede_beslisser):
    JeugdbriefBevestiging.objects.create(gezinslid=gezin.vader, bevestigd_door=indicatiesteller)
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    versie = besluit(versie, indicatiesteller, tweede_beslisser)
    jeugd = Beschikking.objects.filter(versie=versie, wet="Jeugdwet")
    assert sorted(b.geadresseerde_id for b in jeugd) == sorted([gezin.moeder.pk, gezin.vader.pk])
    assert sorted(b.bestandsnaam for b in jeugd) == sorted(
        [f"lid-{gezin.kind_b.pk}-toekenning-lid-{gezin.moeder.pk}.pdf",
         f"lid-{gezin.kind_b.pk}-toekenning-lid-{gezin.vader.pk}.pdf"])


def test_rejection_issues_afwijzing_letters(gezin, aanbieder, indicatiesteller, tweede_beslisser):
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    versie = besluit(versie, indicatiesteller, tweede_beslisser, vaststellen=False, aanvraag_afwijzen=True,
                     reden="INTERN: de moeder belde boos op.",
                     reden_aanvrager="De veiligheid is met de eigen hulp van het wijkteam te herstellen.")
    letters = Beschikking.objects.filter(versie=versie)
    assert letters.count() == 3 and {b.soort for b in letters} == {"afwijzing"}
    # The letter states the reason written for the applicant, never the beslisser's internal remark.
    dossier = dossier_van_versie(versie=versie, soort=Soort.AFWIJZING, door=tweede_beslisser)
    assert dossier.reden == "De veiligheid is met de eigen hulp van het wijkteam te herstellen."
    assert "INTERN" not in dossier.reden
    with pytest.raises(Ongeldig, match="formeel afgewezen"):
        indicatie_services.herzie(versie_id=versie.pk, door=indicatiesteller, revisie=None)


def test_sending_back_a_first_application_is_internal_and_can_be_revised(gezin, aanbieder, indicatiesteller,
                                                                       tweede_beslisser):
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    versie = besluit(versie, indicatiesteller, tweede_beslisser, vaststellen=False, reden="Motivering te dun.")
    assert versie.status == VersieStatus.AFGEWEZEN and versie.is_teruggestuurd
    assert versie.afwijzing == "teruggestuurd" and versie.afwijzingsreden_aanvrager == ""
    assert not Beschikking.objects.exists()
    nieuw = indicatie_services.herzie(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    assert nieuw.nummer == 2 and nieuw.status == VersieStatus.CONCEPT


def test_rejected_extension_issues_afwijzing_letters(gezin, aanbieder, indicatiesteller, tweede_beslisser):
    """A verlenging (herindicatie) is the citizen's application for a new period: refusing it is a
    decision the family hears about."""
    versie = indicatie_services.maak_indicatie(
        huishouden=gezin, door=indicatiesteller,
        gegevens=gegevens(gezin, aanbieder, maak_taxatie(gezin, indicatiesteller), einddatum=date(2026, 6, 30)))
    versie = besluit(versie, indicatiesteller, tweede_beslisser)
    nieuw = maak_taxatie(gezin, indicatiesteller, datum=date(2026, 6, 1))
    verlenging = indicatie_services.start_verlenging(
        indicatie_id=versie.indicatie_id, door=indicatiesteller, revisie=None,
        gegevens=gegevens(gezin, aanbieder, nieuw, ingangsdatum=date(2026, 7, 1), einddatum=date(2026, 12, 31)),
    )
    verlenging = besluit(verlenging, indicatiesteller, tweede_beslisser, vaststellen=False, aanvraag_afwijzen=True,
                         reden_aanvrager="Het gezin redt het met de eigen hulp van het wijkteam.")
    letters = Beschikking.objects.filter(versie=verlenging)
    assert letters.count() == 3 and {b.soort for b in letters} == {"afwijzing"}


def test_rejected_rescaling_is_internal_and_sends_no_letter(vastgestelde_versie, gezin, aanbieder, indicatiesteller,
                                                            tweede_beslisser):
    """Afschalen that the beslisser rejects (four eyes) changes nothing for the family: the running
    pakket continues, so no 'Wij wijzen de aanvraag af' with the internal remark as the reason."""
    voor = Beschikking.objects.count()
    nieuw = indicatie_services.start_wijziging(
        indicatie_id=vastgestelde_versie.indicatie_id, door=indicatiesteller, revisie=None,
        gegevens=gegevens(gezin, aanbieder, None, pakket="1", ingangsdatum=date(2026, 6, 1),
                          einddatum=vastgestelde_versie.einddatum),
    )
    with pytest.raises(Ongeldig, match="geen aanvraag van de burger"):
        besluit(nieuw, indicatiesteller, tweede_beslisser, vaststellen=False, aanvraag_afwijzen=True,
                reden_aanvrager="Wij wijzen de aanvraag af.")
    nieuw = indicatie_services.beslis(versie_id=nieuw.pk, door=tweede_beslisser, vaststellen=False,
                                      reden="Motivering te dun", revisie=None)
    assert nieuw.status == VersieStatus.AFGEWEZEN and nieuw.is_teruggestuurd
    assert Beschikking.objects.count() == voor and not Beschikking.objects.filter(soort="afwijzing").exists()
    vastgestelde_versie.refresh_from_db()
    assert vastgestelde_versie.geldig_tot == vastgestelde_versie.einddatum  # the running pakket continues


def test_rejected_ending_is_internal_and_sends_no_letter(vastgestelde_versie, indicatiesteller, tweede_beslisser):
    voor = Beschikking.objects.count()
    eind = indicatie_services.start_beeindiging(
        indicatie_id=vastgestelde_versie.indicatie_id, door=indicatiesteller, laatste_dag=date(2026, 8, 31),
        categorie="doelen_bereikt", reden="Doelen bereikt.", revisie=None,
    )
    besluit(eind, indicatiesteller, tweede_beslisser, vaststellen=False, reden="Eerst nog een evaluatie.")
    assert Beschikking.objects.count() == voor


def test_rejection_reason_label_says_when_it_is_in_the_letter():
    from indicatie.indicaties.forms import BeslisForm

    form = BeslisForm()
    assert "staat in de brief" in str(form.fields["reden_aanvrager"].label)
    assert "komt niet in een brief" in str(form.fields["reden"].label)


def test_rescaling_issues_wijziging_letters_with_old_and_new(vastgestelde_versie, gezin, aanbieder,
                                                              indicatiesteller, tweede_beslisser):
    taxatie = maak_taxatie(gezin, indicatiesteller, pakket="3")
    nieuw = indicatie_services.start_wijziging(
        indicatie_id=vastgestelde_versie.indicatie_id, door=indicatiesteller, revisie=None,
        gegevens=gegevens(gezin, aanbieder, taxatie, pakket="3", ingangsdatum=date(2026, 6, 1),
                          einddatum=vastgestelde_versie.einddatum),
    )
    nieuw = besluit(nieuw, indicatiesteller, tweede_beslisser)
    letters = Beschikking.objects.filter(versie=nieuw)
    assert {b.soort for b in letters} == {"wijziging"} and letters.count() == 3
    d = dossier_van_versie(versie=nieuw, vorige_versie=vastgestelde_versie, soort=Soort.WIJZIGING,
                           door=tweede_beslisser)
    assert d.vorige_regels and d.regels
    oud = {b.client_id: b.per_week for b in Beschikking.objects.filter(versie=vastgestelde_versie)}
    for b in letters:
        assert b.per_week > oud[b.client_id]  # pakket 3 costs more than pakket 2
        assert b.ingangsdatum == date(2026, 6, 1)
    # Each letter names the decision it changes: its date and that person's earlier kenmerk.
    eerder = {(b.client_ref, b.wet): b.kenmerk for b in Beschikking.objects.filter(versie=vastgestelde_versie)}
    assert d.vorig_besluit_datum == timezone.localdate(vastgestelde_versie.beslist_op)
    assert d.vorige_kenmerken == eerder
    brieven = stel_brieven_op(d, Soort.WIJZIGING)
    html = render_html(brieven[0])
    assert f"(kenmerk {eerder[(brieven[0].client_ref, brieven[0].wet.value)]})" in html
    assert f"besluit van {lange_datum(d.vorig_besluit_datum)}" in html


def test_ending_issues_beeindiging_letters_with_the_last_day_without_the_free_text(
    vastgestelde_versie, indicatiesteller, tweede_beslisser
):
    eind = indicatie_services.start_beeindiging(
        indicatie_id=vastgestelde_versie.indicatie_id, door=indicatiesteller, laatste_dag=date(2026, 8, 31),
        categorie="doelen_bereikt", reden="De doelen zijn bereikt.", revisie=None,
    )
    eind = besluit(eind, indicatiesteller, tweede_beslisser)
    letters = Beschikking.objects.filter(versie=eind)
    assert letters.count() == 3 and {b.soort for b in letters} == {"beeindiging"}
    assert {b.einddatum for b in letters} == {date(2026, 8, 31)}
    d = controleer(versie=eind, vorige_versie=vastgestelde_versie, soort=Soort.BEEINDIGING, door=tweede_beslisser)
    for brief in d.brieven:
        html = render_html(brief)
        assert "31 augustus 2026" in html
        # The ending reason is the casusregisseur's free text: it can hold the case story (issue 6 §1).
        assert "De doelen zijn bereikt" not in html


# --- Motivation true to the decision, privacy of the facility (review) ---------------------------

FACILITEIT = re.compile(r"semimura|intramura|opvang|24 uur|verblijf|in de voorziening", re.IGNORECASE)
VERHAAL = "GEHEIM-VERHAAL"  # stands for the case story in any free text


def test_semimural_letters_tell_only_those_in_the_facility_about_it(gezin, aanbieder, indicatiesteller,
                                                                   tweede_beslisser):
    """R12: the pleger does not stay in the facility; his letter shows his own ambulant begeleiding and
    nothing that tells him the family is in 24-hour support (issue 6 §2)."""
    JeugdbriefBevestiging.objects.create(gezinslid=gezin.vader, bevestigd_door=indicatiesteller)
    taxatie = maak_taxatie(gezin, indicatiesteller, perceel="semimuraal")
    deelnemers = [Deelnemer(gezinslid=lid, doet_mee=True, verblijft_in_voorziening=lid != gezin.vader)
                  for lid in gezin.leden.all()]
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller, gegevens=gegevens(
        gezin, aanbieder, taxatie, perceel="semimuraal", deelnemers=deelnemers))
    versie = besluit(versie, indicatiesteller, tweede_beslisser)
    brieven = controleer(versie=versie, soort=Soort.TOEKENNING, door=tweede_beslisser).brieven
    vader = f"lid-{gezin.vader.pk}"
    aan_vader = [b for b in brieven if b.geadresseerde.ref == vader]
    assert {b.wet.value for b in aan_vader} == {"Wmo", "Jeugdwet"}
    for brief in aan_vader:
        html = render_html(brief)
        assert not FACILITEIT.search(html), FACILITEIT.search(html).group(0)
        assert "Om uw veiligheid te beschermen" not in html
    eigen = next(b for b in aan_vader if b.wet.value == "Wmo")
    assert [r.product for r in eigen.regels] == ["begeleiding_volwassenen"] and eigen.regels[0].extramuraal
    moeder = render_html(next(b for b in brieven if b.geadresseerde.ref == f"lid-{gezin.moeder.pk}"
                              and b.wet.value == "Wmo"))
    assert "semimuraal" in moeder and "Voor opvang betaalt u geen eigen bijdrage" in moeder


def test_toekenning_against_the_table_says_the_professional_chose_a_lighter_pakket(gezin, aanbieder,
                                                                                  indicatiesteller, tweede_beslisser):
    taxatie = maak_taxatie(gezin, indicatiesteller, voorstel_pakket="3", voorstel_gevolgd=False,
                           afwijking_motivering=f"{VERHAAL}: moeder heeft een sterk netwerk.")
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie, pakket="2"))
    versie = besluit(versie, indicatiesteller, tweede_beslisser)
    for brief in controleer(versie=versie, soort=Soort.TOEKENNING, door=tweede_beslisser).brieven:
        tekst = " ".join(brief.motivering)
        assert "hoort bij deze uitkomst Pakket 3" in tekst and "gekozen voor Pakket 2" in tekst
        assert "een lichter pakket" in tekst and "Daarom past" not in tekst
        html = render_html(brief)
        assert VERHAAL not in html and "ruzie" not in html


def test_afschalen_after_an_evaluation_motivates_from_that_evaluation(vastgestelde_versie, gezin, aanbieder,
                                                                       indicatiesteller, casusregisseur,
                                                                       tweede_beslisser):
    """The reviewer's case: afschalen to Pakket 1 was argued from 'structureel onveilig'. Now: the
    evaluation's judgement, and that the support becomes lighter; none of the free texts."""
    from django.utils import timezone

    from hgarr.datums import lange_datum
    from indicatie.indicaties.models import Evaluatie

    vandaag = timezone.localdate()
    Evaluatie.objects.create(indicatie=vastgestelde_versie.indicatie, datum=vandaag, veiligheid="stabiel_kwetsbaar",
                             voortgang=f"{VERHAAL} over de doelen", advies="afschalen",
                             toelichting=f"{VERHAAL} in de toelichting", auteur=casusregisseur)
    nieuw = indicatie_services.start_wijziging(
        indicatie_id=vastgestelde_versie.indicatie_id, door=indicatiesteller, revisie=None,
        gegevens=gegevens(gezin, aanbieder, None, pakket="1", ingangsdatum=date(2026, 6, 1),
                          einddatum=vastgestelde_versie.einddatum, motivering=f"{VERHAAL} in de versie"),
    )
    nieuw = besluit(nieuw, indicatiesteller, tweede_beslisser)
    brieven = controleer(versie=nieuw, vorige_versie=vastgestelde_versie, soort=Soort.WIJZIGING,
                         door=tweede_beslisser).brieven
    assert brieven
    for brief in brieven:
        tekst = " ".join(brief.motivering)
        assert f"Bij de evaluatie van {lange_datum(vandaag)}" in tekst and "het geweld is gestopt" in tekst
        assert "vanaf 1 juni 2026 lichter: Pakket 1" in tekst
        html = render_html(brief)
        assert VERHAAL not in html and "dreiging van geweld" not in html  # not the old taxatie's conclusion
