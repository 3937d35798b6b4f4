"""Reads of businesses, scoped by user."""

from __future__ import annotations

from .models import Business


def business_for_merchant(*, user) -> Business | None:
    """The business a merchant acts for (the first one if they belong to several)."""
    if user is None or not user.is_authenticated or user.role != "merchant":
        return None
    return (
        Business.objects.visible_to(user)
        .select_related("region", "subsector", "package", "advisor")
        .order_by("id")
        .first()
    )
