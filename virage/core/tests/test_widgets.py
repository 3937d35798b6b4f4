"""FastSelect renders what Django's Select renders (whitespace between tags aside)."""

from __future__ import annotations

import re

import pytest
from django import forms

from virage.core.widgets import FastSelect


class _Form(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "All"), ("a", 'A <&> "quoted"'), ("b", "B")], required=False
    )
    number = forms.TypedChoiceField(choices=[("", "All"), (1, "one")], coerce=int, required=False)
    grouped = forms.ChoiceField(choices=[("Group <1>", [("1", "a"), ("2", "b")]), ("3", "c")])


def _squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize(
    "data", [{}, {"plain": "a", "number": "1", "grouped": "2"}, {"plain": "?"}]
)
@pytest.mark.parametrize("name", ["plain", "number", "grouped"])
def test_same_markup_as_django(data, name):
    form = _Form(data)
    form.is_valid()
    attrs = {"aria-describedby": "id_help", "aria-invalid": "true"}
    expected = form[name].as_widget(attrs=attrs)
    form.fields[name].widget.__class__ = FastSelect
    assert _squeeze(form[name].as_widget(attrs=attrs)) == _squeeze(expected)
