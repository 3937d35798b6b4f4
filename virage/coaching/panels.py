"""Home-page panels of the coaching app (registered in apps.py)."""

from __future__ import annotations

from django.utils import timezone

from virage.enterprises.models import Business
from virage.enterprises.panels import merchant_business

from . import selectors
from .models import Meeting
from .permissions import can_manage_advisors


def merchant(request):
    """Your advisor (name and contact), coaching hours and the next meeting: two queries
    (allowance, planned meetings) on top of the business the home page shares. None: no
    business."""
    business = merchant_business(request)
    if business is None:
        return None
    return {
        "data": {
            "advisor": business.advisor,
            "allowance": selectors.allowance_for(business=business),
            "next_meeting": next_meeting(business=business, now=timezone.now()),
        }
    }


def next_meeting(*, business, now):
    """The first planned meeting not over yet, as `selectors.merchant_coaching` sees it
    (planned, ends at or after `now`), reading only the planned meetings' times."""
    planned = (
        Meeting.objects.filter(business=business, status=Meeting.Status.PLANNED)
        .order_by("starts_at", "id")
        .only("pk", "starts_at", "planned_minutes", "actual_minutes", "status")
    )
    for meeting in planned:
        if meeting.ends_at >= now:
            return meeting
    return None


def advisor(request):
    rows = selectors.caseload(user=request.user)
    return {
        "count": len(rows),
        "attention": [r for r in rows if r.needs_attention][:5],
        "attention_count": sum(1 for r in rows if r.needs_attention),
    }


def admin(request):
    """Businesses in the program without an advisor (as `selectors.unassigned_count`: one
    count, without building the assignment list's query)."""
    user = request.user
    if not can_manage_advisors(user):
        return {"unassigned": 0}
    unassigned = (
        Business.objects.visible_to(user)
        .filter(status__in=selectors.CASELOAD_STATUSES, advisor__isnull=True)
        .count()
    )
    return {"unassigned": unassigned}
