"""Filter forms of the dashboards (GET): period, region, cohort, package; the quarter of a
funder report. Choices come from the view (one query each), so the forms run no query."""

from __future__ import annotations

from django import forms
from django.utils.translation import pgettext, pgettext_lazy

from .filters import Filters, Quarter


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class FilterForm(forms.Form):
    start = forms.DateField(
        label=pgettext_lazy("reporting", "From"),
        required=False,
        widget=DateInput(),
        help_text=pgettext_lazy("reporting", "First day of the period (included)."),
    )
    end = forms.DateField(
        label=pgettext_lazy("reporting", "To"),
        required=False,
        widget=DateInput(),
        help_text=pgettext_lazy("reporting", "Last day of the period (included)."),
    )
    region = forms.ChoiceField(label=pgettext_lazy("reporting", "Region"), required=False)
    cohort = forms.TypedChoiceField(
        label=pgettext_lazy("reporting", "Cohort"), required=False, coerce=int, empty_value=None
    )
    package = forms.ChoiceField(label=pgettext_lazy("reporting", "Package"), required=False)

    funder = forms.ChoiceField(label=pgettext_lazy("reporting", "Funder"), required=False)

    def __init__(
        self,
        data=None,
        *,
        regions,
        cohorts,
        packages,
        region_mode: str = "all",
        funders=None,
    ):
        """`region_mode`: "all" (any region or all of them), "pick" (one region, required:
        the admin's preview of a partner's dashboard) or "none" (a partner: own region).
        `funders`: the admin's choice of funder on the funder pages (None: no such field)."""
        super().__init__(data)
        region_choices = [(r.code, str(r)) for r in regions]
        if region_mode == "all":
            self.fields["region"].choices = [
                ("", pgettext("reporting", "All regions")),
                *region_choices,
            ]
        elif region_mode == "pick":
            self.fields["region"].choices = region_choices
            self.fields["region"].required = True
            if regions:
                self.fields["region"].initial = regions[0].code
        else:
            del self.fields["region"]
        if funders is None:
            del self.fields["funder"]
        else:
            self.fields["funder"].choices = [
                ("", pgettext("reporting", "No funder (program figures only)"))
            ] + [(f.key, f.name) for f in funders]
        self.fields["cohort"].choices = [("", pgettext("reporting", "All cohorts"))] + [
            (str(c.pk), c.name) for c in cohorts
        ]
        self.fields["package"].choices = [("", pgettext("reporting", "All packages"))] + [
            (p.key, p.name) for p in packages
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", pgettext("reporting", "The end of the period must be on or after its start.")
            )
        return data

    def filters(self) -> Filters:
        """The filters typed in (call after is_valid())."""
        data = self.cleaned_data
        return Filters(
            start=data.get("start"),
            end=data.get("end"),
            region=data.get("region") or "",
            cohort=data.get("cohort"),
            package=data.get("package") or "",
        )


class QuarterForm(forms.Form):
    quarter = forms.ChoiceField(label=pgettext_lazy("reporting", "Quarter"))
    funder = forms.ChoiceField(label=pgettext_lazy("reporting", "Funder"), required=False)

    def __init__(self, data=None, *, quarters: list[Quarter], labels: dict[str, str], funders=None):
        """`funders`: the admin's choice of funder (None: the funder's own, no field)."""
        super().__init__(data)
        self.fields["quarter"].choices = [(q.key, labels[q.key]) for q in reversed(quarters)]
        if quarters:
            self.fields["quarter"].initial = quarters[-1].key
        if funders is None:
            del self.fields["funder"]
        else:
            self.fields["funder"].choices = [
                ("", pgettext("reporting", "No funder (program figures only)"))
            ] + [(f.key, f.name) for f in funders]

    def chosen(self) -> Quarter:
        return Quarter.parse(self.cleaned_data["quarter"])
