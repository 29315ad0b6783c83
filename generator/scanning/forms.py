from django import forms
from django.utils.translation import gettext_lazy as _

from generator.scanning.guard import RefusedURL, check_url


class ScanForm(forms.Form):
    url = forms.URLField(
        label=_("Adres van uw website"),
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een webadres in, zoals https://www.voorbeeld.nl.")},
    )
    pages = forms.IntegerField(
        label=_("Aantal pagina's"),
        min_value=1,
        max_value=20,
        initial=5,
        error_messages={
            "min_value": _("Minstens 1 pagina."),
            "max_value": _("Hoogstens 20 pagina's."),
        },
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        try:
            check_url(url)  # the web never scans loopback or a private network
        except RefusedURL as error:
            raise forms.ValidationError(str(error)) from None
        return url
