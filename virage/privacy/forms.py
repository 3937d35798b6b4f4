"""Forms of the privacy pages: explicit fields only (no mass assignment)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AccessLogEntry, ConfidentialityIncident
from .services import INCIDENT_FIELDS, incident_check_dates


class ConsentActionForm(forms.Form):
    """One click: give or withdraw one purpose."""

    purpose = forms.ChoiceField(choices=())
    action = forms.ChoiceField(choices=[("give", _("Give")), ("withdraw", _("Withdraw"))])

    def __init__(self, *args, purposes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [(p.key, p.label) for p in purposes]


class ConsentCheckboxesMixin:
    """For sign-up forms of other apps: one unticked, optional box per optional purpose,
    separate from the terms. Use `consent_fields(role)` in the form's __init__ and read the
    ticked keys with `ticked_purposes(cleaned_data)`, then call `services.consent_give`."""

    CONSENT_PREFIX = "consent_"

    def add_consent_fields(self, *, role: str = "merchant") -> None:
        from .registry import purposes

        for purpose in purposes(role=role):
            if purpose.required:
                continue
            self.fields[f"{self.CONSENT_PREFIX}{purpose.key}"] = forms.BooleanField(
                label=purpose.label, help_text=purpose.description, required=False, initial=False
            )

    def ticked_purposes(self, cleaned_data) -> list[str]:
        prefix = self.CONSENT_PREFIX
        return [k[len(prefix) :] for k, v in cleaned_data.items() if k.startswith(prefix) and v]


class PrivacyRequestForm(forms.Form):
    details = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        required=False,
    )
    confirm = forms.BooleanField(required=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == "correction":
            self.fields["details"].required = True
            self.fields["details"].label = _("What is wrong, and what should it be?")
            self.fields["details"].help_text = _(
                "For example: the address of my second store is 12, rue King, not 21."
            )
            del self.fields["confirm"]
        else:
            self.fields["details"].label = _("Anything we should know (optional)")
            self.fields["confirm"].required = True
            self.fields["confirm"].label = _(
                "I understand that my account will be closed and my personal information "
                "anonymised once the privacy officer approves the request."
            )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Complete the request")), ("refuse", _("Refuse the request"))],
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes for the person (required to refuse)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuse" and not (data.get("notes") or "").strip():
            self.add_error("notes", _("Give the reason for the refusal."))
        return data


class AccessLogFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Staff member"), queryset=get_user_model().objects.none(), required=False
    )
    object_type = forms.ChoiceField(label=_("Record type"), required=False, choices=())
    business_id = forms.IntegerField(label=_("Business number"), required=False, min_value=1)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("All")), *AccessLogEntry.Action.choices],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, object_types: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = (
            get_user_model().objects.exclude(role="merchant").order_by("last_name", "first_name")
        )
        self.fields["object_type"].choices = [("", _("All")), *[(t, t) for t in object_types]]


class IncidentForm(forms.ModelForm):
    class Meta:
        model = ConfidentialityIncident
        fields = INCIDENT_FIELDS
        widgets = {
            "occurred_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "occurred_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "discovered_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "commission_notified_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "persons_notified_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in INCIDENT_FIELDS
                if name.endswith(("_fr", "_en")) or name in {"risk_assessment", "notices_details"}
            },
        }

    def clean(self):
        data = super().clean()
        if data.get("occurred_from") and data.get("discovered_on"):
            try:
                incident_check_dates(data)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    self.add_error(field, messages)
        return data
