from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Solution

SORT_NAME = "name"
SORT_FIT = "fit"


class SolutionFilterForm(forms.Form):
    """Filters of the public catalog page (GET). Unknown values are reported on the field."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    max_price = forms.ChoiceField(
        label=_("Price"),
        required=False,
        choices=[("", _("Any price")), *Solution.PriceRange.choices],
        help_text=_("Approximate monthly cost of the entry plan, up to the band chosen."),
    )
    french_interface = forms.BooleanField(label=_("Interface in French"), required=False)
    quebec_vendor = forms.BooleanField(label=_("Québec-based vendor"), required=False)
    multi_location = forms.BooleanField(label=_("Handles several locations"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(SORT_NAME, _("By name")), (SORT_FIT, _("By fit to my business"))],
        help_text=_("Fit to your business applies once a category is chosen."),
    )

    def __init__(self, *args, categories, can_sort_by_fit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            ("", _("All categories")),
            *((c.key, c.name) for c in categories),
        ]
        if not can_sort_by_fit:
            del self.fields["sort"]

    def clean_max_price(self):
        # "free" as an upper bound keeps free solutions only: the label says "up to".
        return self.cleaned_data["max_price"] or None
