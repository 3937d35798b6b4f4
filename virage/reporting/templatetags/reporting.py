"""`{% load reporting %}`: `{{ value|cell:"percent" }}` formats a report value (formatting.py)."""

from __future__ import annotations

from django import template

from virage.reporting.formatting import format_value

register = template.Library()


@register.filter
def cell(value, kind: str = "count") -> str:
    return format_value(value, kind)


@register.filter
def hidden(value) -> bool:
    """True for a cell hidden by small-cell suppression ("< 5")."""
    from virage.reporting.suppression import is_hidden

    return is_hidden(value)


@register.filter
def isodatetime(value):
    """An ISO date-time string (a report's "computed_at") as a datetime, for the date filter."""
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value) if value else None
