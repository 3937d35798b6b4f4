from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from virage.programs.models import Region

from .models import ApiKey


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("Who holds the key, e.g. « Site web de l'opérateur »."),
    )
    kind = forms.ChoiceField(label=_("Organisation"), choices=ApiKey.Kind.choices)
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), choices=ApiKey.Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    region = forms.ModelChoiceField(
        label=_("Region (partner keys)"), required=False, queryset=Region.objects.all()
    )
    funder = forms.ModelChoiceField(label=_("Funder (funder keys)"), required=False, queryset=None)
    rate_per_minute = forms.IntegerField(
        label=_("Requests per minute"), min_value=1, max_value=10_000, initial=120
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from virage.funding.models import Funder

        self.fields["funder"].queryset = Funder.objects.all()
