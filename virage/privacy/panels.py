"""Home-page panel of the privacy officer."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from .models import PrivacyRequest
from .permissions import can_manage_privacy


def officer_panel(request) -> dict | None:
    """Open requests and how many are due within a week or late (one query); None hides the
    panel for program admins who are not the privacy officer."""
    if not can_manage_privacy(request.user):
        return None
    today = timezone.localdate()
    soon = today + timezone.timedelta(days=7)
    counts = PrivacyRequest.objects.filter(status="open").aggregate(
        open=Count("id"),
        due_soon=Count("id", filter=Q(due_on__lte=soon, due_on__gte=today)),
        late=Count("id", filter=Q(due_on__lt=today)),
    )
    return counts
