"""Home-page panels of the training app (registered in apps.py)."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone

from virage.core.i18n import localized
from virage.enterprises.panels import merchant_business

from .models import Registration, TrainingSession
from .selectors import allowance_for


def merchant(request) -> dict | None:
    """Training hours and the next session booked ({"title", "starts_at"} or None): two
    queries (next registration, allowance) on top of the business the home page shares.
    None: no business."""
    business = merchant_business(request)
    if business is None:
        return None
    upcoming = (
        Registration.objects.filter(
            business=business,
            status=Registration.Status.REGISTERED,
            session__starts_at__gt=timezone.now(),
        )
        .order_by("session__starts_at", "id")
        .values("session__starts_at", "session__module__title_fr", "session__module__title_en")
        .first()
    )
    if upcoming is not None:
        module = SimpleNamespace(
            title_fr=upcoming["session__module__title_fr"],
            title_en=upcoming["session__module__title_en"],
        )
        upcoming = {
            "title": localized(module, "title"),
            "starts_at": upcoming["session__starts_at"],
        }
    return {"allowance": allowance_for(business=business), "next": upcoming}


def trainer(request) -> dict:
    """The trainer's next session and the past sessions still to close (two queries)."""
    now = timezone.now()
    mine = TrainingSession.objects.visible_to(request.user)
    return {
        "next": mine.upcoming(now).select_related("module").order_by("starts_at").first(),
        "to_close": mine.filter(
            status=TrainingSession.Status.SCHEDULED, starts_at__lte=now
        ).count(),
    }
