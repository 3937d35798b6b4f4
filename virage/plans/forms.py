from __future__ import annotations

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from virage.catalog.models import Solution, SolutionCategory
from virage.core.i18n import localized

from . import transitions
from .models import Plan, PlanAction
from .services import COMMENT_MAX_LENGTH

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionFieldsForm(forms.Form):
    """What the advisor writes on an action (shared by the add and edit forms)."""

    title_fr = forms.CharField(label=_("Title in French"), max_length=200)
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        required=False,
        help_text=_("Optional: the French title is shown when it is empty."),
    )
    why_fr = forms.CharField(
        label=_("Why, in French"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In plain words, citing what the merchant answered."),
    )
    why_en = forms.CharField(
        label=_("Why, in English"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DATE_WIDGET)
    owner = forms.ChoiceField(
        label=_("Who does it"),
        choices=PlanAction.Owner.choices,
        initial=PlanAction.Owner.MERCHANT,
        widget=forms.RadioSelect,
    )
    owner_other = forms.CharField(
        label=_("Name of the person or firm"),
        max_length=120,
        required=False,
        help_text=_("When someone else does it, e.g. a web agency or the accountant."),
    )

    def clean(self):
        data = super().clean()
        if data.get("owner") == PlanAction.Owner.OTHER and not data.get("owner_other"):
            self.add_error("owner_other", _("Say who does it."))
        return data


class ActionAddForm(ActionFieldsForm):
    """A new action: a solution category (which brings its candidate solutions, training
    modules and capsules) or a free-text action."""

    category = forms.ModelChoiceField(
        label=_("Solution category"),
        queryset=SolutionCategory.objects.order_by("order", "key"),
        to_field_name="key",
        required=False,
        empty_label=_("None: a free-text action"),
        help_text=_("With a category, the action lists the solutions that fit the business."),
    )
    request_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    field_order = ["category", "title_fr", "title_en", "why_fr", "why_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fr"].required = False
        self.fields["title_fr"].help_text = _("Leave empty to use the category's name.")
        self.fields["category"].label_from_instance = lambda c: localized(c, "name")
        if not self.is_bound:
            self.initial.setdefault("request_token", uuid.uuid4().hex)

    def clean(self):
        data = super().clean()
        if not data.get("category") and not data.get("title_fr"):
            self.add_error("title_fr", _("Give the action a title, or choose a category."))
        return data


class ActionEditForm(ActionFieldsForm):
    pass


class StatusForm(forms.Form):
    """Move an action along. The statuses offered are the ones the user's role may choose
    from the current one; implemented asks which solution went live and when; dropped asks
    why."""

    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    solution = forms.ChoiceField(label=_("Solution that went live"), required=False)
    implemented_note = forms.CharField(
        label=_("Or describe what went live"),
        max_length=200,
        required=False,
        help_text=_("When the solution is not in the catalog, e.g. a site built by an agency."),
    )
    implemented_at = forms.DateField(label=_("Went live on"), required=False, widget=DATE_WIDGET)
    reason = forms.CharField(
        label=_("Why it is dropped"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, action: PlanAction, role: str, candidates, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        labels = dict(PlanAction.Status.choices)
        self.fields["status"].choices = [
            (status, labels[status]) for status in transitions.next_statuses(action.status, role)
        ]
        choices: list = [("", _("Choose a solution"))]
        if candidates:
            choices.append((_("Suggested in the plan"), [(s.key, s.name) for s in candidates]))
        if others:
            choices.append((_("Other solutions in the catalog"), [(s.key, s.name) for s in others]))
        self.fields["solution"].choices = choices
        self._solutions = {s.key: s for s in [*candidates, *others]}
        if not self.is_bound:
            self.initial.setdefault("implemented_at", timezone.localdate())

    def clean_solution(self) -> Solution | None:
        key = self.cleaned_data.get("solution")
        return self._solutions.get(key) if key else None


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment for your advisor"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A question, something to change, a constraint to keep in mind."),
    )


class PlanFilterForm(forms.Form):
    """Filters of the plan list (GET); a value that does not validate is ignored."""

    q = forms.CharField(label=_("Business name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Plan status"),
        required=False,
        choices=[("", _("All")), *Plan.Status.choices],
    )
    overdue = forms.BooleanField(label=_("Only plans with overdue actions"), required=False)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": (data.get("q") or "").strip(),
            "status": data.get("status") or "",
            "overdue": bool(data.get("overdue")),
        }
