"""Intake forms. Every error is Dutch, shown at the field and in the summary; nothing typed is lost."""

from datetime import date

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from hgarr.bsn import is_geldig_bsn, normaliseer_bsn
from hgarr.datums import is_volwassen_op

from .models import Gezinslid, Huishouden, Rol

EARLIEST_BIRTH_DATE = date(1900, 1, 1)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


ADRESVELDEN = ("straat", "huisnummer", "postcode", "plaats")


class HuishoudenForm(forms.ModelForm):
    """Fields in two groups: the registration, and the address on one row (formulier.html)."""

    def algemene_velden(self):
        return [self[n] for n in self.fields if n not in ADRESVELDEN and not self[n].is_hidden]

    def adresvelden(self):
        return [self[n] for n in ADRESVELDEN]

    class Meta:
        model = Huishouden
        fields = ["gemeente", "toeleiding", "registratiedatum", "straat", "huisnummer", "postcode", "plaats"]
        widgets = {"registratiedatum": DateInput()}

    def clean_postcode(self):
        return _postcode(self.cleaned_data.get("postcode", ""))


def _postcode(waarde: str) -> str:
    waarde = (waarde or "").replace(" ", "").upper()
    if waarde and not (len(waarde) == 6 and waarde[:4].isdigit() and waarde[4:].isalpha()):
        raise forms.ValidationError("Vul een postcode in als 1234 AB.")
    return f"{waarde[:4]} {waarde[4:]}" if waarde else ""


class GezinslidForm(forms.ModelForm):
    """A member. The template shows the fields in groups: person and role, own address (only when the
    person lives elsewhere) and correspondence address (only with a confidential address)."""

    EIGEN_ADRES = ADRESVELDEN
    CORRESPONDENTIEADRES = tuple(f"corr_{n}" for n in ADRESVELDEN)
    APART = ("woont_elders", "vertrouwelijk_adres", "geen_berichtenverkeer", "DELETE")

    def persoonsvelden(self):
        overig = set(self.EIGEN_ADRES + self.CORRESPONDENTIEADRES + self.APART)
        return [self[n] for n in self.fields if n not in overig and not self[n].is_hidden]

    def eigen_adresvelden(self):
        return [self[n] for n in self.EIGEN_ADRES]

    def correspondentievelden(self):
        return [self[n] for n in self.CORRESPONDENTIEADRES]

    rollen = forms.MultipleChoiceField(
        label="Rollen",
        choices=Rol.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Onbekende rol: %(value)s. Kies slachtoffer, pleger, getuige of overig."},
    )

    class Meta:
        model = Gezinslid
        fields = [
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "bsn",
            "geslacht",
            "rollen",
            "relatie",
            "doet_mee",
            "heeft_gezag",
            "woont_elders",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "vertrouwelijk_adres",
            "corr_straat",
            "corr_huisnummer",
            "corr_postcode",
            "corr_plaats",
            "geen_berichtenverkeer",
        ]
        widgets = {"geboortedatum": DateInput()}
        error_messages = {
            "voornamen": {"required": "Vul de voornamen in."},
            "achternaam": {"required": "Vul de achternaam in."},
            "geboortedatum": {"required": "Vul de geboortedatum in.", "invalid": "Vul een geldige datum in."},
            "relatie": {"required": "Kies de relatie in het gezin."},
        }

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data.get("bsn", ""))
        if bsn and not is_geldig_bsn(bsn):
            raise forms.ValidationError("Dit BSN is ongeldig: het moet uit 9 cijfers bestaan en de elfproef halen.")
        return bsn

    def clean_geboortedatum(self):
        d = self.cleaned_data.get("geboortedatum")
        if d and d > date.today():
            raise forms.ValidationError("De geboortedatum ligt in de toekomst.")
        if d and d < EARLIEST_BIRTH_DATE:
            raise forms.ValidationError("De geboortedatum ligt vóór 1900.")
        return d

    def clean_postcode(self):
        return _postcode(self.cleaned_data.get("postcode", ""))

    def clean_corr_postcode(self):
        return _postcode(self.cleaned_data.get("corr_postcode", ""))

    def clean(self):
        data = super().clean()
        geboortedatum = data.get("geboortedatum")
        if data.get("heeft_gezag") and geboortedatum and not is_volwassen_op(geboortedatum, date.today()):
            self.add_error("heeft_gezag", "Een kind (jonger dan 18) kan geen gezag hebben.")
        if data.get("woont_elders") and not (data.get("straat") and data.get("huisnummer") and data.get("plaats")):
            self.add_error(
                "straat", "Vul het eigen adres in (straat, huisnummer en plaats) als deze persoon elders woont."
            )
        if data.get("vertrouwelijk_adres") and not (
            data.get("corr_straat") and data.get("corr_huisnummer") and data.get("corr_plaats")
        ):
            self.add_error(
                "corr_straat",
                "Vul een correspondentieadres in: bij een vertrouwelijk adres gaat post alleen daarheen.",
            )
        return data


class BaseLedenFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        actief = [f for f in self.forms if f.has_changed() or f.instance.pk]
        actief = [f for f in actief if not (self.can_delete and self._should_delete_form(f))]
        if not actief:
            raise forms.ValidationError("Een huishouden heeft minstens één gezinslid.")
        gezien: dict[str, int] = {}
        for form in actief:
            bsn = form.cleaned_data.get("bsn")
            if not bsn:
                continue
            if bsn in gezien:
                form.add_error("bsn", "Dit BSN komt al voor bij een ander lid van dit huishouden.")
            gezien[bsn] = 1


LedenFormSet = inlineformset_factory(
    Huishouden,
    Gezinslid,
    form=GezinslidForm,
    formset=BaseLedenFormSet,
    extra=0,
    can_delete=True,
)


class ZoekForm(forms.Form):
    q = forms.CharField(label="Zoek op naam of BSN", required=False, max_length=100)
