"""Property tests over the whole decision table (issue 4 §6, R3, R18): for every combination of answers,
a less safe situation never yields a lighter pakket, fewer skills never yield a lighter pakket, and
semi-/intramuraal is never Pakket 1. Run on the default table and on arbitrary valid tables."""

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pakketten.beslistabel import VAARDIGHEDEN_SCHAAL, VEILIGHEID_SCHAAL, Beslistabel
from pakketten.voorstel import VoorstelInvoer, stel_voor

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "beslistabel" / "beslistabel_2026.json"
STANDAARD = Beslistabel.model_validate(json.loads(FIXTURE.read_text(encoding="utf-8"))["data"])
VLAGGEN = (
    "nabijheid_24_uur",
    "niet_zelfstandig_wonen",
    "bestaande_wmo_verblijf",
    "langdurig_of_specialistisch",
    "vast_pakket_past_niet",
)
VOLWASSENE = {"ref": "v", "geboortedatum": "1990-01-01"}


def leden(kinderen: int) -> list[dict]:
    return [VOLWASSENE] + [{"ref": f"k{i}", "geboortedatum": "2016-01-01"} for i in range(kinderen)]


def voorstel(tabel, veiligheid, vaardigheden, vlaggen, kinderen):
    return stel_voor(
        VoorstelInvoer.model_validate(
            {
                "veiligheid": veiligheid,
                "vaardigheden": vaardigheden,
                **vlaggen,
                "ingangsdatum": "2026-12-01",
                "leden": leden(kinderen),
            }
        ),
        tabel,
    )


def gewicht(v) -> int:
    """Order of proposals: no arrangement (basishulp) < Pakket 1 < 2 < 3; a vrije trede carries its weight."""
    return 0 if v.zwaarte is None else v.zwaarte


ALLE_VLAGGEN = [
    dict(zip(VLAGGEN, waarden, strict=True)) for waarden in itertools.product((False, True), repeat=len(VLAGGEN))
]


def controleer_tabel(tabel: Beslistabel, vlaggen: dict, kinderen: int) -> int:
    gecontroleerd = 0
    for i, veiligheid in enumerate(VEILIGHEID_SCHAAL):
        for j, vaardigheden in enumerate(VAARDIGHEDEN_SCHAAL):
            v = voorstel(tabel, veiligheid, vaardigheden, vlaggen, kinderen)
            if v.perceel in ("semimuraal", "intramuraal"):
                assert v.pakket != "1", (veiligheid, vaardigheden, vlaggen)
            if v.pakket is not None:
                assert v.perceel is not None
            if v.pakket == "vrij":  # R3: a vrije trede only extramurally, never beside Wmo verblijf (R11)
                assert v.perceel == "extramuraal" and not vlaggen["bestaande_wmo_verblijf"]
            if i > 0:
                veiliger = voorstel(tabel, VEILIGHEID_SCHAAL[i - 1], vaardigheden, vlaggen, kinderen)
                assert gewicht(v) >= gewicht(veiliger), (veiligheid, vaardigheden, vlaggen)
            if j > 0:
                vaardiger = voorstel(tabel, veiligheid, VAARDIGHEDEN_SCHAAL[j - 1], vlaggen, kinderen)
                assert gewicht(v) >= gewicht(vaardiger), (veiligheid, vaardigheden, vlaggen)
            gecontroleerd += 1
    return gecontroleerd


@pytest.mark.parametrize("kinderen", [0, 1, 3, 4])
def test_standaardtabel_alle_combinaties(kinderen):
    totaal = sum(controleer_tabel(STANDAARD, vlaggen, kinderen) for vlaggen in ALLE_VLAGGEN)
    assert totaal == len(ALLE_VLAGGEN) * len(VEILIGHEID_SCHAAL) * len(VAARDIGHEDEN_SCHAAL)


@st.composite
def geldige_tabellen(draw):
    """Arbitrary monotone tables: each cell at least its safer and its more skilled neighbour."""
    matrix: dict = {}
    for i, v in enumerate(VEILIGHEID_SCHAAL):
        matrix[v] = {}
        for j, s in enumerate(VAARDIGHEDEN_SCHAAL):
            ondergrens = max(
                int(matrix[VEILIGHEID_SCHAAL[i - 1]][s]["pakket"]) if i else 1,
                int(matrix[v][VAARDIGHEDEN_SCHAAL[j - 1]]["pakket"]) if j else 1,
            )
            matrix[v][s] = {"pakket": str(draw(st.integers(ondergrens, 3))), "toelichting": "t"}
    return Beslistabel.model_validate(
        {
            "matrix": matrix,
            "minimum_pakket_semi_intramuraal": draw(st.sampled_from(["2", "3"])),
            "max_kinderen_vast_pakket": draw(st.integers(0, 5)),
        }
    )


@settings(max_examples=60, deadline=None)
@given(tabel=geldige_tabellen(), vlaggen=st.sampled_from(ALLE_VLAGGEN), kinderen=st.integers(0, 6))
def test_elke_geldige_tabel_houdt_de_eigenschappen(tabel, vlaggen, kinderen):
    controleer_tabel(tabel, vlaggen, kinderen)


@settings(max_examples=60, deadline=None)
@given(
    matrix=st.fixed_dictionaries(
        {
            v: st.fixed_dictionaries({s: st.sampled_from(["1", "2", "3"]) for s in VAARDIGHEDEN_SCHAAL})
            for v in VEILIGHEID_SCHAAL
        }
    )
)
def test_schema_weigert_precies_de_niet_monotone_tabellen(matrix):
    monotoon = all(
        int(matrix[v][s]) >= int(matrix[VEILIGHEID_SCHAAL[i - 1]][s]) if i else True
        for i, v in enumerate(VEILIGHEID_SCHAAL)
        for s in VAARDIGHEDEN_SCHAAL
    ) and all(
        int(matrix[v][s]) >= int(matrix[v][VAARDIGHEDEN_SCHAAL[j - 1]]) if j else True
        for v in VEILIGHEID_SCHAAL
        for j, s in enumerate(VAARDIGHEDEN_SCHAAL)
    )
    data = {"matrix": {v: {s: {"pakket": p, "toelichting": "t"} for s, p in rij.items()} for v, rij in matrix.items()}}
    if monotoon:
        Beslistabel.model_validate(data)
    else:
        with pytest.raises(ValidationError, match="lichter"):
            Beslistabel.model_validate(data)


def test_schema_weigert_onvolledige_tabel():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]
    del data["matrix"]["dreigend"]["beperkt"]
    with pytest.raises(ValidationError, match="mist de combinatie 'Dreigend'"):
        Beslistabel.model_validate(data)
    del data["matrix"]["dreigend"]
    with pytest.raises(ValidationError, match="mist de veiligheidssituatie"):
        Beslistabel.model_validate(data)


def test_schema_weigert_pakket_1_als_minimum_voor_verblijf():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]
    data["minimum_pakket_semi_intramuraal"] = "1"
    with pytest.raises(ValidationError):
        Beslistabel.model_validate(data)
