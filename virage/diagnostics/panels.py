"""Home-page panels of the diagnostics app (registered in apps.py)."""

from __future__ import annotations

from django.db.models import Count

from virage.core.navigation import shared
from virage.enterprises.panels import merchant_business

from . import permissions, presenters
from .models import Assessment
from .progress import progress


def merchant_assessments(request) -> dict:
    """{time point: assessment} of the merchant's business, the submitted one winning (as
    `selectors.business_assessments`, without the people it names: no panel shows them),
    read once per request: the capsules panel reads the T0 answers too. {}: no business.
    One query; a business has at most one draft and one submitted assessment per time
    point, so the rows are sorted here."""

    def load():
        business = merchant_business(request)
        if business is None:
            return {}
        result = {}
        rows = Assessment.objects.filter(business=business).order_by()
        for assessment in sorted(rows, key=lambda a: (a.time_point, a.status, a.pk)):
            # draft before submitted: a submitted assessment replaces a draft
            result[assessment.time_point] = assessment
        return result

    return shared(request, "diagnostics.assessments", load)


def merchant_panel(request) -> dict | None:
    """The merchant's diagnostic: not started / in progress (how far) / submitted (score).
    One query (its assessments) on top of the business the home page shares."""
    business = merchant_business(request)
    if business is None:
        return None
    by_time_point = merchant_assessments(request)
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
    """Advisor (assigned businesses) or admin (all): drafts and submitted, by time point (as
    `selectors.assessment_counts`: one query, counted by time point and status from their
    index instead of four filtered counts over the table)."""
    rows = (
        Assessment.objects.visible_to(request.user)
        .order_by()
        .values_list("time_point", "status")
        .annotate(n=Count("pk"))
    )
    found = {(time_point, status): n for time_point, status, n in rows}
    t0, t1 = Assessment.TimePoint.T0, Assessment.TimePoint.T1
    draft, submitted = Assessment.Status.DRAFT, Assessment.Status.SUBMITTED
    return {
        "counts": {
            "t0_draft": found.get((t0, draft), 0),
            "t0_submitted": found.get((t0, submitted), 0),
            "t1_draft": found.get((t1, draft), 0),
            "t1_submitted": found.get((t1, submitted), 0),
        }
    }
