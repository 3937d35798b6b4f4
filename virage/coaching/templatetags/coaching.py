"""Template helpers of the coaching pages: `{% load coaching %}`."""

from __future__ import annotations

from django import template

from virage.core.i18n import current_language

register = template.Library()


@register.filter
def reason_text(reason) -> str:
    """A rules.Reason in the active language."""
    return reason.message(current_language())


@register.filter
def allowance_badge(allowance) -> str:
    """CSS modifier for an allowance level: ok, warn or err."""
    return {"ok": "ok", "warning": "warn", "exhausted": "err"}.get(allowance.level, "ok")
