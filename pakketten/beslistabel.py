"""The decision table for the proposal as data (issue 4, R18): safety × skills -> pakket.

A table is stored as a ``pakketten.Tabelversie`` of soort "beslistabel" and validated with
``Beslistabel``; a functioneel beheerder changes it by adding a new version from a date, never in code.
The schema refuses a table that is incomplete or where a less safe situation or fewer skills would
give a lighter pakket, so every valid table keeps the seeds' logic (B1 §1.5, B3 §2).
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Scales in increasing seriousness. The order is what the monotonicity checks rely on.
VEILIGHEID_SCHAAL: tuple[str, ...] = ("stabiel_kwetsbaar", "dreigend", "structureel_onveilig", "acuut_onveilig")
VAARDIGHEDEN_SCHAAL: tuple[str, ...] = ("voldoende", "beperkt", "ontbrekend")

VEILIGHEID_LABELS = {
    "acuut_onveilig": "Acuut onveilig",
    "structureel_onveilig": "Structureel onveilig",
    "dreigend": "Dreigend",
    "stabiel_kwetsbaar": "Stabiel maar kwetsbaar",
}
VAARDIGHEDEN_LABELS = {"voldoende": "Voldoende", "beperkt": "Beperkt", "ontbrekend": "Ontbrekend"}

Veiligheidsniveau = Literal["acuut_onveilig", "structureel_onveilig", "dreigend", "stabiel_kwetsbaar"]
Vaardigheidsniveau = Literal["voldoende", "beperkt", "ontbrekend"]
VastPakket = Literal["1", "2", "3"]


class Cel(BaseModel):
    """One combination of safety and skills: the pakket and the reason shown to the professional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pakket: VastPakket
    toelichting: str = Field(min_length=1, max_length=400)


class Beslistabel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    omschrijving: str = ""
    # matrix[veiligheid][vaardigheden] -> Cel; every combination must be present.
    matrix: dict[Veiligheidsniveau, dict[Vaardigheidsniveau, Cel]]
    # R3 / B3 §3.2: semi- and intramuraal only Pakket 2 or 3.
    minimum_pakket_semi_intramuraal: Literal["2", "3"] = "2"
    # R11 / B3 §3.2: beside existing Wmo semi-/intramural support always HG Pakket 1 (fixed; the field is
    # accepted so versions stored with it stay valid).
    pakket_naast_wmo_verblijf: Literal["1"] = "1"
    # R3 / B3 §3.1: more children than this -> vrije trede.
    max_kinderen_vast_pakket: int = Field(default=3, ge=0, le=20)

    @model_validator(mode="after")
    def _volledig_en_monotoon(self) -> "Beslistabel":
        for v in VEILIGHEID_SCHAAL:
            rij = self.matrix.get(v)  # type: ignore[call-overload]
            if rij is None:
                raise ValueError(f"De beslistabel mist de veiligheidssituatie '{VEILIGHEID_LABELS[v]}'.")
            for s in VAARDIGHEDEN_SCHAAL:
                if s not in rij:
                    raise ValueError(
                        f"De beslistabel mist de combinatie '{VEILIGHEID_LABELS[v]}' met vaardigheden "
                        f"'{VAARDIGHEDEN_LABELS[s]}'."
                    )
        # R18: a less safe situation and fewer skills never give a lighter pakket.
        for i, v in enumerate(VEILIGHEID_SCHAAL):
            for j, s in enumerate(VAARDIGHEDEN_SCHAAL):
                hier = int(self.pakket(v, s))
                if i > 0 and hier < int(self.pakket(VEILIGHEID_SCHAAL[i - 1], s)):
                    raise ValueError(
                        f"'{VEILIGHEID_LABELS[v]}' met vaardigheden '{VAARDIGHEDEN_LABELS[s]}' geeft een lichter "
                        f"pakket dan de veiligere situatie '{VEILIGHEID_LABELS[VEILIGHEID_SCHAAL[i - 1]]}'."
                    )
                if j > 0 and hier < int(self.pakket(v, VAARDIGHEDEN_SCHAAL[j - 1])):
                    raise ValueError(
                        f"'{VEILIGHEID_LABELS[v]}' met vaardigheden '{VAARDIGHEDEN_LABELS[s]}' geeft een lichter "
                        f"pakket dan met vaardigheden '{VAARDIGHEDEN_LABELS[VAARDIGHEDEN_SCHAAL[j - 1]]}'."
                    )
        return self

    def cel(self, veiligheid: str, vaardigheden: str) -> Cel:
        return self.matrix[veiligheid][vaardigheden]  # type: ignore[index]

    def pakket(self, veiligheid: str, vaardigheden: str) -> str:
        return self.cel(veiligheid, vaardigheden).pakket

    def rijen(self) -> list[dict]:
        """For display: one row per safety level (most serious first), cells in skills order."""
        return [
            {
                "veiligheid": v,
                "label": VEILIGHEID_LABELS[v],
                "cellen": [{"vaardigheden": s, "label": VAARDIGHEDEN_LABELS[s], "cel": self.cel(v, s)}
                           for s in VAARDIGHEDEN_SCHAAL],
            }
            for v in reversed(VEILIGHEID_SCHAAL)
        ]
