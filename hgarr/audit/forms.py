from django import forms

from hgarr.bsn import is_geldig_bsn, normaliseer_bsn

from .models import Actie, Uitkomst


class ToegangslogFilterForm(forms.Form):
    van = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    bsn = forms.CharField(
        label="BSN van de betrokkene",
        required=False,
        max_length=20,
        help_text="Het BSN wordt niet opgeslagen: er wordt gezocht op de versleutelde waarde.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    # The keyed hash of a BSN: after a search by BSN the page redirects to a URL with this instead, so
    # the number never stands in a URL (browser history, proxy logs).
    subject = forms.RegexField(regex=r"^[0-9a-f]{64}$", required=False, widget=forms.HiddenInput)
    actie = forms.ChoiceField(label="Actie", required=False, choices=[("", "Alle acties"), *Actie.choices])
    uitkomst = forms.ChoiceField(label="Uitkomst", required=False, choices=[("", "Alle"), *Uitkomst.choices])

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data.get("bsn", ""))
        if bsn and not is_geldig_bsn(bsn):
            raise forms.ValidationError("Dit is geen geldig BSN (9 cijfers, elfproef).")
        return bsn

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
        return data
