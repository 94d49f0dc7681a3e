"""Starting the parameter set of a new tariff year (service, command, admin action) and the refusal
for a year without a set: one Dutch sentence that says who must act."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from tarieven.models import Parameterset
from tarieven.parameters import Parameters
from tarieven.selectors import GeenParameterset, omgeving_op
from tarieven.services import begroting, nieuw_tariefjaar, wijzig_parameterset

pytestmark = pytest.mark.django_db

CASUS = {
    "perceel": "extramuraal", "pakket": "2", "ingangsdatum": "2027-04-01",
    "leden": [{"ref": "m", "geboortedatum": "1990-01-01"}, {"ref": "k", "geboortedatum": "2018-01-01"}],
}


def set_2026() -> Parameterset:
    return Parameterset.objects.get(jaar=2026)


def test_zonder_set_weigert_met_wie_en_wat():
    with pytest.raises(GeenParameterset) as fout:
        omgeving_op(date(2027, 1, 1))
    melding = str(fout.value)
    assert "tariefjaar 2027" in melding and "functioneel beheerder" in melding
    assert "Volgend tariefjaar starten" in melding
    assert melding.count(".") == 1 and melding.endswith(".")  # one sentence


def test_nieuw_jaar_is_wijzigbare_kopie_met_afgeleide_labels():
    bron = set_2026()
    bron.in_gebruik = True  # a locked source is fine: the new set is a copy
    bron.save()
    nieuw = nieuw_tariefjaar(jaar=2027)
    assert (nieuw.jaar, nieuw.geldig_vanaf, nieuw.in_gebruik, nieuw.gekopieerd_van) == (
        2027, date(2027, 1, 1), False, bron)
    parameters = Parameters.model_validate(nieuw.data)
    assert parameters.jaar == 2027 and "2027" in parameters.naam
    oud = Parameters.model_validate(bron.data)
    assert parameters.jaaruren.waarde == oud.jaaruren.waarde  # no index: values unchanged
    assert parameters.jaaruren.label == "afgeleid"
    assert parameters.jaaruren.herkomst.startswith("Afgeleid van 2026 (overgenomen); was bron:")
    # An assumption stays an assumption, so the tariff sheet keeps warning about it.
    assert parameters.maatwerk["dagbesteding"]["1"].label == "aanname"
    assert parameters.maatwerk["dagbesteding"]["1"].herkomst.startswith("Afgeleid van 2026")
    # The copy is editable (the source is not) and a 2027 budget can now be computed.
    wijzig_parameterset(parameterset=nieuw, data=nieuw.data, naam="Tarieven 2027 (concept)")
    uitkomst = begroting(invoer=CASUS, vandaag=date(2026, 11, 23))
    assert uitkomst.tariefjaar == 2027 and uitkomst.parameterset_id == nieuw.pk


def test_index_verhoogt_alleen_geldbedragen():
    nieuw = nieuw_tariefjaar(jaar=2027, index=Decimal("3.5"))
    p, oud = Parameters.model_validate(nieuw.data), Parameters.model_validate(set_2026().data)
    salaris_oud = oud.cao["ggz"].schalen["FWG 55"].waarde
    assert p.cao["ggz"].schalen["FWG 55"].waarde == (salaris_oud * Decimal("1.035")).quantize(Decimal("0.01"))
    assert "geïndexeerd met +3,5%" in p.cao["ggz"].schalen["FWG 55"].herkomst
    assert p.verblijf.per_kind_per_week.waarde > oud.verblijf.per_kind_per_week.waarde
    assert p.productiviteit.waarde == oud.productiviteit.waarde  # a share, not money
    assert p.jeugd.overhead.waarde == oud.jeugd.overhead.waarde
    assert "geïndexeerd" in nieuw.toelichting


@pytest.mark.parametrize("jaar,index,melding", [
    (2026, None, "Er is al een tariefparameterset voor 2026"),
    (2020, None, "Er is geen tariefparameterset van vóór 2020"),
    (2027, Decimal("80"), "tussen -50 en 50 procent"),
])
def test_weigert_met_nederlandse_melding(jaar, index, melding):
    with pytest.raises(ValidationError) as fout:
        nieuw_tariefjaar(jaar=jaar, index=index)
    assert melding in " ".join(fout.value.messages)
    assert Parameterset.objects.count() == 1


def draai(capsys, *args):
    try:
        call_command("nieuw_tariefjaar", *args)
        code = 0
    except SystemExit as e:
        code = e.code
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_commando(capsys):
    code, out, err = draai(capsys, "2027", "--index", "2,5")
    assert code == 0 and err == ""
    assert "tariefjaar 2027" in out
    nieuw = Parameterset.objects.get(jaar=2027)
    assert "+2,5%" in nieuw.toelichting
    code, out, err = draai(capsys, "2027")
    assert code == 2 and err == "Fout: Er is al een tariefparameterset voor 2027; wijzig of kopieer die.\n"
    code, out, err = draai(capsys, "2028", "--index", "veel")
    assert code == 2 and err.startswith("Fout: De indexatie 'veel' is geen getal")
    assert not Parameterset.objects.filter(jaar=2028).exists()


def test_beheeractie(client_als, beheerder):
    client = client_als(beheerder)
    response = client.post(
        reverse("admin:tarieven_parameterset_changelist"),
        {"action": "volgend_tariefjaar", "_selected_action": [set_2026().pk]},
        follow=True,
    )
    assert response.status_code == 200
    nieuw = Parameterset.objects.get(jaar=2027)
    assert "Aangemaakt" in response.text and not nieuw.in_gebruik
    # The new set can be edited in the admin (the change page has a save button).
    wijzig = client.get(reverse("admin:tarieven_parameterset_change", args=[nieuw.pk]))
    assert 'name="_save"' in wijzig.text


def test_tariefblad_waarschuwt_voor_een_ontbrekend_volgend_jaar(client_als, indicatiesteller):
    from django.utils import timezone

    volgend = timezone.localdate().year + 1
    client = client_als(indicatiesteller)
    pagina = client.get(reverse("tarieven:tariefblad")).text
    assert f"Er is nog geen tariefparameterset voor {volgend}" in pagina
    nieuw_tariefjaar(jaar=volgend)
    assert 'data-testid="ontbrekend-tariefjaar"' not in client.get(reverse("tarieven:tariefblad")).text
