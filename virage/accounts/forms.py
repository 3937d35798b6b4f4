from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import password_reset_send


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    username = auth_forms.UsernameField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is incorrect."),
        "inactive": _("This account is inactive."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Same neutral behaviour as Django's (no hint whether the address exists), but the
    e-mail goes through the task queue in the user's language."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, *args, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            password_reset_send(user=user)


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    language = forms.ChoiceField(
        label=_("Preferred language"), choices=User._meta.get_field("language").choices
    )


class OTPTokenForm(forms.Form):
    """A 6-digit code from the authenticator app, or a recovery code."""

    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6 digits shown in your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class MFASetupForm(forms.Form):
    token = forms.CharField(
        label=_("Code shown in the app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ReauthForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args, with_token: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if with_token:
            self.fields["token"] = forms.CharField(
                label=_("Code"),
                max_length=16,
                help_text=_(
                    "The 6 digits shown in your authenticator app, or one of your recovery codes."
                ),
                widget=forms.TextInput(
                    attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
                ),
            )


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
