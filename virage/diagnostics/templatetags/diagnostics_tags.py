"""Template filters of the diagnostics pages: scores, changes and bands."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from virage.diagnostics import questionnaire as qn

register = template.Library()


@register.filter
def score(value) -> str:
    """A 0-100 score with one decimal in the active language ("46,7" / "46.7"); "n/a" when
    nothing applied."""
    if value is None or value == "":
        return _("n/a")
    return number_format(value, decimal_pos=1)


@register.filter
def signed(value) -> str:
    """A change with its sign: "+12,7", "−3,0", "0,0"."""
    if value is None or value == "":
        return _("n/a")
    text = number_format(abs(value), decimal_pos=1)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return text


@register.filter
def band(key):
    """The Band of a band key (``"average"``), to show with ``|tr:"label"``."""
    return qn.BANDS_BY_KEY.get(key)


@register.filter
def change_class(value) -> str:
    if value is None or value == 0:
        return "diag-same"
    return "diag-up" if value > 0 else "diag-down"
