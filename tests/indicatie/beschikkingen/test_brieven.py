"""What each letter contains (issue 6 §1), who gets one (R1, R5, R6) and what it must never show (§2).
The HTML from the rendering helper is what the PDF is made of."""

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatie.beschikkingen.brief import Adres, Soort, Wet
from indicatie.beschikkingen.opstellen import Begrotingsregel, Onderbouwing, Persoon, kies_postadres, stel_brieven_op
from indicatie.beschikkingen.rendering import render_html

from .conftest import dossier


def brieven(soort=Soort.TOEKENNING, **over):
    return stel_brieven_op(dossier(**over), soort)


def per_naam(lijst):
    return {b.bestandsnaam: b for b in lijst}


def test_one_wmo_letter_per_adult_with_support_and_one_youth_letter_for_the_youngest_child():
    """R1/R5: a letter per adult who is granted something; R6: the youth letter is about the youngest
    child. The pleger parent with gezag does not get the youth letter unconfirmed (issue 6 §2)."""
    namen = sorted(per_naam(brieven()))
    assert namen == ["kind_b-toekenning-moeder.pdf", "moeder-toekenning.pdf", "vader-toekenning.pdf"]


def test_adult_without_lines_gets_no_letter():
    d = dossier()
    d.regels = [r for r in d.regels if r.ref != "vader"]  # R5: not participating, nothing granted
    assert sorted(b.bestandsnaam for b in stel_brieven_op(d, Soort.TOEKENNING)) == [
        "kind_b-toekenning-moeder.pdf", "moeder-toekenning.pdf"]


def test_confirmed_pleger_gets_own_copy_at_own_address():
    d = dossier()
    d.personen[1] = replace(d.personen[1], pleger_bevestigd=True)
    jeugd = [b for b in stel_brieven_op(d, Soort.TOEKENNING) if b.wet == Wet.JEUGDWET]
    assert sorted(b.bestandsnaam for b in jeugd) == ["kind_b-toekenning-moeder.pdf", "kind_b-toekenning-vader.pdf"]
    aan_vader = next(b for b in jeugd if b.geadresseerde.ref == "vader")
    html = render_html(aan_vader)
    assert "Plegerlaan 13" in html and "Postbus 4321" not in html


def test_single_parent_with_gezag_gives_name_without_recipient_part():
    d = dossier()
    d.personen[1] = replace(d.personen[1], gezag_over=frozenset())
    assert "kind_b-toekenning.pdf" in per_naam(stel_brieven_op(d, Soort.TOEKENNING))


def test_youth_letter_without_gezag_goes_to_the_parents_at_the_childs_address():
    d = dossier()
    d.personen = [replace(p, gezag_over=frozenset()) for p in d.personen]
    d.personen[3] = replace(d.personen[3], postadres=Adres("Kindstraat", "1", "3000 AA", "Rotterdam"))
    brief = per_naam(stel_brieven_op(d, Soort.TOEKENNING))["kind_b-toekenning.pdf"]
    assert brief.geadresseerde.naam == "De ouder(s)/gezaghebbende(n) van Lotte Jansen"
    assert "Kindstraat 1" in render_html(brief)


@pytest.mark.parametrize("soort", list(Soort))
def test_every_required_element_is_in_every_kind(soort):
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    lijst = brieven(soort, vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1),
                    reden="De situatie is nu stabiel veilig.")
    for brief in lijst:
        html = render_html(brief)
        jeugd = brief.wet == Wet.JEUGDWET
        verplicht = [
            brief.kenmerk,  # kenmerk
            "23 november 2026",  # date in Dutch
            brief.geadresseerde.naam,  # addressee
            brief.onderwerp,  # subject
            "Wat hebben wij besloten?",  # the decision
            "Waarom hebben wij dit besloten?",  # motivation (Awb 3:46)
            "Jeugdwet" if jeugd else "van de Wet maatschappelijke ondersteuning 2015",  # legal basis
            "artikel 2.3 van de Jeugdwet" if jeugd else "Wmo 2015",
            "3:46", "3:47",
            "zes weken", "6:7", "college van burgemeester en wethouders", "bezwaar",  # objection clause
            "Heeft u vragen?", "14 010",  # contact
            "namens het college", "Bea Slisser", "Teamleider wijkteam",  # signature
        ]
        for tekst in verplicht:
            assert tekst in html, f"{tekst!r} ontbreekt in {brief.bestandsnaam}"
        assert "{#" not in html and "{%" not in html  # no template comment or tag printed as text
        # Own address of the addressee
        for regel in brief.geadresseerde.adres:
            assert regel in html
        if soort != Soort.AFWIJZING:
            assert "Moet u een eigen bijdrage betalen?" in html or "Eigen bijdrage" in html
            assert "1 december 2026" in html  # start date
        if soort in (Soort.TOEKENNING, Soort.WIJZIGING):
            assert "30 november 2027" in html  # end date
            assert "Zorgaanbieder Voorbeeld" in html and "in natura" in html
            assert "Pakket 2" in html


def _grondslag(html):
    return re.search(r"Op welke regels is dit besluit gebaseerd\?</h2>\s*<p>(.*?)</p>", html, re.S).group(1)


@pytest.mark.parametrize("soort, artikel, niet", [
    (Soort.TOEKENNING, "artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015", "2.3.10"),
    (Soort.AFWIJZING, "artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015", "2.3.10"),
    # A wijziging revises and a beëindiging withdraws an earlier decision: Wmo 2015 art. 2.3.10.
    (Soort.WIJZIGING, "artikel 2.3.10 van de Wet maatschappelijke ondersteuning 2015", None),
    (Soort.BEEINDIGING, "artikel 2.3.10 van de Wet maatschappelijke ondersteuning 2015", "2.3.5"),
])
def test_legal_basis_of_the_wmo_letter_follows_its_kind(soort, artikel, niet):
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    brief = per_naam(brieven(soort, vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1)))[
        f"moeder-{soort.value}.pdf"]
    tekst = _grondslag(render_html(brief))
    assert tekst.startswith(f"Wij nemen dit besluit op grond van {artikel}")
    assert "3:46 en 3:47" in tekst
    if niet:
        assert niet not in tekst
    if soort == Soort.WIJZIGING:
        assert "herzien" in tekst and "artikel 2.3.5 Wmo 2015" in tekst  # the new support itself
    if soort == Soort.BEEINDIGING:
        assert "intrekken" in tekst


@pytest.mark.parametrize("soort", list(Soort))
def test_youth_letters_rest_on_article_2_3_jeugdwet_in_every_kind(soort):
    brief = per_naam(brieven(soort, vorige_ingangsdatum=date(2026, 1, 1)))[f"kind_b-{soort.value}-moeder.pdf"]
    tekst = _grondslag(render_html(brief))
    assert tekst.startswith("Wij nemen dit besluit op grond van artikel 2.3 van de Jeugdwet")
    assert "Wmo" not in tekst and "2.3.10" not in tekst
    assert ("eerdere besluit" in tekst) == (soort in (Soort.WIJZIGING, Soort.BEEINDIGING))


@pytest.mark.parametrize("soort, werkwoord", [(Soort.WIJZIGING, "wijzigt"), (Soort.BEEINDIGING, "beëindigt")])
def test_letter_names_the_earlier_decision_by_date_and_kenmerk(soort, werkwoord):
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    lijst = brieven(soort, vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1),
                    vorig_besluit_datum=date(2025, 12, 15),
                    vorige_kenmerken={("moeder", "Wmo"): "HG-00003-V1-01", ("kind_b", "Jeugdwet"): "HG-00003-V1-03"})
    moeder = per_naam(lijst)[f"moeder-{soort.value}.pdf"]
    kind = per_naam(lijst)[f"kind_b-{soort.value}-moeder.pdf"]
    assert (f"Dit besluit {werkwoord} ons besluit van 15 december 2025 (kenmerk HG-00003-V1-01)."
            in render_html(moeder))
    # Each client's letter names the letter that client received, not another person's.
    html_kind = render_html(kind)
    assert "(kenmerk HG-00003-V1-03)" in html_kind and "HG-00003-V1-01" not in html_kind


def test_earlier_decision_without_date_is_named_by_its_period():
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    wijziging = per_naam(brieven(Soort.WIJZIGING, vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1)))
    html = render_html(wijziging["moeder-wijziging.pdf"])
    assert "Dit besluit wijzigt ons eerdere besluit over de ondersteuning vanaf 1 januari 2026." in html
    assert "Tot 1 december 2026 blijft dat besluit gelden" in html
    einde = render_html(per_naam(brieven(Soort.BEEINDIGING))["moeder-beeindiging.pdf"])
    assert "Dit besluit beëindigt ons eerdere besluit over de ondersteuning vanaf 1 december 2026." in einde
    assert "kenmerk HG" not in einde.split("Dit besluit beëindigt")[1].split("</p>")[0]
    # A toekenning changes nothing earlier: no such sentence, even when the case carries an earlier date.
    toekenning = per_naam(brieven(vorig_besluit_datum=date(2025, 12, 15)))["moeder-toekenning.pdf"]
    assert "Dit besluit wijzigt" not in render_html(toekenning) and toekenning.vorig_besluit_datum is None


def test_decision_shows_products_result_areas_and_amounts_in_dutch_format():
    brief = per_naam(brieven())["moeder-toekenning.pdf"]
    html = render_html(brief)
    for tekst in ["Begeleiding bij duurzame veiligheid, herstel en systeemdynamiek",
                  "Sociaal en persoonlijk functioneren", "Ondersteuning bij zelfzorg en gezondheid",
                  "1,50 uur per week", "trede 2", "€ 122,79", "€ 6.402,48", "€ 1.234,56", "€ 64.373,49",
                  "€ 1.357,35", "€ 70.775,97"]:
        assert tekst in html, tekst
    assert "€ 21,80" in html  # Wmo 2.1.4a contribution (extramural, not opvang)


def test_youth_letter_has_no_contribution_and_names_the_youngest_child():
    html = render_html(per_naam(brieven())["kind_b-toekenning-moeder.pdf"])
    assert "Voor jeugdhulp betaalt u geen eigen bijdrage" in html
    assert "Lotte Jansen, het jongste kind" in html
    assert "€ 182,00" in html and "€ 9.490,00" in html


def test_opvang_letter_has_no_contribution_and_no_provider_name():
    """Semi-/intramural support is opvang: no contribution (Wmo 2.1.4a lid 4), and the provider's
    name would reveal the shelter (issue 6 §2)."""
    brief = per_naam(brieven(perceel="semimuraal"))["moeder-toekenning.pdf"]
    html = render_html(brief)
    assert "Voor opvang betaalt u geen eigen bijdrage" in html
    assert "Zorgaanbieder Voorbeeld" not in html
    assert brief.aanbieder is None


def test_wijziging_shows_old_and_new():
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    html = render_html(per_naam(brieven(Soort.WIJZIGING, vorige_regels=vorige))["moeder-wijziging.pdf"])
    assert "Tot nu toe" in html and "€ 61,40" in html and "0,75 uur per week" in html
    assert "€ 1.357,35" in html  # new total per week
    tekst = re.sub(r"<[^>]+>", "", html)
    assert "Het budget per week was € 61,40 en wordt € 1.357,35" in tekst


def test_afwijzing_gives_the_reason_and_no_amounts():
    html = render_html(per_naam(brieven(Soort.AFWIJZING, reden="Er is geen sprake van huiselijk geweld."))[
        "moeder-afwijzing.pdf"])
    assert "Wij wijzen de aanvraag af" in html and "Er is geen sprake van huiselijk geweld." in html
    assert "€ 122,79" not in html


def test_case_narrative_is_never_in_a_letter():
    """The motivation is the taxatie's conclusion in plain words, not the indicatiesteller's notes."""
    for brief in brieven():
        html = render_html(brief)
        assert "ruzie" not in html


# --- Motivation true to the decision (Awb 3:46), never the case narrative --------------------------

TAXATIE = dict(taxatie_datum=date(2026, 1, 20), veiligheid="dreigend", vaardigheden="beperkt",
               voorstel_advies="hg-arrangement", voorstel_perceel="extramuraal", voorstel_pakket="2")


def motivering_van(brief) -> str:
    return " ".join(brief.motivering)


def test_toekenning_motivation_gives_the_conclusion_in_client_words_and_the_table_rule():
    d = dossier(onderbouwing=Onderbouwing(**TAXATIE))
    tekst = motivering_van(per_naam(stel_brieven_op(d, Soort.TOEKENNING))["moeder-toekenning.pdf"])
    assert "20 januari 2026" in tekst
    assert "er is dreiging van geweld" in tekst and "met steun kunt u het verder leren" in tekst
    assert "volgens de beslistabel van de gemeente Pakket 2 in het perceel extramuraal" in tekst
    assert "Daarom past" not in tekst and "dreigend" not in tekst  # no stock phrase, no jargon code


@pytest.mark.parametrize("voorstel,woord", [("3", "een lichter pakket"), ("1", "een zwaarder pakket")])
def test_toekenning_that_deviates_from_the_table_says_the_professional_chose_what_fits(voorstel, woord):
    """R18: the decided Pakket 2 differs from the table's proposal; the letter must not argue that the
    table's pakket fits."""
    d = dossier(onderbouwing=Onderbouwing(**{**TAXATIE, "voorstel_pakket": voorstel}))
    tekst = motivering_van(per_naam(stel_brieven_op(d, Soort.TOEKENNING))["moeder-toekenning.pdf"])
    assert f"hoort bij deze uitkomst Pakket {voorstel} in het perceel extramuraal" in tekst
    assert f"gekozen voor Pakket 2 in het perceel extramuraal (ondersteuning thuis of ambulant): {woord}" in tekst
    assert "beter past bij uw situatie" in tekst


def test_wijziging_down_to_pakket_1_cites_the_evaluation_not_the_old_taxatie():
    """The reviewer's case: afschalen to Pakket 1 said 'structureel onveilig ... Daarom past Pakket 1'."""
    d = dossier(
        pakket="1", vorige_perceel="extramuraal", vorige_pakket="2",
        onderbouwing=Onderbouwing(**{**TAXATIE, "veiligheid": "structureel_onveilig"}, eigen_taxatie=False,
                                  evaluatie_datum=date(2026, 10, 5), evaluatie_veiligheid="stabiel_kwetsbaar"),
    )
    tekst = motivering_van(per_naam(stel_brieven_op(d, Soort.WIJZIGING))["moeder-wijziging.pdf"])
    assert "Bij de evaluatie van 5 oktober 2026" in tekst and "het geweld is gestopt" in tekst
    assert "vanaf 1 december 2026 lichter: Pakket 1 in het perceel extramuraal" in tekst
    assert "herhaald of aanhoudend geweld" not in tekst and "Daarom past" not in tekst


def test_wijziging_with_its_own_taxatie_uses_that_conclusion_and_scales_up():
    d = dossier(
        pakket="3", vorige_perceel="extramuraal", vorige_pakket="2",
        onderbouwing=Onderbouwing(**{**TAXATIE, "veiligheid": "acuut_onveilig", "taxatie_datum": date(2026, 9, 1)},
                                  eigen_taxatie=True, evaluatie_datum=date(2026, 8, 1),
                                  evaluatie_veiligheid="stabiel_kwetsbaar"),
    )
    tekst = motivering_van(per_naam(stel_brieven_op(d, Soort.WIJZIGING))["moeder-wijziging.pdf"])
    assert "Op 1 september 2026 hebben wij opnieuw" in tekst and "direct gevaar" in tekst
    assert "het geweld is gestopt" not in tekst  # the newer taxatie counts, not the evaluation before it
    assert "zwaarder: Pakket 3" in tekst


def _wijziging_na_evaluatie(pakket, evaluatie_veiligheid):
    return dossier(
        pakket=pakket, vorige_perceel="extramuraal", vorige_pakket="2",
        onderbouwing=Onderbouwing(**TAXATIE, eigen_taxatie=False, evaluatie_datum=date(2026, 10, 5),
                                  evaluatie_veiligheid=evaluatie_veiligheid),
    )


NEUTRAAL_AANGEPAST = ("Na overleg met u en de betrokken hulpverleners is besloten de ondersteuning vanaf "
                      "1 december 2026 aan te passen.")


def test_wijziging_down_after_an_unsafe_evaluation_gives_the_neutral_sentence_not_the_judgement():
    """Review: 'acuut onveilig' at the evaluation, yet afschalen, read 'direct gevaar ... Daarom lichter'."""
    for veiligheid in ("acuut_onveilig", "structureel_onveilig"):
        brieven = per_naam(stel_brieven_op(_wijziging_na_evaluatie("1", veiligheid), Soort.WIJZIGING))
        for naam in ("moeder-wijziging.pdf", "vader-wijziging.pdf"):
            tekst = motivering_van(brieven[naam])
            assert tekst.startswith(NEUTRAAL_AANGEPAST), (veiligheid, naam)
            assert "lichter" in tekst and "Daarom" not in tekst
            for verboden in ("direct gevaar", "herhaald of aanhoudend geweld", "hoe onveiliger", "evaluatie van"):
                assert verboden not in tekst, (verboden, veiligheid, naam)


def test_wijziging_up_after_an_unsafe_evaluation_keeps_the_judgement_as_reason():
    tekst = motivering_van(per_naam(stel_brieven_op(_wijziging_na_evaluatie("3", "acuut_onveilig"),
                                                    Soort.WIJZIGING))["moeder-wijziging.pdf"])
    assert "Bij de evaluatie van 5 oktober 2026" in tekst and "direct gevaar" in tekst
    assert "Daarom wordt de ondersteuning vanaf 1 december 2026 zwaarder: Pakket 3" in tekst
    assert NEUTRAAL_AANGEPAST not in tekst


def test_wijziging_up_after_a_stable_evaluation_gives_the_neutral_sentence():
    tekst = motivering_van(per_naam(stel_brieven_op(_wijziging_na_evaluatie("3", "stabiel_kwetsbaar"),
                                                    Soort.WIJZIGING))["moeder-wijziging.pdf"])
    assert tekst.startswith(NEUTRAAL_AANGEPAST) and "zwaarder: Pakket 3" in tekst
    assert "het geweld is gestopt" not in tekst


def test_wijziging_own_taxatie_direct_danger_and_lighter_is_neutral_but_sufficient_skills_may_carry_it():
    def tekst(veiligheid, vaardigheden):
        o = Onderbouwing(**{**TAXATIE, "veiligheid": veiligheid, "vaardigheden": vaardigheden,
                            "taxatie_datum": date(2026, 9, 1)}, eigen_taxatie=True)
        d = dossier(pakket="1", vorige_perceel="extramuraal", vorige_pakket="2", onderbouwing=o)
        return motivering_van(per_naam(stel_brieven_op(d, Soort.WIJZIGING))["moeder-wijziging.pdf"])

    assert tekst("acuut_onveilig", "voldoende").startswith(NEUTRAAL_AANGEPAST)
    # R18: sufficient skills can mitigate repeated violence, so that reasoning stands.
    gemotiveerd = tekst("structureel_onveilig", "voldoende")
    assert "Op 1 september 2026 hebben wij opnieuw" in gemotiveerd and NEUTRAAL_AANGEPAST not in gemotiveerd
    assert "Daarom wordt de ondersteuning vanaf 1 december 2026 lichter" in gemotiveerd


def test_beeindiging_motivation_is_neutral_and_has_no_assessment_or_reason_text():
    d = dossier(onderbouwing=Onderbouwing(**{**TAXATIE, "veiligheid": "structureel_onveilig"}),
                reden="Doelen bereikt, situatie stabiel; vader is weer thuis")
    for brief in stel_brieven_op(d, Soort.BEEINDIGING):
        html = render_html(brief)
        assert "De laatste dag is 30 november 2027." in motivering_van(brief)
        for verboden in ("onveilig", "herhaald", "Daarom past", "Pakket 2", "vader is weer thuis", "Doelen bereikt"):
            assert verboden not in html, (verboden, brief.bestandsnaam)


# --- Privacy: someone outside the facility never reads about it (issue 6 §2, R12) ------------------

FACILITEIT = re.compile(r"semimura|intramura|opvang|24 uur|verblijf|in de voorziening", re.IGNORECASE)


@pytest.mark.parametrize("perceel", ["semimuraal", "intramuraal"])
@pytest.mark.parametrize("soort", [Soort.TOEKENNING, Soort.WIJZIGING, Soort.BEEINDIGING, Soort.AFWIJZING])
def test_pleger_outside_the_facility_reads_only_his_own_ambulant_products(perceel, soort):
    d = dossier(perceel=perceel, pakket="3", onderbouwing=Onderbouwing(**{**TAXATIE, "voorstel_perceel": perceel}),
                vorige_regels=list(dossier().regels), vorige_perceel="extramuraal", vorige_pakket="2")
    d.personen[1] = replace(d.personen[1], pleger_bevestigd=True)
    brieven = stel_brieven_op(d, soort)
    aan_vader = [b for b in brieven if b.geadresseerde.ref == "vader"]
    assert {b.wet for b in aan_vader} == {Wet.WMO, Wet.JEUGDWET}
    for brief in aan_vader:
        html = render_html(brief)
        assert not FACILITEIT.search(html), (FACILITEIT.search(html).group(0), brief.bestandsnaam)
        assert "Om uw veiligheid te beschermen" not in html  # not addressed to the pleger
        assert not brief.perceel and not brief.noemt_voorziening
    moeder = render_html(per_naam(brieven)[f"moeder-{soort.value}.pdf"])
    if soort in (Soort.TOEKENNING, Soort.WIJZIGING):
        assert perceel in moeder and "Om uw veiligheid te beschermen" in moeder  # she stays: she may read it
        assert "Voor opvang betaalt u geen eigen bijdrage" in moeder


def test_pleger_outside_the_facility_pays_the_normal_contribution_for_his_ambulant_support():
    vader = render_html(per_naam(brieven(perceel="semimuraal"))["vader-toekenning.pdf"])
    assert "abonnementstarief" in vader and "Voor opvang" not in vader


def test_confidential_address_uses_correspondence_address_or_none():
    geheim = Adres("Geheimeweg", "77", "3099 ZZ", "Schuilplaats")
    post = Adres("Postbus", "4321", "3000 CA", "Rotterdam")
    assert kies_postadres(vertrouwelijk=True, adres=geheim, correspondentieadres=post) == (post, "")
    adres, reden = kies_postadres(vertrouwelijk=True, adres=geheim, correspondentieadres=None)
    assert adres is None and "vertrouwelijk adres" in reden
    assert kies_postadres(vertrouwelijk=False, adres=geheim, correspondentieadres=None) == (geheim, "")


def test_letter_without_safe_address_says_it_cannot_be_sent():
    d = dossier()
    d.personen[0] = replace(d.personen[0], postadres=None, reden_geen_adres="heeft een vertrouwelijk adres")
    brief = per_naam(stel_brieven_op(d, Soort.TOEKENNING))["moeder-toekenning.pdf"]
    assert not brief.kan_verzonden_worden
    assert "deze brief kan niet worden verzonden" in render_html(brief)


# --- Property: no letter shows another member's address, or any confidential address --------------

ADRESSEN = st.builds(
    Adres,
    straat=st.sampled_from(["Aalstraat", "Beukweg", "Cederlaan", "Dahliapad", "Eikenhof", "Fazantstraat"]),
    huisnummer=st.integers(1, 999).map(str),
    postcode=st.from_regex(r"30[0-9]{2} [A-Z]{2}", fullmatch=True),
    plaats=st.sampled_from(["Rotterdam", "Schiedam", "Capelle"]),
)


def _regel(ref, product, wet="Wmo", extramuraal=True, voor=None, **over):
    return Begrotingsregel(ref=ref, wet=wet, product=product, bedrag_per_week=Decimal("100.00"),
                           bedrag_periode=Decimal("5200.00"), extramuraal=extramuraal, voor=voor, **over)


@st.composite
def huishoudens(draw):
    n_volw = draw(st.integers(1, 3))
    n_kind = draw(st.integers(0, 4))
    perceel = draw(st.sampled_from(["extramuraal", "semimuraal", "intramuraal"]))
    opvang = perceel != "extramuraal"
    personen, regels = [], []
    kinderen = [f"kind{i}" for i in range(n_kind)]
    for i in range(n_volw):
        ref = f"volw{i}"
        vertrouwelijk = draw(st.booleans())
        eigen = draw(ADRESSEN)
        post = draw(st.one_of(st.none(), ADRESSEN))
        veilig, reden = kies_postadres(vertrouwelijk=vertrouwelijk, adres=eigen, correspondentieadres=post)
        verblijft = opvang and draw(st.booleans())
        personen.append(
            (Persoon(ref=ref, naam=f"Volwassene {i}", geboortedatum=date(1980 + i, 1, 1),
                     rollen=tuple(draw(st.lists(st.sampled_from(["slachtoffer", "pleger", "getuige"]), max_size=2))),
                     postadres=veilig, reden_geen_adres=reden,
                     gezag_over=frozenset(k for k in kinderen if draw(st.booleans())),
                     pleger_bevestigd=draw(st.booleans()), verblijft_in_voorziening=verblijft),
             eigen, vertrouwelijk)
        )
        if draw(st.booleans()):
            # R12: who stays gets the facility's products; who does not, ambulant begeleiding only.
            regels.append(_regel(ref, "begeleiding_volwassenen", extramuraal=not verblijft,
                                 uren_per_week=Decimal("1.50")))
            if verblijft:
                regels += [_regel(ref, f"{perceel[:-2]}le_ondersteuning", extramuraal=False, trede="2"),
                           _regel(ref, "nachtelijke_ondersteuning", extramuraal=False, trede="2")]
                if perceel == "intramuraal":
                    regels += [_regel(ref, "verblijf", extramuraal=False)]
                    regels += [_regel(ref, "verblijf", extramuraal=False, voor=k) for k in kinderen]
    for i, ref in enumerate(kinderen):
        vertrouwelijk = draw(st.booleans())
        eigen = draw(ADRESSEN)
        veilig, reden = kies_postadres(vertrouwelijk=vertrouwelijk, adres=eigen, correspondentieadres=None)
        personen.append((Persoon(ref=ref, naam=f"Kind {i}", geboortedatum=date(2012 + i, 1, 1), postadres=veilig,
                                 reden_geen_adres=reden, verblijft_in_voorziening=opvang and draw(st.booleans())),
                         eigen, vertrouwelijk))
    if kinderen:
        regels.append(_regel(kinderen[-1], "begeleiding_kinderen", wet="Jeugdwet", extramuraal=not opvang,
                             uren_per_week=Decimal("2.00")))
    return personen, regels, perceel


def _regels_van(adres: Adres) -> list[str]:
    return [f"{adres.straat} {adres.huisnummer}", adres.postcode]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(huishoudens())
def test_property_no_foreign_or_confidential_address_in_any_letter(data):
    personen_met_adres, regels, perceel = data
    personen = [p for p, _, _ in personen_met_adres]
    d = dossier(personen=personen, regels=regels, perceel=perceel,
                onderbouwing=Onderbouwing(**{**TAXATIE, "voorstel_perceel": perceel}))
    for brief in stel_brieven_op(d, Soort.TOEKENNING):
        html = render_html(brief)
        # Privacy (issue 6 §2, R12): nobody outside the facility reads that the family is in one.
        ontvanger = next(p for p in personen if p.ref == brief.geadresseerde.ref)
        if not ontvanger.verblijft_in_voorziening:
            gevonden = FACILITEIT.search(html)
            assert not gevonden, (gevonden and gevonden.group(0), brief.bestandsnaam)
        if ontvanger.is_pleger:
            assert "Om uw veiligheid te beschermen" not in html
        eigen_post = set(brief.geadresseerde.adres or ())
        for persoon, eigen, vertrouwelijk in personen_met_adres:
            is_geadresseerde = persoon.ref == brief.geadresseerde.ref
            verboden = []
            if vertrouwelijk:
                verboden += _regels_van(eigen)  # a confidential address is never printed
            if not is_geadresseerde and persoon.postadres is not None:
                verboden += _regels_van(persoon.postadres)  # nor another member's address
            for tekst in verboden:
                if any(tekst in regel for regel in eigen_post):
                    continue  # the same street happens to be the addressee's own (generated data)
                assert tekst not in html, f"{tekst!r} in {brief.bestandsnaam}"
        if brief.is_jeugd and brief.geadresseerde.ref != brief.client_ref:
            ontvanger = next(p for p in personen if p.ref == brief.geadresseerde.ref)
            assert brief.client_ref in ontvanger.gezag_over
            assert not ontvanger.is_pleger or ontvanger.pleger_bevestigd


@pytest.mark.parametrize("soort", list(Soort))
def test_amounts_in_running_text_never_break_after_the_euro_sign(soort):
    """'wordt €' at a line end and '1.357,35' on the next: every amount in the letter sits in a table
    cell that does not wrap or in a span that does not wrap (brief.css)."""
    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    for brief in brieven(soort, vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1)):
        html = render_html(brief)
        assert ".bedrag-tekst { white-space: nowrap; }" in html
        assert "table.besluit .bedrag { text-align: right; white-space: nowrap;" in html
        rest = re.sub(r'<span class="bedrag-tekst">€ [\d.]+,\d\d</span>', "", html)
        rest = re.sub(r'<td class="bedrag">.*?</td>', "", rest, flags=re.S)
        lopend = rest.split("<main>")[1]
        assert "€" not in lopend, f"{brief.bestandsnaam}: {lopend[lopend.index('€') - 60:lopend.index('€') + 20]!r}"
    if soort == Soort.WIJZIGING:
        assert '<span class="bedrag-tekst">€ 1.357,35</span>' in render_html(
            per_naam(brieven(soort, vorige_regels=vorige))["moeder-wijziging.pdf"])
