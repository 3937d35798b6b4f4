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
