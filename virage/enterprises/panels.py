"""Home-page panels of the enterprises app (registered in apps.py), and the merchant's business
shared by every merchant panel of the home page (one query for all of them)."""

from __future__ import annotations

from django.db.models import Count, F, Func, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce

from virage.core.navigation import shared
from virage.programs.models import Program
from virage.programs.selectors import program_for

from . import rules, selectors
from .models import Business, ProgramCounter


def merchant_business(request) -> Business | None:
    """The business the signed-in merchant acts for (the first one, by id, if they belong to
    several; None for other roles), fetched once per request with what the panels read:
    package and advisor (one query). The rows are not sorted by the database: a merchant
    belongs to one business or very few, and sorting a wide row in the ORM costs more than
    picking the smallest id here."""

    def load():
        user = request.user
        if user is None or not user.is_authenticated or user.role != "merchant":
            return None
        mine = Business.objects.visible_to(user).select_related("package", "advisor").order_by()
        return min(mine, key=lambda business: business.pk, default=None)

    return shared(request, "enterprises.business", load)


def merchant(request) -> dict | None:
    """Status of the merchant's business; while invited, what the application still lacks
    (two more queries: the application, a location exists). None: no business."""
    from .forms import STATUS_BADGES

    business = merchant_business(request)
    if business is None:
        return None
    missing = (
        len(selectors.application_missing(business=business))
        if business.status == rules.INVITED
        else 0
    )
    return {
        "business": business,
        "badge": STATUS_BADGES.get(business.status, ""),
        "missing": missing,
    }


# The statuses the admin's panel counts (each read from the status index, not the table).
ADMIN_STATUSES = (rules.APPLIED, rules.NEEDS_REVIEW, rules.ELIGIBLE, rules.INVITED)


def admin(request) -> dict:
    """Applications by status and places taken: two queries (the businesses of the four
    statuses counted by status, from the status index; the places)."""
    by_status = dict(
        Business.objects.visible_to(request.user)
        .filter(status__in=ADMIN_STATUSES)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    applied = by_status.get(rules.APPLIED, 0)
    needs_review = by_status.get(rules.NEEDS_REVIEW, 0)
    counts = {
        "to_decide": applied + needs_review,
        "applied": applied,
        "needs_review": needs_review,
        "to_enrol": by_status.get(rules.ELIGIBLE, 0),
        "in_progress": by_status.get(rules.INVITED, 0),
    }
    return {"counts": counts, "places": places(program=program_for(request))}


def places(*, program) -> dict:
    """As `selectors.program_places` (the place counter, or the businesses enrolled before the
    counter exists), in one query whatever the data: COALESCE reads the counter and counts
    the enrolled businesses only when there is no counter."""
    if program is None:
        return {"enrolled": 0, "capacity": 0, "left": 0}
    counter = ProgramCounter.objects.filter(program=program).values("enrolled")[:1]
    enrolled_count = (
        Business.objects.filter(enrolled_at__isnull=False)
        .order_by()
        .values(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    )
    enrolled = (
        Program.objects.filter(pk=program.pk)
        .values_list(
            Coalesce(
                Subquery(counter), Subquery(enrolled_count), Value(0), output_field=IntegerField()
            ),
            flat=True,
        )
        .get()
    )
    capacity = program.target_businesses
    return {"enrolled": enrolled, "capacity": capacity, "left": max(capacity - enrolled, 0)}
