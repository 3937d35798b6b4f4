from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BudgetLine, Expense


class ExpenseForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Budget line"), queryset=BudgetLine.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=Expense.Kind.choices)
    incurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.CharField(
        label=_("Amount ($)"), max_length=20, help_text=_("In dollars, for example 1250.50")
    )
    description = forms.CharField(label=_("Description"), max_length=250)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.select_related("funder")

    def clean_amount(self) -> int:
        raw = self.cleaned_data["amount"].replace("\u00a0", "").replace(" ", "").replace("$", "")
        raw = raw.replace(",", ".")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise forms.ValidationError(_("Enter an amount in dollars, e.g. 1250.50.")) from None
        if value <= 0:
            raise forms.ValidationError(_("Enter an amount greater than zero."))
        if value.as_tuple().exponent < -2:
            raise forms.ValidationError(_("Use at most two decimals."))
        return int(value * 100)


class AccrueForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
