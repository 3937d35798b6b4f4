"""How a report value reads on a page or in the PDF, by column kind (tables.py), in the
active language: "1 234", "41,7 %", "+10,5", "123 457 $", "septembre 2026"; a hidden cell
stays "< 5" and a missing one is "—". Exports keep the raw values instead."""

from __future__ import annotations

from datetime import date

from django.utils import formats

from virage.core.i18n import current_language
from virage.core.templatetags.virage import format_money

from . import suppression as S
from . import tables as T

MISSING = "—"


def _number(value, decimals: int | None = None) -> str:
    return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


def format_value(value, kind: str = T.COUNT) -> str:
    if S.is_hidden(value):
        return S.HIDDEN
    if value is None:
        return MISSING
    if value == "":
        return ""
    if kind == T.TEXT or (isinstance(value, str) and kind not in (T.MONTH, T.DATE)):
        return str(value)
    if kind in (T.COUNT, T.NUMBER):
        return _number(value)
    if kind == T.PERCENT:
        text = _number(value)  # already rounded (one decimal, two for shares of a target)
        return f"{text}\u00a0%" if current_language() == "fr" else f"{text}%"
    if kind in (T.HOURS, T.SCORE):
        return _number(value, 1)
    if kind == T.CHANGE:
        sign = "+" if value > 0 else ("−" if value < 0 else "")
        return f"{sign}{_number(abs(value), 1)}"
    if kind == T.MONEY:
        return format_money(value)
    if kind == T.MONTH:
        year, month = str(value).split("-")
        return formats.date_format(date(int(year), int(month), 1), "F Y")
    return str(value)
