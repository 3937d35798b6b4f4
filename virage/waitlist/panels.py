"""Home-page panels of the waitlist app (registered in apps.py)."""

from __future__ import annotations

from django.db.models import Count


def partner(request) -> dict:
    """The partner's referral link and the sign-ups it brought (counts only, "< 5")."""
    from django.urls import reverse

    from .selectors import referral_panel
    from .services import referral_code_ensure

    code = referral_code_ensure(partner=request.user)
    context = referral_panel(partner=request.user, code=code)
    context["url"] = request.build_absolute_uri(
        reverse("waitlist:referral", kwargs={"code": code.code})
    )
    return context


def admin(request) -> dict:
    """Callback entries by status (as `selectors.callback_summary`: one query, counted by
    status from the queue index instead of one filtered count per status over the table) and
    the open intake waves (one query)."""
    from .models import CallbackEntry, EntryStatus, IntakeWave
    from .permissions import can_manage_intake

    if not can_manage_intake(request.user):
        return {}
    by_status = dict(CallbackEntry.objects.order_by().values_list("status").annotate(n=Count("pk")))
    summary = {status.value: by_status.get(status.value, 0) for status in EntryStatus}
    summary["open_waves"] = IntakeWave.objects.filter(status=IntakeWave.Status.OPEN).count()
    return summary
