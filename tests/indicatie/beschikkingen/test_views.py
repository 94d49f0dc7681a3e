"""Download per role and team with an access log and no-store (issue 6 §4); batch printing in the
background with a progress bar (§5)."""

import io

import pikepdf
import pytest
from django.urls import reverse

from hgarr.accounts.roles import Rol
from hgarr.audit.models import ToegangslogRegel
from hgarr.audit.services import hash_bsn
from indicatie.beschikkingen.models import Afdrukopdracht, Beschikking, OpdrachtStatus


@pytest.fixture
def letters(vastgestelde_versie):
    return list(Beschikking.objects.filter(versie=vastgestelde_versie).order_by("kenmerk"))


@pytest.mark.parametrize("rol", [Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR, Rol.BESLISSER])
def test_case_roles_of_the_team_download_the_same_bytes_with_no_store(rol, letters, maak_gebruiker, client):
    client.force_login(maak_gebruiker(rol))
    b = letters[0]
    url = reverse("beschikkingen:download", args=[b.pk])
    eerste = client.get(url)
    tweede = client.get(url)
    assert eerste.status_code == 200 and eerste["Content-Type"] == "application/pdf"
    assert "no-store" in eerste["Cache-Control"]
    assert eerste["Content-Disposition"] == f'attachment; filename="{b.kenmerk}.pdf"'
    assert eerste.content == tweede.content == b.lees_pdf()
    log = ToegangslogRegel.objects.filter(actie="downloaden", objecttype="beschikking", object_id=str(b.pk),
                                          uitkomst="toegestaan")
    assert log.count() == 2
    assert hash_bsn(b.client.bsn) in log.first().subject_hashes


def test_other_team_gets_404_and_the_refusal_is_logged(letters, maak_gebruiker, ander_team, client):
    client.force_login(maak_gebruiker(Rol.BESLISSER, team_=ander_team))
    b = letters[0]
    assert client.get(reverse("beschikkingen:download", args=[b.pk])).status_code == 404
    assert ToegangslogRegel.objects.filter(objecttype="beschikking", object_id=str(b.pk),
                                           uitkomst="geweigerd").exists()


@pytest.mark.parametrize("rol", [Rol.FUNCTIONEEL_BEHEERDER, Rol.PRIVACYFUNCTIONARIS])
def test_roles_without_case_files_get_403_and_are_logged(rol, letters, maak_gebruiker, client):
    client.force_login(maak_gebruiker(rol))
    b = letters[0]
    assert client.get(reverse("beschikkingen:download", args=[b.pk])).status_code == 403
    assert ToegangslogRegel.objects.filter(objecttype="beschikking", uitkomst="geweigerd").count() == 1


def test_anonymous_is_sent_to_login(letters, client):
    antwoord = client.get(reverse("beschikkingen:download", args=[letters[0].pk]))
    assert antwoord.status_code in (302, 403)
    assert not antwoord.get("Content-Type", "").startswith("application/pdf")


def test_list_shows_todays_letters_of_the_team(letters, casusregisseur, client, maak_gebruiker, ander_team):
    client.force_login(casusregisseur)
    html = client.get(reverse("beschikkingen:lijst")).content.decode()
    for b in letters:
        assert b.kenmerk in html
    assert "Geheimeweg" not in html  # no addresses on the list
    client.force_login(maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team))
    html = client.get(reverse("beschikkingen:lijst")).content.decode()
    assert letters[0].kenmerk not in html
    assert "Er zijn geen beschikkingen uitgegeven" in html
    assert "geselecteerd om af te drukken" not in html and "afdrukken (één PDF)" not in html


def test_household_page_lists_letters(letters, gezin, indicatiesteller, client):
    client.force_login(indicatiesteller)
    antwoord = client.get(reverse("beschikkingen:huishouden", args=[gezin.pk]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert all(b.kenmerk in html for b in letters)
    assert "Victor Jansen" in html and "Bevestigen" in html  # pleger with gezag: confirmation possible


def test_indicatiesteller_confirms_pleger(gezin, indicatiesteller, casusregisseur, client):
    from indicatie.beschikkingen.models import JeugdbriefBevestiging

    url = reverse("beschikkingen:bevestig_pleger", args=[gezin.pk, gezin.vader.pk])
    client.force_login(casusregisseur)
    assert client.post(url).status_code == 403
    client.force_login(indicatiesteller)
    assert client.post(url, {"toelichting": "Besproken met Veilig Thuis."}).status_code == 302
    assert JeugdbriefBevestiging.objects.filter(gezinslid=gezin.vader).exists()
    client.post(reverse("beschikkingen:bevestig_pleger", args=[gezin.pk, gezin.moeder.pk]))
    assert not JeugdbriefBevestiging.objects.filter(gezinslid=gezin.moeder).exists()  # not a pleger


def test_confirming_the_pleger_issues_his_youth_letter_of_the_running_decision_now(
    letters, vastgestelde_versie, gezin, indicatiesteller, client
):
    """Issue 6 §2: after the confirmation the parent who is the pleger gets his copy of the decision
    that applies, at once, not only at the next decision ('Bevestigen' used to issue nothing)."""
    client.force_login(indicatiesteller)
    url = reverse("beschikkingen:bevestig_pleger", args=[gezin.pk, gezin.vader.pk])
    antwoord = client.post(url, {"toelichting": "Besproken met Veilig Thuis."}, follow=True)
    kopie = Beschikking.objects.get(versie=vastgestelde_versie, wet="Jeugdwet", geadresseerde=gezin.vader)
    moeder = Beschikking.objects.get(versie=vastgestelde_versie, wet="Jeugdwet", geadresseerde=gezin.moeder)
    # The same decision: same child, kind, period and amounts; its own kenmerk and file.
    assert (kopie.client_id, kopie.soort, kopie.ingangsdatum, kopie.einddatum, kopie.per_week, kopie.periode) == (
        moeder.client_id, moeder.soort, moeder.ingangsdatum, moeder.einddatum, moeder.per_week, moeder.periode)
    assert kopie.kenmerk not in {b.kenmerk for b in letters}
    assert kopie.kenmerk.startswith(f"HG-{vastgestelde_versie.indicatie_id:05d}-V{vastgestelde_versie.nummer}-")
    assert kopie.geadresseerde_naam == "Victor Jansen" and kopie.bestandsnaam.endswith(f"-lid-{gezin.vader.pk}.pdf")
    assert kopie.lees_pdf().startswith(b"%PDF")
    html = antwoord.content.decode()
    assert kopie.kenmerk in html  # in the message and in the list of the household's letters
    assert "nu uitgegeven" in html
    assert ToegangslogRegel.objects.filter(actie="aanmaken", objecttype="beschikking", object_id=str(kopie.pk)).exists()
    # Confirming again (a reload of the form) issues no second copy.
    client.post(url)
    kopieen = Beschikking.objects.filter(versie=vastgestelde_versie, geadresseerde=gezin.vader, wet="Jeugdwet")
    assert kopieen.count() == 1


def test_confirming_without_a_decision_says_no_letter_is_issued_now(gezin, indicatiesteller, client):
    client.force_login(indicatiesteller)
    url = reverse("beschikkingen:bevestig_pleger", args=[gezin.pk, gezin.vader.pk])
    html = client.post(url, follow=True).content.decode()
    assert "voortaan bij elk besluit" in html and "nu is er geen brief" in html
    assert not Beschikking.objects.exists()


def test_confirming_a_pleger_without_a_safe_address_stores_nothing(letters, gezin, indicatiesteller, client):
    from indicatie.beschikkingen.models import JeugdbriefBevestiging

    vader = gezin.vader
    vader.straat = vader.huisnummer = ""
    vader.save()
    client.force_login(indicatiesteller)
    url = reverse("beschikkingen:bevestig_pleger", args=[gezin.pk, vader.pk])
    html = client.post(url, follow=True).content.decode()
    assert "De bevestiging is niet opgeslagen" in html and "Victor Jansen heeft geen volledig postadres" in html
    assert not JeugdbriefBevestiging.objects.filter(gezinslid=vader).exists()
    assert not Beschikking.objects.filter(geadresseerde=vader, wet="Jeugdwet").exists()


def test_batch_print_runs_in_the_background_and_offers_one_pdf(
    letters, casusregisseur, client, direct_uitvoeren, django_capture_on_commit_callbacks
):
    client.force_login(casusregisseur)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("beschikkingen:afdrukken"), {"beschikking": [b.pk for b in letters]})
    opdracht = Afdrukopdracht.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("beschikkingen:opdracht", args=[opdracht.pk])
    assert opdracht.status == OpdrachtStatus.KLAAR and opdracht.verwerkt == opdracht.totaal == 3
    assert opdracht.task_id

    pagina = client.get(reverse("beschikkingen:opdracht", args=[opdracht.pk])).content.decode()
    assert "Download de PDF om af te drukken" in pagina and 'value="100"' in pagina
    assert 'hx-trigger="every 1s"' not in pagina  # finished: polling stops

    pdf = client.get(reverse("beschikkingen:opdracht_download", args=[opdracht.pk]))
    assert pdf.status_code == 200 and "no-store" in pdf["Cache-Control"]
    paginas = [len(pikepdf.open(io.BytesIO(b.lees_pdf())).pages) for b in letters]
    verwacht = sum(n + n % 2 for n in paginas[:-1]) + paginas[-1]  # odd letters get a blank back
    assert len(pikepdf.open(io.BytesIO(pdf.content)).pages) == verwacht
    log = ToegangslogRegel.objects.get(actie="afdrukken", objecttype="afdrukopdracht")
    assert len(log.subject_hashes) >= 3


def test_progress_partial_polls_while_running(letters, casusregisseur, client):
    """Without a worker the job waits: the htmx partial keeps polling and shows where it is."""
    client.force_login(casusregisseur)
    opdracht = Afdrukopdracht.objects.create(team=casusregisseur.team, aangemaakt_door=casusregisseur,
                                             beschikking_ids=[b.pk for b in letters], totaal=3, verwerkt=1,
                                             status=OpdrachtStatus.BEZIG)
    url = reverse("beschikkingen:opdracht", args=[opdracht.pk])
    deel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert deel.lstrip().startswith('<section id="voortgang"')
    assert 'hx-trigger="every 1s"' in deel and "1 van 3 brieven" in deel and 'value="33"' in deel
    assert "<html" not in deel
    vol = client.get(url).content.decode()
    assert "ververs de pagina" in vol  # works without JavaScript too
    assert client.get(reverse("beschikkingen:opdracht_download", args=[opdracht.pk])).status_code == 404


def test_batch_of_another_team_is_not_visible(letters, casusregisseur, maak_gebruiker, ander_team, client):
    opdracht = Afdrukopdracht.objects.create(team=casusregisseur.team, aangemaakt_door=casusregisseur,
                                             beschikking_ids=[b.pk for b in letters], totaal=3)
    client.force_login(maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team))
    assert client.get(reverse("beschikkingen:opdracht", args=[opdracht.pk])).status_code == 404
    assert client.get(reverse("beschikkingen:opdracht_download", args=[opdracht.pk])).status_code == 404


def test_letters_of_another_team_cannot_be_put_in_a_batch(letters, maak_gebruiker, ander_team, client,
                                                           direct_uitvoeren, django_capture_on_commit_callbacks):
    client.force_login(maak_gebruiker(Rol.CASUSREGISSEUR, team_=ander_team))
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("beschikkingen:afdrukken"), {"beschikking": [b.pk for b in letters]})
    assert antwoord.status_code == 302
    assert not Afdrukopdracht.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_real_database_backend_and_worker_finish_the_job(letters, casusregisseur, settings,
                                                         django_capture_on_commit_callbacks):
    """The real backend (django-tasks-db): the job waits in the database until the worker runs it.
    Transactional: the worker manages its own connection, as it does in its own process."""
    from django.core.management import call_command

    from indicatie.beschikkingen.services import start_afdrukopdracht

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        opdracht = start_afdrukopdracht(beschikkingen=letters, door=casusregisseur)
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtStatus.WACHTEND and opdracht.task_id
    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtStatus.KLAAR and opdracht.verwerkt == 3


def test_household_page_says_why_a_letter_cannot_be_sent_before_the_decision(gezin, aanbieder, indicatiesteller,
                                                                             client):
    from indicatie.indicaties import services as indicatie_services

    from .conftest import gegevens, maak_taxatie

    m = gezin.moeder
    m.corr_straat = m.corr_huisnummer = m.corr_postcode = m.corr_plaats = ""
    m.save()
    taxatie = maak_taxatie(gezin, indicatiesteller)
    versie = indicatie_services.maak_indicatie(huishouden=gezin, door=indicatiesteller,
                                               gegevens=gegevens(gezin, aanbieder, taxatie))
    indicatie_services.dien_in(versie_id=versie.pk, door=indicatiesteller, revisie=None)
    client.force_login(indicatiesteller)
    html = client.get(reverse("beschikkingen:huishouden", args=[gezin.pk])).content.decode()
    assert "Niet alle beschikkingen kunnen worden verzonden" in html
    assert "Mira Jansen heeft een vertrouwelijk adres en geen volledig correspondentieadres" in html
    assert "Geheimeweg" not in html


def test_correction_is_a_new_letter_that_replaces_the_old(letters, gezin, casusregisseur, client, tweede_beslisser):
    """After the correspondence address changed, the letter is reissued: new kenmerk, new bytes, the
    old letter unchanged (issue 6 §4); still signed by the beslisser who decided."""
    oud = next(b for b in letters if b.client_id == gezin.moeder.pk and b.wet == "Wmo")
    oude_bytes = oud.lees_pdf()
    gezin.moeder.corr_huisnummer = "9999"
    gezin.moeder.save()
    client.force_login(casusregisseur)
    url = reverse("beschikkingen:huishouden", args=[gezin.pk])
    assert client.post(url, {"corrigeer": oud.pk}).status_code == 302
    nieuw = Beschikking.objects.get(vervangt=oud)
    assert nieuw.kenmerk == f"{oud.kenmerk}-C1" and nieuw.sha256 != oud.sha256
    assert oud.lees_pdf() == oude_bytes
    from indicatie.beschikkingen.brief import Soort
    from indicatie.beschikkingen.services import controleer

    brief = next(b for b in controleer(versie=oud.versie, soort=Soort.TOEKENNING, door=tweede_beslisser).brieven
                 if b.client_ref == oud.client_ref)
    assert "Postbus 9999" in brief.geadresseerde.adres and brief.beslisser.naam == "Bea Slisser"
    html = client.get(url).content.decode()
    assert f"vervangen door {nieuw.kenmerk}" in html and f"vervangt {oud.kenmerk}" in html
    client.post(url, {"corrigeer": oud.pk})  # the replaced letter cannot be corrected again
    assert Beschikking.objects.filter(vervangt=oud).count() == 1
    # On the print list the replaced letter is not selected by default; its correction is.
    lijst = client.get(reverse("beschikkingen:lijst")).content.decode()
    assert f'value="{oud.pk}" id="b-{oud.pk}" aria-label' in lijst
    assert f'value="{nieuw.pk}" id="b-{nieuw.pk}" checked' in lijst
