from django import forms


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code uit uw authenticator-app",
        max_length=8,
        help_text="Zes cijfers; de code verandert elke 30 seconden.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Vul de zes cijfers in die uw app nu toont.")
        return token
