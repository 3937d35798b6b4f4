"""Forms of the callback list: what visitors and program admins type."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from virage.accounts.models import Role, User
from virage.core.widgets import FastSelect
from virage.programs.models import Region, Subsector

from . import rules
from .models import EntryStatus, IntakeWave

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SubsectorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}"


def _region_field(**kwargs):
    return RegionChoiceField(
        label=_("Administrative region"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("Choose a region"),
        **kwargs,
    )


def _subsector_field():
    return SubsectorChoiceField(
        label=_("Main activity (NAICS subsector)"),
        queryset=Subsector.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("Another activity, or I don't know"),
        help_text=_("The retail trade subsectors (NAICS 44–45) the program serves."),
    )


def _postal_code_field():
    return forms.CharField(
        label=_("Postal code of the business"),
        max_length=7,
        help_text=_("Of your main location, e.g. J2G 2V5."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )


def _clean_postal_code(value: str) -> str:
    if not rules.is_postal_code(value):
        raise ValidationError(_("Enter a Canadian postal code, e.g. J2G 2V5."))
    return rules.normalize_postal_code(value)


def _employees_field():
    return forms.IntegerField(
        label=_("Number of employees"),
        min_value=0,
        max_value=100000,
        help_text=_("Full-time equivalents, including yourself if you work in the business."),
    )


class EligibilityForm(forms.Form):
    """The public check (GET): nothing is stored."""

    subsector = _subsector_field()
    employees = _employees_field()
    postal_code = _postal_code_field()
    region = _region_field()

    def clean_postal_code(self):
        return _clean_postal_code(self.cleaned_data["postal_code"])


class SignupForm(forms.Form):
    """Joining the callback list. Consent boxes are separate, one per purpose, unticked."""

    business_name = forms.CharField(
        label=_("Business name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to confirm your entry."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    postal_code = _postal_code_field()
    region = _region_field()
    subsector = _subsector_field()
    employees = _employees_field()
    locations_count = forms.IntegerField(
        label=_("Number of locations (stores)"), min_value=1, max_value=999, initial=1
    )
    neq = forms.CharField(
        label=_("Québec enterprise number (NEQ)"),
        max_length=14,
        required=False,
        help_text=_("Optional: 10 digits, on your documents from the Registraire des entreprises."),
    )
    consent_contact = forms.BooleanField(
        label=_(
            "I agree that the program team contacts me by e-mail or phone about my place on "
            "the callback list and my invitation to apply."
        ),
        error_messages={
            "required": _("You must agree to be contacted about the program to join the list.")
        },
    )
    consent_newsletter = forms.BooleanField(
        label=_("I want to receive the program's newsletter (about one e-mail a month)."),
        required=False,
    )
    consent_research = forms.BooleanField(
        label=_(
            "I agree to be invited to surveys that evaluate the program (answering stays optional)."
        ),
        required=False,
    )

    def clean_email(self):
        return rules.normalize_email(self.cleaned_data["email"])

    def clean_postal_code(self):
        return _clean_postal_code(self.cleaned_data["postal_code"])

    def clean_neq(self):
        neq = rules.normalize_neq(self.cleaned_data.get("neq"))
        if neq and not rules.is_neq(neq):
            raise ValidationError(_("The NEQ has exactly 10 digits."))
        return neq or None


# fields of the eligibility check carried over to the sign-up form
PREFILL_FIELDS = ("subsector", "employees", "postal_code", "region")


def prefill_from(query) -> dict:
    """Initial values for the sign-up form from the eligibility check's query string."""
    return {name: query[name] for name in PREFILL_FIELDS if query.get(name)}


class CallbackFilterForm(forms.Form):
    """Filters of the admin list (GET)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *EntryStatus.choices],
        widget=FastSelect,
    )
    region = RegionChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
        widget=FastSelect,
    )
    wave = forms.ModelChoiceField(
        label=_("Wave"),
        queryset=IntakeWave.objects.all(),
        required=False,
        empty_label=_("All"),
        widget=FastSelect,
    )
    partner = forms.ModelChoiceField(
        label=_("Referred by"),
        # only what the option labels show (organisation, else the name or e-mail)
        queryset=User.objects.filter(role=Role.PARTNER)
        .only("pk", "organisation", "first_name", "last_name", "email")
        .order_by("organisation", "email"),
        required=False,
        empty_label=_("All"),
        widget=FastSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].label_from_instance = lambda u: u.organisation or str(u)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q") or "",
            "status": data.get("status") or "",
            "region": data.get("region"),
            "wave": data.get("wave"),
            "partner": data.get("partner"),
        }


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (or Excel's Windows encoding), comma or semicolon separated."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise ValidationError(_("Choose a .csv file."))
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 20 MB: split it in several files."))
        return upload


class WaveForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=100000)
    invitation_days = forms.IntegerField(
        label=_("Invitation valid for (days)"), min_value=1, max_value=90, initial=14
    )
    reminder_days = forms.IntegerField(
        label=_("Reminder (days before expiry)"), min_value=0, max_value=89, initial=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = list(Region.objects.order_by("code"))
        for region in self.regions:
            self.fields[f"quota_{region.code}"] = forms.IntegerField(
                label=region.name, min_value=0, max_value=100000, required=False
            )

    def quota_fields(self):
        return [self[f"quota_{r.code}"] for r in self.regions]

    def main_fields(self):
        return [self[name] for name in ("name", "places", "invitation_days", "reminder_days")]

    def clean(self):
        data = super().clean()
        days, reminder = data.get("invitation_days"), data.get("reminder_days")
        if days is not None and reminder is not None and reminder >= days:
            self.add_error(
                "reminder_days", _("The reminder must come before the invitation expires.")
            )
        places = data.get("places")
        for region in self.regions:
            n = data.get(f"quota_{region.code}")
            if places is not None and n is not None and n > places:
                self.add_error(
                    f"quota_{region.code}", _("A regional quota cannot exceed the wave's places.")
                )
        return data

    def quotas(self) -> dict:
        return {
            region: self.cleaned_data[f"quota_{region.code}"]
            for region in self.regions
            if self.cleaned_data.get(f"quota_{region.code}") is not None
        }


class WithdrawForm(forms.Form):
    """The program admin removes an entry at the person's request (phone, e-mail)."""

    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional, kept in the audit trail, e.g. “asked by phone on March 3”. "
            "Write no personal details."
        ),
    )
