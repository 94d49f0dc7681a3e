"""Issue 6 end to end in Chromium: a decided version has its letters; the casusregisseur selects
today's letters, starts a batch print, watches the htmx progress bar until the download appears, and
downloads one PDF; axe-core on the pages; no CSP violations."""

import io
import os
import re

import pikepdf
import pytest
from playwright.sync_api import expect

from indicatie.beschikkingen.models import Afdrukopdracht, Beschikking
from tests.e2e.conftest import axe_check, login
from tests.indicatie.beschikkingen.conftest import besluit, gegevens, maak_taxatie

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Not serialized_rollback: its teardown flush skips post_migrate and would leave later tests without
# reference data; a plain flush recreates it.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def prive_map(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"


@pytest.fixture
def wachtende_taken(settings):
    """Jobs are enqueued but not run (as when the worker is busy), so the test can run the task itself
    while the page is polling."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def brieven(huishouden, indicatiesteller, maak_gebruiker):
    from hgarr.accounts.roles import Rol
    from indicatie.indicaties import services
    from indicatie.indicaties.models import Aanbieder

    aanbieder = Aanbieder.objects.create(naam="Zorgaanbieder Voorbeeld", agb_code="12345678",
                                         percelen=["extramuraal", "semimuraal", "intramuraal"])
    beslisser = maak_gebruiker(Rol.BESLISSER, first_name="Bea", last_name="Slisser", functie="Teamleider wijkteam")
    taxatie = maak_taxatie(huishouden, indicatiesteller)
    versie = services.maak_indicatie(huishouden=huishouden, door=indicatiesteller,
                                     gegevens=gegevens(huishouden, aanbieder, taxatie))
    besluit(versie, indicatiesteller, beslisser)
    return list(Beschikking.objects.order_by("kenmerk"))


def test_batch_printing_with_progress_and_download(page, casusregisseur, brieven, wachtende_taken):
    from indicatie.beschikkingen.tasks import druk_af

    assert len(brieven) == 3
    login(page, casusregisseur)
    page.get_by_role("link", name="Beschikkingen", exact=True).click()
    page.wait_for_url(re.compile(r"/beschikkingen/$"))
    for b in brieven:
        expect(page.get_by_text(b.kenmerk, exact=True)).to_be_visible()
    assert axe_check(page) == []

    # One letter downloads as the same PDF that was stored.
    with page.expect_download() as info:
        page.get_by_role("link", name=f"Download PDF van beschikking {brieven[0].kenmerk}").click()
    assert open(info.value.path(), "rb").read() == brieven[0].lees_pdf()

    page.get_by_role("button", name=re.compile("Geselecteerde brieven afdrukken")).click()
    page.wait_for_url(re.compile(r"/beschikkingen/afdrukken/\d+/$"))
    expect(page.locator("#voortgang")).to_contain_text("0 van 3 brieven")
    assert axe_check(page) == []

    opdracht = Afdrukopdracht.objects.get()
    druk_af.call(opdracht_id=opdracht.pk)  # the worker's work; the page polls every second
    knop = page.get_by_role("link", name="Download de PDF om af te drukken")
    expect(knop).to_be_visible(timeout=10_000)
    expect(page.locator("#voortgang")).to_contain_text("3 van 3 brieven")
    with page.expect_download() as info:
        knop.click()
    with pikepdf.open(io.BytesIO(open(info.value.path(), "rb").read())) as pdf:
        assert len(pdf.pages) >= 3

    # The household's letter page, where a letter can be reissued as a correction.
    page.goto(f"/beschikkingen/huishouden/{brieven[0].huishouden_id}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Beschikkingen")
    assert axe_check(page) == []
    # Reissuing cannot be undone: the browser asks first; saying no sends nothing.
    knop = page.get_by_role("button", name=f"Opnieuw uitgeven (correctie) van {brieven[0].kenmerk}")
    vragen = []

    def antwoord(ja):
        def op_dialoog(dialoog):
            vragen.append(dialoog.message)
            dialoog.accept() if ja else dialoog.dismiss()
        return op_dialoog

    page.once("dialog", antwoord(False))
    knop.click()
    page.wait_for_timeout(300)
    expect(page.get_by_text(f"vervangt {brieven[0].kenmerk}", exact=True)).to_have_count(0)
    page.once("dialog", antwoord(True))
    knop.click()
    expect(page.get_by_text(f"vervangt {brieven[0].kenmerk}", exact=True)).to_be_visible()
    assert len(vragen) == 2 and "opnieuw uitgeven als correctie" in vragen[0]
    assert page.csp_fouten == []
