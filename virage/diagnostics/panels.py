"""Home-page panels of the diagnostics app (registered in apps.py)."""

from __future__ import annotations

from virage.enterprises.selectors import business_for_merchant

from . import permissions, presenters, selectors
from .progress import progress


def merchant_panel(request) -> dict | None:
    """The merchant's diagnostic: not started / in progress (how far) / submitted (score).
    Two queries: the business, its assessments."""
    business = business_for_merchant(user=request.user)
    if business is None:
        return None
    by_time_point = selectors.business_assessments(business=business)
    current = by_time_point.get("T1") or by_time_point.get("T0")
    t0 = by_time_point.get("T0")
    return {
        "business": business,
        "assessment": current,
        "t0": t0,
        "progress": progress(current.answers) if current and current.is_draft else None,
        "continue_url": presenters.continue_url(current) if current and current.is_draft else "",
        "can_start": current is None
        and permissions.can_start_t0(request.user, business_status=business.status),
    }


def staff_panel(request) -> dict:
    """Advisor (assigned businesses) or admin (all): drafts and submitted, by time point."""
    return {"counts": selectors.assessment_counts(user=request.user)}
