"""Forms of the coaching pages: they parse and check input; services do the writes."""

from __future__ import annotations

import uuid
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from virage.programs.selectors import region_list, subsector_list

from .models import LANGUAGE_CHOICES, AdvisorProfile, Meeting
from .services import (
    MAX_EXTENSION_MINUTES,
    MAX_MEETING_MINUTES,
    MIN_ACTUAL_MINUTES,
    MIN_MEETING_MINUTES,
)


class TokenMixin(forms.Form):
    """A hidden token generated with the empty form: submitting twice creates nothing twice."""

    request_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("request_token", uuid.uuid4())


class AdvisorProfileForm(forms.Form):
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions served"),
        queryset=region_list(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    subsectors = forms.ModelMultipleChoiceField(
        label=_("Subsectors of expertise"),
        queryset=subsector_list(eligible_only=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_caseload = forms.IntegerField(
        label=_("Maximum caseload"),
        min_value=1,
        max_value=500,
        help_text=_("Number of businesses this advisor can follow at once."),
    )
    availability = forms.ChoiceField(
        label=_("Availability"),
        choices=AdvisorProfile.Availability.choices,
        widget=forms.RadioSelect,
    )


class AssignForm(forms.Form):
    advisor = forms.TypedChoiceField(
        label=_("Advisor"), coerce=int, widget=forms.RadioSelect, empty_value=None
    )
    reason = forms.CharField(
        label=_("Reason for the reassignment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, suggestions=(), reassigning: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.reassigning = reassigning
        self.fields["advisor"].choices = [(s.advisor_id, s.name) for s in suggestions]
        if reassigning:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = _(
                "Give the reason for the reassignment."
            )
            self.fields["reason"].help_text = _(
                "Required: the merchant and the program may ask why the advisor changed."
            )
        else:
            self.fields["reason"].label = _("Note (optional)")

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.reassigning and not reason:
            raise forms.ValidationError(_("Give the reason for the reassignment."))
        return reason


class BulkSelectionForm(forms.Form):
    """GET: which businesses to propose for (a cohort, or businesses ticked in the list)."""

    cohort = forms.IntegerField(required=False, widget=forms.HiddenInput)
    business = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, business_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business"].choices = [(b, b) for b in business_ids]


class BulkConfirmForm(forms.Form):
    pair = forms.MultipleChoiceField(
        label=_("Assignments to confirm"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one assignment to confirm.")},
    )

    def __init__(self, *args, pairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pair"].choices = [(f"{b}:{a}", f"{b}:{a}") for b, a in pairs]

    def pairs(self) -> list[tuple[int, int]]:
        result = []
        for value in self.cleaned_data["pair"]:
            business, advisor = value.split(":", 1)
            result.append((int(business), int(advisor)))
        return result


class MeetingPlanForm(TokenMixin):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    planned_minutes = forms.IntegerField(
        label=_("Planned duration (minutes)"),
        min_value=MIN_MEETING_MINUTES,
        max_value=MAX_MEETING_MINUTES,
        initial=60,
    )
    mode = forms.ChoiceField(
        label=_("Mode"), choices=Meeting.Mode.choices, widget=forms.RadioSelect
    )
    location = forms.CharField(
        label=_("Where"),
        max_length=250,
        required=False,
        help_text=_("Address for an on-site meeting, video link, or the number to call."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("Sent to the merchant with the invitation."),
    )

    field_order = ["date", "time", "planned_minutes", "mode", "location", "agenda"]

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("date"), cleaned.get("time")
        if day and time:
            starts_at = timezone.make_aware(datetime.combine(day, time))
            if starts_at <= timezone.now():
                self.add_error("date", _("Choose a date and time in the future."))
            cleaned["starts_at"] = starts_at
        if cleaned.get("mode") == Meeting.Mode.VIDEO and not cleaned.get("location"):
            self.add_error("location", _("Give the video link."))
        if cleaned.get("mode") == Meeting.Mode.PHONE and not cleaned.get("location"):
            self.add_error("location", _("Give the phone number to call."))
        return cleaned


class MeetingLogForm(forms.Form):
    actual_minutes = forms.IntegerField(
        label=_("Actual duration (minutes)"),
        min_value=MIN_ACTUAL_MINUTES,
        max_value=MAX_MEETING_MINUTES,
        help_text=_("Counts against the business's coaching allowance."),
    )
    topics = forms.CharField(
        label=_("Topics covered"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    plan_actions = forms.TypedMultipleChoiceField(
        label=_("Plan actions worked on"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Shown to the merchant."),
    )
    private_notes = forms.CharField(
        label=_("Private notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=8000,
        required=False,
        help_text=_(
            "For you and the program administration only: never shown to the merchant, "
            "partners or funders, never in the merchant's data export."
        ),
    )

    def __init__(self, *args, action_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_actions"].choices = list(action_choices)
        if not action_choices:
            del self.fields["plan_actions"]


class MeetingCorrectForm(forms.Form):
    """Correct a meeting held: the values `MeetingLogForm` recorded (plan actions aside), and
    why. Without `private_notes` (a user who may not see them), the notes stay as they are."""

    actual_minutes = forms.IntegerField(
        label=_("Actual duration (minutes)"),
        min_value=MIN_ACTUAL_MINUTES,
        max_value=MAX_MEETING_MINUTES,
        help_text=_("Counts against the business's coaching allowance."),
    )
    topics = forms.CharField(
        label=_("Topics covered"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Shown to the merchant."),
    )
    private_notes = forms.CharField(
        label=_("Private notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=8000,
        required=False,
        help_text=_(
            "For you and the program administration only: never shown to the merchant, "
            "partners or funders, never in the merchant's data export."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text=_("Kept in the audit trail with the minutes before and after."),
        error_messages={"required": _("Give the reason for the correction.")},
    )

    def __init__(self, *args, show_private_notes: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_private_notes:
            del self.fields["private_notes"]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the correction."))
        return reason


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )


class ExtensionForm(TokenMixin):
    minutes = forms.IntegerField(
        label=_("Extra minutes"), min_value=1, max_value=MAX_EXTENSION_MINUTES
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the audit trail; the funders may ask why hours were added."),
    )

    field_order = ["minutes", "reason"]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the extension."))
        return reason


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
