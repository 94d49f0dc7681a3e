"""Forms of the indication lifecycle. They only check the shape of the input; the rules live in
``services.py`` and come back as Dutch messages at the fields (``zet_fouten``)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from hgarr.datums import is_volwassen_op, lange_datum
from indicatie.huishoudens.forms import DateInput
from indicatie.taxaties.models import VEILIGHEID_OMSCHRIJVING, Taxatie
from tarieven.selectors import productnaam, productnamen

from .beeindiging import Beeindigingsreden, in_de_brief
from .casus import lid_ref
from .models import Aanbieder, Advies, Pakket, Perceel, Soort, Veiligheid
from .selectors import casusregisseurs_van_team, toegestaan_maatwerk
from .services import (
    Deelnemer,
    Ongeldig,
    VersieGegevens,
    beeindigingsdatum_fout,
    einddatum_fout,
    evaluatiedatum_fout,
    korte_periode_melding,
    maatwerk_fout,
    pakket_fout,
)

# R7: the maatwerk products (names from the catalogue, tarieven.selectors.productnamen) and when they apply.
MAATWERK = [
    ("schulddienstverlening", ""),
    ("dagbesteding", ""),
    ("nachtelijke_ondersteuning", " (alleen extramuraal)"),
]
TREDES = [("", "Geen"), ("1", "Trede 1"), ("2", "Trede 2"), ("3", "Trede 3")]


class RevisieForm(forms.Form):
    """The revision of the indication the user saw (optimistic locking)."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class AanbiederKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Aanbieder) -> str:
        return f"{obj.naam} ({', '.join(obj.percelen_labels).lower() or 'geen percelen'})"


class TaxatieKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Taxatie) -> str:
        keuze = obj.gekozen_omschrijving
        veiligheid = obj.get_veiligheid_display().lower()
        vaardigheden = obj.get_vaardigheden_display().lower()
        return f"{lange_datum(obj.datum)}: {veiligheid}, vaardigheden {vaardigheden} – keuze: {keuze}"


def _bedrag_per_week(label: str, voorbeeld: str) -> forms.DecimalField:
    """An optional amount in euros per week for the vrije trede."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": f"Vul een bedrag in, bijvoorbeeld {voorbeeld}."},
    )


class VersieForm(RevisieForm):
    perceel = forms.ChoiceField(
        label="Perceel", choices=Perceel.choices, error_messages={"required": "Kies een perceel."}
    )
    pakket = forms.ChoiceField(
        label="Pakket", choices=Pakket.choices, error_messages={"required": "Kies een pakket of een vrije trede."}
    )
    aanbieder = AanbiederKeuze(
        label="Aanbieder",
        queryset=Aanbieder.objects.filter(actief=True),
        empty_label="Kies een aanbieder",
        error_messages={"required": "Kies een aanbieder.", "invalid_choice": "Kies een aanbieder uit de lijst."},
    )
    ingangsdatum = forms.DateField(
        label="Ingangsdatum",
        widget=DateInput(),
        error_messages={"required": "Vul de ingangsdatum in.", "invalid": "Vul een geldige datum in."},
    )
    einddatum = forms.DateField(
        label="Einddatum",
        widget=DateInput(),
        required=False,
        help_text="Richtlijn: een jaar. Leeg: een jaar na de ingangsdatum, min een dag.",
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    taxatie = TaxatieKeuze(
        label="Taxatie",
        queryset=Taxatie.objects.none(),
        required=False,
        empty_label="Nog geen taxatie (vaststellen kan pas met een taxatie)",
        error_messages={"invalid_choice": "Kies een taxatie van dit huishouden."},
    )
    motivering = forms.CharField(
        label="Motivering",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Vul de motivering in: waarom deze indicatie (of wijziging)?"},
    )
    bestaande_wmo_verblijf = forms.BooleanField(
        label="Ontvangt al semi-/intramurale Wmo-ondersteuning bij een gecontracteerde aanbieder", required=False
    )
    vt_wmo_per_week = _bedrag_per_week("Vrije trede: Wmo-bedrag per week (volwassenen samen)", "250,00")
    vt_jeugd_per_week = _bedrag_per_week("Vrije trede: Jeugd-bedrag per week (alle kinderen)", "100,00")
    vt_motivering = forms.CharField(
        label="Vrije trede: motivering", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    VELD_VAN_FOUT = {"vrije_trede_motivering": "vt_motivering"}

    def __init__(self, *args, huishouden, soort: str = Soort.TOEKENNING, **kwargs):
        super().__init__(*args, **kwargs)
        self.huishouden = huishouden
        self.soort = soort
        self.leden = list(huishouden.leden.all())
        self.fields["taxatie"].queryset = Taxatie.objects.filter(huishouden=huishouden).order_by("-datum", "-id")
        peildatum = self._peildatum()
        namen = productnamen(peildatum)
        self._productnamen = namen
        self._toegestaan = toegestaan_maatwerk(peildatum)
        for lid in self.leden:
            self.fields[f"mee_{lid.pk}"] = forms.BooleanField(label=f"{lid.volledige_naam} doet mee", required=False)
            self.fields[f"verblijft_{lid.pk}"] = forms.BooleanField(
                label=f"{lid.volledige_naam} verblijft in de voorziening (semi-/intramuraal)", required=False
            )
            if is_volwassen_op(lid.geboortedatum, peildatum):
                for product, toevoeging in MAATWERK:
                    percelen = [p for p in Perceel.values if product in self._toegestaan.get(p, [])]
                    self.fields[f"mw_{lid.pk}_{product}"] = forms.ChoiceField(
                        label=f"{productnaam(product, namen)}{toevoeging} voor {lid.volledige_naam}",
                        choices=TREDES,
                        required=False,
                        # static/js/indicatie.js disables the field for a perceel that does not allow it (R7).
                        widget=forms.Select(attrs={"data-percelen": " ".join(percelen)} if self._toegestaan else {}),
                    )
        if soort == Soort.WIJZIGING:
            self.fields["ingangsdatum"].label = "Wijzigingsdatum (de nieuwe situatie geldt vanaf)"
            del self.fields["einddatum"]
        if soort == Soort.VERLENGING:
            self.fields["ingangsdatum"].label = "Ingangsdatum van de verlenging"
            self.fields["taxatie"].required = True
            self.fields["taxatie"].error_messages["required"] = "Een verlenging vraagt een nieuwe taxatie."
            self.fields["taxatie"].empty_label = "Kies de nieuwe taxatie"

    def clean(self):
        # The service checks these again; here they come in the same round as a missing field.
        data = super().clean()
        if "pakket" not in self.errors and (melding := pakket_fout(data.get("perceel"), data.get("pakket"))):
            self.add_error("pakket", melding)
        if "einddatum" not in self.errors and (
            melding := einddatum_fout(data.get("ingangsdatum"), data.get("einddatum"))
        ):
            self.add_error("einddatum", melding)
        perceel = data.get("perceel")
        for lid in self.leden:
            for product, _ in MAATWERK:
                naam = f"mw_{lid.pk}_{product}"
                if naam in self.fields and data.get(naam) and perceel:
                    if melding := maatwerk_fout(perceel, product, self._toegestaan, self._productnamen):
                        self.add_error(naam, melding)
        return data

    def periode_melding(self) -> str | None:
        """The hint for a short first period or extension (op-/afschalen keeps the running end)."""
        if self.soort == Soort.WIJZIGING:
            return None
        if self.is_bound:
            data = getattr(self, "cleaned_data", {})
            start, einde = data.get("ingangsdatum"), data.get("einddatum")
        else:
            start, einde = self.initial.get("ingangsdatum"), self.initial.get("einddatum")
        return korte_periode_melding(start, einde)

    def _peildatum(self) -> date:
        waarde = self.data.get(self.add_prefix("ingangsdatum")) if self.is_bound else self.initial.get("ingangsdatum")
        if isinstance(waarde, date):
            return waarde
        try:
            return date.fromisoformat(str(waarde))
        except (TypeError, ValueError):
            return timezone.localdate()

    # -- presentation helpers for the template
    def ledenrijen(self) -> list[dict]:
        rijen = []
        for lid in self.leden:
            rijen.append(
                {
                    "lid": lid,
                    "mee": self[f"mee_{lid.pk}"],
                    "verblijft": self[f"verblijft_{lid.pk}"],
                    "maatwerk": [self[f"mw_{lid.pk}_{p}"] for p, _ in MAATWERK if f"mw_{lid.pk}_{p}" in self.fields],
                }
            )
        return rijen

    def hoofdvelden(self):
        namen = ["perceel", "pakket", "aanbieder", "ingangsdatum", "einddatum", "taxatie"]
        return [self[n] for n in namen if n in self.fields]

    def vrije_trede_velden(self):
        return [self["vt_wmo_per_week"], self["vt_jeugd_per_week"], self["vt_motivering"]]

    # -- to and from the service
    def gegevens(self) -> VersieGegevens:
        d = self.cleaned_data
        einddatum = d.get("einddatum")
        if self.soort != Soort.WIJZIGING and einddatum is None and d.get("ingangsdatum"):
            from .services import standaard_einddatum

            einddatum = standaard_einddatum(d["ingangsdatum"])
        maatwerk = []
        for lid in self.leden:
            for product, _ in MAATWERK:
                trede = d.get(f"mw_{lid.pk}_{product}")
                if trede:
                    maatwerk.append({"product": product, "trede": int(trede), "ref": lid_ref(lid.pk)})
        vrije_trede = None
        if d.get("pakket") == Pakket.VRIJ:
            vrije_trede = {
                "wmo_per_week": f"{d.get('vt_wmo_per_week') or 0:.2f}",
                "jeugd_per_week": f"{d.get('vt_jeugd_per_week') or 0:.2f}",
                "motivering": (d.get("vt_motivering") or "").strip(),
            }
        return VersieGegevens(
            perceel=d["perceel"],
            pakket=d["pakket"],
            aanbieder=d.get("aanbieder"),
            ingangsdatum=d.get("ingangsdatum"),
            einddatum=einddatum,
            motivering=d.get("motivering", ""),
            deelnemers=[
                Deelnemer(
                    gezinslid=lid,
                    doet_mee=bool(d.get(f"mee_{lid.pk}")),
                    verblijft_in_voorziening=bool(d.get(f"verblijft_{lid.pk}")),
                )
                for lid in self.leden
            ],
            taxatie=d.get("taxatie"),
            maatwerk=maatwerk,
            vrije_trede=vrije_trede,
            bestaande_wmo_verblijf=bool(d.get("bestaande_wmo_verblijf")),
        )

    @classmethod
    def initial_uit_versie(cls, versie, **over) -> dict:
        initial = {
            "perceel": versie.perceel,
            "pakket": versie.pakket,
            "aanbieder": versie.aanbieder_id,
            "ingangsdatum": versie.ingangsdatum,
            "einddatum": versie.einddatum,
            "taxatie": versie.taxatie_id,
            "motivering": versie.motivering,
            "bestaande_wmo_verblijf": versie.bestaande_wmo_verblijf,
        }
        for lid in versie.leden:
            initial[f"mee_{lid['gezinslid_id']}"] = lid.get("doet_mee", True)
            initial[f"verblijft_{lid['gezinslid_id']}"] = lid.get("verblijft_in_voorziening", False)
        for m in versie.maatwerk or []:
            initial[f"mw_{m['ref'].removeprefix('lid-')}_{m['product']}"] = str(m["trede"])
        if versie.vrije_trede:
            initial["vt_wmo_per_week"] = versie.vrije_trede.get("wmo_per_week")
            initial["vt_jeugd_per_week"] = versie.vrije_trede.get("jeugd_per_week")
            initial["vt_motivering"] = versie.vrije_trede.get("motivering")
        initial.update(over)
        return initial

    @classmethod
    def initial_nieuw(cls, huishouden) -> dict:
        from .services import standaard_einddatum

        start = max(timezone.localdate(), huishouden.registratiedatum)
        initial = {"ingangsdatum": start, "einddatum": standaard_einddatum(start)}
        taxatie = Taxatie.objects.filter(huishouden=huishouden).order_by("-datum", "-id").first()
        if taxatie:
            initial["taxatie"] = taxatie.pk
            if taxatie.gekozen_perceel:
                initial["perceel"] = taxatie.gekozen_perceel
            if taxatie.gekozen_pakket:
                initial["pakket"] = taxatie.gekozen_pakket
            initial["bestaande_wmo_verblijf"] = taxatie.bestaande_wmo_verblijf
        for lid in huishouden.leden.all():
            initial[f"mee_{lid.pk}"] = lid.doet_mee
            # R12: in a facility everyone stays except, usually, the pleger (the engine's default).
            initial[f"verblijft_{lid.pk}"] = not ("pleger" in lid.rollen and "slachtoffer" not in lid.rollen)
        return initial


def zet_fouten(form: forms.Form, fout: Ongeldig) -> None:
    """Puts the service's Dutch messages at the fields (or above the form)."""
    vertaling = getattr(form, "VELD_VAN_FOUT", {})
    for veld, melding in fout.fouten.items():
        naam = vertaling.get(veld, veld)
        if naam.startswith("maatwerk."):  # services.maatwerk_sleutel: "maatwerk.lid-12.dagbesteding"
            _, ref, product = naam.split(".", 2)
            naam = f"mw_{ref.removeprefix('lid-')}_{product}"
        if naam == "deelnemers" and getattr(form, "leden", None):
            naam = f"mee_{form.leden[0].pk}"
        form.add_error(naam if naam in form.fields else None, melding)


class BeslisForm(RevisieForm):
    """Vaststellen, terugsturen (internal, no letter) or, for the citizen's application (a first
    indication or an extension), formally refusing it with a reason written for the citizen."""

    besluit = forms.ChoiceField(
        label="Besluit",
        widget=forms.RadioSelect,
        choices=[
            ("vaststellen", "Vaststellen"),
            (
                "terugsturen",
                "Terugsturen naar de indicatiesteller (intern, geen brief; die kan aanpassen en opnieuw indienen)",
            ),
            ("afwijzen", "Aanvraag afwijzen (formeel besluit: de aanvrager krijgt een afwijzingsbrief)"),
        ],
        error_messages={"required": "Kies vaststellen, terugsturen of de aanvraag afwijzen."},
    )
    reden = forms.CharField(
        label="Toelichting voor de indicatiesteller (intern, komt niet in een brief)",
        help_text="Verplicht bij terugsturen: wat moet er anders?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reden_aanvrager = forms.CharField(
        label="Reden van afwijzing voor de aanvrager (staat in de brief)",
        help_text="Verplicht bij afwijzen. Schrijf voor de aanvrager: geen interne opmerkingen.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, versie=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .services import AANVRAGEN

        self.is_aanvraag = versie is None or versie.soort in AANVRAGEN
        if not self.is_aanvraag:
            # Re-scaling and ending are not the citizen's application: rejecting only sends them back.
            self.fields["besluit"].choices = self.fields["besluit"].choices[:2]
            self.fields["besluit"].error_messages["required"] = "Kies vaststellen of terugsturen."
            del self.fields["reden_aanvrager"]

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "terugsturen" and not (data.get("reden") or "").strip():
            self.add_error("reden", "Vul in wat de indicatiesteller moet aanpassen.")
        if data.get("besluit") == "afwijzen" and not (data.get("reden_aanvrager") or "").strip():
            self.add_error(
                "reden_aanvrager", "Vul de reden van de afwijzing voor de aanvrager in; die staat in de brief."
            )
        return data


class BeeindigForm(RevisieForm):
    einddatum = forms.DateField(
        label="Laatste dag van de ondersteuning",
        widget=DateInput(),
        error_messages={
            "required": "Vul de laatste dag van de ondersteuning in.",
            "invalid": "Vul een geldige datum in.",
        },
    )
    categorie = forms.ChoiceField(
        label="Reden van de beëindiging (staat in de brief)",
        widget=forms.RadioSelect,
        # Each option shows the sentence the letters will state, so nobody is surprised by the letter.
        choices=[(r.value, f"{r.label}. In de brief: “{in_de_brief(r.value)}”") for r in Beeindigingsreden],
        help_text=(
            "Deze zin komt in de brief aan iedereen die een beschikking krijgt. Klopt hij niet voor ieder van "
            "hen, kies dan 'Andere reden'."
        ),
        error_messages={
            "required": "Kies de reden van de beëindiging; die staat in de brief.",
            "invalid_choice": "Kies een reden uit de lijst.",
        },
    )
    reden = forms.CharField(
        label="Interne toelichting (komt niet in de brief)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Vul de interne toelichting bij de beëindiging in."},
    )

    def __init__(self, *args, basis=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.basis = basis

    def clean_einddatum(self):
        # The service checks it again; here it comes in the same round as a missing reason.
        datum = self.cleaned_data.get("einddatum")
        if melding := beeindigingsdatum_fout(self.basis, datum):
            raise forms.ValidationError(melding)
        return datum


class VeiligheidSelect(forms.RadioSelect):
    pass


class EvaluatieForm(forms.Form):
    datum = forms.DateField(
        label="Evaluatiedatum",
        widget=DateInput(),
        error_messages={"required": "Vul de evaluatiedatum in.", "invalid": "Vul een geldige datum in."},
    )
    veiligheid = forms.ChoiceField(
        label="Huidige veiligheid (schaal van de taxatie)",
        widget=VeiligheidSelect,
        choices=[(v.value, f"{v.label}: {VEILIGHEID_OMSCHRIJVING[v]}") for v in Veiligheid],
        error_messages={"required": "Kies hoe veilig het nu is."},
    )
    voortgang = forms.CharField(
        label="Voortgang op de doelen",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf de voortgang op de doelen."},
    )
    advies = forms.ChoiceField(
        label="Advies",
        widget=forms.RadioSelect,
        choices=Advies.choices,
        error_messages={"required": "Kies een advies."},
    )
    toelichting = forms.CharField(
        label="Toelichting bij het advies", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, indicatie=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicatie = indicatie

    def clean_datum(self):
        # The service checks it again; here it comes in the same round as the other fields.
        datum = self.cleaned_data.get("datum")
        if self.indicatie is not None and (melding := evaluatiedatum_fout(self.indicatie, datum)):
            raise forms.ValidationError(melding)
        return datum


class RegisseurKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class CasusregisseurForm(RevisieForm):
    """R20: who keeps regie over the family. The choices are the casusregisseurs of the household's team;
    the service checks that again. A prefix keeps its ids apart from the other forms on the page."""

    prefix = "regie"
    casusregisseur = RegisseurKeuze(
        label="Casusregisseur",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Niemand",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"invalid_choice": "Kies een casusregisseur uit de lijst."},
    )

    def __init__(self, *args, indicatie, **kwargs):
        kwargs.setdefault("initial", {"casusregisseur": indicatie.casusregisseur_id, "revisie": indicatie.revisie})
        super().__init__(*args, **kwargs)
        self.fields["casusregisseur"].queryset = casusregisseurs_van_team(indicatie.huishouden.team_id)
