"""The taxatie form: answers, observations per member and the professional's choice. Thin: the
proposal and the deviation rules live in services (R18)."""

from django import forms

from .models import (
    VAARDIGHEDEN_OMSCHRIJVING,
    VEILIGHEID_OMSCHRIJVING,
    Gezinsprofiel,
    Pakket,
    Perceel,
    Vaardigheden,
    Veiligheid,
    VerzwarendeFactor,
)

VOLGEN = "volgen"
AFWIJKEN = "afwijken"


def _met_omschrijving(choices, omschrijvingen):
    return [(waarde, f"{label} – {omschrijvingen[waarde]}") for waarde, label in choices]


class TaxatieForm(forms.Form):
    veiligheid = forms.ChoiceField(
        label="Veiligheidssituatie",
        choices=_met_omschrijving(Veiligheid.choices, VEILIGHEID_OMSCHRIJVING),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de veiligheidssituatie.",
            "invalid_choice": "Kies een van de veiligheidssituaties.",
        },
    )
    vaardigheden = forms.ChoiceField(
        label="Vaardigheden en leerbaarheid van de betrokkenen",
        choices=_met_omschrijving(Vaardigheden.choices, VAARDIGHEDEN_OMSCHRIJVING),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de vaardigheden en leerbaarheid.",
            "invalid_choice": "Kies een van de niveaus van vaardigheden.",
        },
    )
    nabijheid_24_uur = forms.BooleanField(
        label="Er is 24 uur per dag ondersteuning in de nabijheid nodig om veilig zelfstandig te wonen (semimuraal)",
        required=False,
    )
    niet_zelfstandig_wonen = forms.BooleanField(
        label="Het gezin kan vanwege de veiligheid tijdelijk niet zelfstandig wonen (intramuraal)", required=False
    )
    bestaande_wmo_verblijf = forms.BooleanField(
        label="Het gezin ontvangt al semi- of intramurale Wmo-ondersteuning bij een gecontracteerde aanbieder",
        required=False,
    )
    langdurig_of_specialistisch = forms.BooleanField(
        label="Er is langdurige (langer dan een jaar) of specialistische hulp nodig",
        required=False,
        initial=True,
        help_text="Zonder deze behoefte past de basishulp van het wijkteam (B1 §1.6).",
    )
    vast_pakket_past_niet = forms.BooleanField(
        label="De vaste pakketten passen niet bij dit huishouden",
        required=False,
        help_text="Bij meer dan 3 kinderen wordt de vrije trede ook zonder dit vinkje voorgesteld.",
    )
    verzwarende_factoren = forms.MultipleChoiceField(
        label="Verzwarende factoren",
        choices=VerzwarendeFactor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Onbekende verzwarende factor: %(value)s."},
    )
    gezinsprofiel = forms.ChoiceField(
        label="Gezinsprofiel (Verwey-Jonker)",
        choices=Gezinsprofiel.choices,
        initial=Gezinsprofiel.ONBEKEND,
        help_text="Voor de evaluatie van de arrangementen door de gemeente.",
        error_messages={"invalid_choice": "Kies een gezinsprofiel uit de lijst."},
    )
    keuze = forms.ChoiceField(
        label="Neemt u het voorstel over?",
        choices=[(VOLGEN, "Ik neem het voorstel over"), (AFWIJKEN, "Ik wijk af van het voorstel")],
        widget=forms.RadioSelect,
        initial=VOLGEN,
        error_messages={"required": "Kies of u het voorstel overneemt of afwijkt."},
    )
    gekozen_perceel = forms.ChoiceField(
        label="Gekozen perceel (bij afwijken)",
        required=False,
        choices=[("", "Geen HG-arrangement")] + list(Perceel.choices),
    )
    gekozen_pakket = forms.ChoiceField(
        label="Gekozen pakket (bij afwijken)",
        required=False,
        choices=[("", "Geen HG-arrangement")] + list(Pakket.choices),
    )
    afwijking_motivering = forms.CharField(
        label="Motivering van de afwijking",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Verplicht als u afwijkt: ten minste één volledige zin.",
    )

    def __init__(self, *args, leden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.leden = list(leden)
        for lid in self.leden:
            self.fields[f"observatie_{lid.pk}"] = forms.CharField(
                label=f"Observaties over {lid.volledige_naam}",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @property
    def observatie_velden(self):
        return [self[f"observatie_{lid.pk}"] for lid in self.leden]

    @property
    def antwoord_velden(self):
        return [
            self[n]
            for n in (
                "nabijheid_24_uur",
                "niet_zelfstandig_wonen",
                "bestaande_wmo_verblijf",
                "langdurig_of_specialistisch",
                "vast_pakket_past_niet",
            )
        ]

    def observaties(self) -> dict[str, str]:
        return {str(lid.pk): self.cleaned_data.get(f"observatie_{lid.pk}", "") for lid in self.leden}

    def antwoorden(self) -> dict:
        """The answers that determine the proposal (cleaned_data must exist)."""
        d = self.cleaned_data
        return {
            "veiligheid": d["veiligheid"],
            "vaardigheden": d["vaardigheden"],
            "nabijheid_24_uur": d["nabijheid_24_uur"],
            "niet_zelfstandig_wonen": d["niet_zelfstandig_wonen"],
            "bestaande_wmo_verblijf": d["bestaande_wmo_verblijf"],
            "langdurig_of_specialistisch": d["langdurig_of_specialistisch"],
            "vast_pakket_past_niet": d["vast_pakket_past_niet"],
        }

    def gedeeltelijke_antwoorden(self) -> dict | None:
        """For the live proposal while the form is being filled in: the answers when safety and skills
        are valid, regardless of the other fields; otherwise None."""
        self.is_valid()
        d = getattr(self, "cleaned_data", {})
        if "veiligheid" not in d or "vaardigheden" not in d:
            return None
        return self.antwoorden()


def initial_uit(taxatie) -> dict:
    """Start a revision from an earlier taxatie's answers (a new row is stored, the old stays)."""
    initial = {
        "veiligheid": taxatie.veiligheid,
        "vaardigheden": taxatie.vaardigheden,
        "nabijheid_24_uur": taxatie.nabijheid_24_uur,
        "niet_zelfstandig_wonen": taxatie.niet_zelfstandig_wonen,
        "bestaande_wmo_verblijf": taxatie.bestaande_wmo_verblijf,
        "langdurig_of_specialistisch": taxatie.langdurig_of_specialistisch,
        "vast_pakket_past_niet": taxatie.vast_pakket_past_niet,
        "verzwarende_factoren": taxatie.verzwarende_factoren,
        "gezinsprofiel": taxatie.gezinsprofiel,
    }
    for pk, tekst in (taxatie.observaties or {}).items():
        initial[f"observatie_{pk}"] = tekst
    return initial
