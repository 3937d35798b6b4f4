"""Staff-written content has `<field>_fr` / `<field>_en` columns: read them through `localized`."""

from __future__ import annotations

from django.utils import translation


def current_language() -> str:
    return (translation.get_language() or "fr").split("-")[0]


def localized(obj, field: str, language: str | None = None) -> str:
    """Return `obj.<field>_<lang>`, falling back to French when the translation is empty."""
    lang = (language or current_language()).split("-")[0]
    value = getattr(obj, f"{field}_{lang}", None) if lang != "fr" else None
    if not value:
        value = getattr(obj, f"{field}_fr", "")
    return value or ""
