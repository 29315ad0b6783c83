from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from generator.lib import validators
from generator.wizard.forms.base import lib_validator


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), help_text=_("Hiermee logt u in."))
    password = forms.CharField(
        label=_("Wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 8 tekens, niet alleen cijfers en niet te voor de hand liggend."),
    )
    workspace_name = forms.CharField(
        label=_("Naam van uw werkruimte"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld uw bedrijfsnaam. Leeg: uw e-mailadres."),
        # It goes into e-mail subjects: one visible line (a newline made sending fail).
        validators=[lib_validator(validators.plain_line)],
    )

    def clean_email(self) -> str:
        # Whether the address already has an account is not said here, or anywhere a visitor
        # sees it (issue 17): account_signup answers a known address as a new one.
        return self.cleaned_data["email"].lower()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("password") and data.get("email"):
            user = get_user_model()(username=data["email"], email=data["email"])
            try:
                password_validation.validate_password(data["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van uw collega"))


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mailadres"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
