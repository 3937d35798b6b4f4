"""Forms of intake: sign-up from an invitation, the application steps, locations, contacts,
review requests, and the program admin's decision, enrolment and list filters."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from virage.core.widgets import FastSelect
from virage.programs.models import Region, Subsector

from . import rules
from .models import Business, Cohort, Decision, Package

POSTAL_RE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$")


class SignUpForm(forms.Form):
    """The merchant's account, from the invitation (the e-mail comes from the callback entry)."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password, not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") != data.get("password1"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class BusinessStepForm(forms.Form):
    """Step 1: who the business is. Everything may be left blank until submission."""

    legal_name = forms.CharField(label=_("Legal name"), max_length=200, required=False)
    operating_name = forms.CharField(
        label=_("Operating name"),
        max_length=200,
        required=False,
        help_text=_("The name your customers know, if it differs from the legal name."),
    )
    neq = forms.CharField(
        label=_("Québec enterprise number (NEQ)"),
        max_length=14,
        required=False,
        help_text=_("10 digits, on your documents from the Registraire des entreprises."),
        widget=forms.TextInput({"inputmode": "numeric", "autocomplete": "off"}),
    )
    has_no_neq = forms.BooleanField(
        label=_("My business has no NEQ (e.g. a sole proprietorship under my own name)"),
        required=False,
    )
    subsector = forms.ModelChoiceField(
        label=_("Line of business (NAICS subsector)"),
        queryset=Subsector.objects.order_by("code"),
        required=False,
        empty_label=_("Choose… (or give another NAICS code below)"),
    )
    naics_code = forms.CharField(
        label=_("Other NAICS code"),
        max_length=6,
        required=False,
        help_text=_("Only if your activity is not in the list above: 2 to 6 digits."),
        widget=forms.TextInput({"inputmode": "numeric"}),
    )
    activity = forms.CharField(
        label=_("Main activity in a few words"),
        max_length=250,
        required=False,
        help_text=_("For example: women's clothing boutique, hardware store, bakery."),
    )
    employees = forms.IntegerField(
        label=_("Number of employees (full-time equivalents)"),
        min_value=0,
        max_value=100000,
        required=False,
        help_text=_("Count two half-time employees as one. Include yourself if you work there."),
    )
    revenue_band = forms.ChoiceField(
        label=_("Annual revenue"),
        choices=[("", _("Choose…")), *Business.RevenueBand.choices],
        required=False,
    )

    def clean_neq(self):
        value = re.sub(r"[\s-]+", "", self.cleaned_data.get("neq") or "")
        if value and not re.fullmatch(r"\d{10}", value):
            raise ValidationError(_("The NEQ has exactly 10 digits."))
        return value or None

    def clean_naics_code(self):
        value = (self.cleaned_data.get("naics_code") or "").strip()
        if value and not re.fullmatch(r"\d{2,6}", value):
            raise ValidationError(_("A NAICS code has 2 to 6 digits."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("neq") and data.get("has_no_neq"):
            self.add_error("has_no_neq", _("You gave a NEQ: untick this box, or erase the NEQ."))
        if data.get("subsector") and data.get("naics_code"):
            self.add_error(
                "naics_code",
                _("Choose a subsector in the list or give another code, not both."),
            )
        return data


class OnlineStepForm(forms.Form):
    """Step 3: what the business has online today (the program's baseline)."""

    has_website = forms.BooleanField(label=_("We have a web site"), required=False)
    website_url = forms.URLField(
        label=_("Web site address"),
        required=False,
        assume_scheme="https",
        help_text=_("For example: https://www.boutique.example"),
    )
    has_transactional_site = forms.BooleanField(
        label=_("Customers can order and pay on our web site"), required=False
    )
    has_marketplace = forms.BooleanField(
        label=_("We sell on marketplaces (e.g. Amazon, Etsy, Le Panier Bleu)"), required=False
    )
    marketplaces = forms.CharField(label=_("Which marketplaces?"), max_length=250, required=False)

    def clean(self):
        data = super().clean()
        if data.get("website_url") and not data.get("has_website"):
            data["has_website"] = True
        if data.get("has_transactional_site") and not data.get("has_website"):
            self.add_error(
                "has_website",
                _("Selling on your web site means you have one: tick this box too."),
            )
        return data


class LocationForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the location"),
        max_length=120,
        required=False,
        help_text=_("Optional, e.g. “Downtown store”."),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=250,
        widget=forms.TextInput({"autocomplete": "street-address"}),
    )
    city = forms.CharField(
        label=_("City"), max_length=120, widget=forms.TextInput({"autocomplete": "address-level2"})
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=8,
        widget=forms.TextInput({"autocomplete": "postal-code"}),
        help_text=_("For example: H2X 1Y4"),
    )
    region = forms.ModelChoiceField(
        label=_("Administrative region"),
        queryset=Region.objects.order_by("code"),
        empty_label=_("Choose…"),
    )

    def clean_postal_code(self):
        value = re.sub(r"\s+", "", self.cleaned_data.get("postal_code") or "").upper()
        if not POSTAL_RE.match(value):
            raise ValidationError(_("Enter a Canadian postal code, e.g. H2X 1Y4."))
        return f"{value[:3]} {value[3:]}"


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    role = forms.CharField(
        label=_("Role in the business"),
        max_length=120,
        required=False,
        help_text=_("For example: store manager, person in charge of the web site."),
    )


class ReviewRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why should the decision be reviewed?"),
        widget=forms.Textarea({"rows": 5}),
        max_length=4000,
        help_text=_(
            "Explain what the decision did not take into account, e.g. a location in Québec "
            "or the exact number of employees. A person from the team will answer."
        ),
    )


# --- program admin ----------------------------------------------------------------------------


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea({"rows": 4}),
        required=False,
        max_length=4000,
        help_text=_(
            "Required for a refusal or a review, and to accept against the proposal. The "
            "merchant reads it: write plainly."
        ),
    )


class EnrolmentForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.order_by("-starts_on"), empty_label=_("Choose…")
    )
    package = forms.ModelChoiceField(
        label=_("Package"),
        queryset=Package.objects.filter(is_active=True).order_by("order", "key"),
        empty_label=None,
    )
    reason = forms.CharField(
        label=_("Reason for another package"),
        widget=forms.Textarea({"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Required only if you choose another package than the suggested one."),
    )


ALL = pgettext_lazy("filter of the applications list", "All")


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search (name or NEQ)"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", ALL), *Business.Status.choices],
        widget=FastSelect,
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        required=False,
        empty_label=ALL,
        widget=FastSelect,
    )
    wave = forms.TypedChoiceField(
        label=_("Intake wave"), required=False, coerce=int, widget=FastSelect
    )
    package = forms.ModelChoiceField(
        label=_("Package"),
        queryset=Package.objects.order_by("order", "key"),
        required=False,
        empty_label=ALL,
        widget=FastSelect,
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.order_by("-starts_on"),
        required=False,
        empty_label=ALL,
        widget=FastSelect,
    )

    def __init__(self, *args, waves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = [("", ALL), *waves]


STATUS_BADGES = {
    rules.ELIGIBLE: "badge-ok",
    rules.ENROLLED: "badge-ok",
    rules.INELIGIBLE: "badge-err",
    rules.NEEDS_REVIEW: "badge-warn",
    rules.APPLIED: "badge-warn",
}
