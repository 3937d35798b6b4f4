"""Template helpers available everywhere (declared as builtins in settings)."""

from __future__ import annotations

from django import template
from django.urls import translate_url as django_translate_url

from virage.core.i18n import localized

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """`{{ solution|tr:"name" }}` → name_fr or name_en by the active language."""
    return localized(obj, field)


@register.simple_tag(takes_context=True)
def translate_url(context, language: str) -> str:
    """The current page's URL in another language."""
    request = context.get("request")
    if request is None:
        return f"/{language}/"
    return django_translate_url(request.get_full_path(), language)


@register.filter
def hours(minutes) -> str:
    """Format minutes as hours with one decimal: 90 → "1,5" in French, "1.5" in English."""
    from django.utils.formats import number_format

    if minutes in (None, ""):
        return "0"
    return number_format(round(minutes / 60, 1), decimal_pos=1)


@register.filter
def a11y(field):
    """Render a bound field with `aria-describedby` pointing at its help text and errors."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


def format_money(cents, language: str | None = None, *, decimals: int = 0) -> str:
    """12345678 cents → "123 457 $" (French) or "$123,457" (English)."""
    from virage.core.i18n import current_language

    if cents in (None, ""):
        return "—"
    lang = (language or current_language()).split("-")[0]
    value = cents / 100
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
        return f"{text}\u00a0$"
    return f"${text}" if value >= 0 else f"-${text[1:]}"


@register.filter
def money(cents) -> str:
    return format_money(cents)


@register.filter
def money_cents(cents) -> str:
    return format_money(cents, decimals=2)


@register.filter
def percent(value, decimals: int = 0) -> str:
    """0.4567 → "46 %" (French) / "46%" (English); None → "—"."""
    from virage.core.i18n import current_language

    if value is None:
        return "—"
    text = f"{value * 100:.{int(decimals)}f}"
    if current_language() == "fr":
        return f"{text.replace('.', ',')}\u00a0%"
    return f"{text}%"
