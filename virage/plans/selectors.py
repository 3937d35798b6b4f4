"""Reads of plans, scoped by user, and the outcome figures reporting uses.

Outcome selectors count in the database (annotate/aggregate); they take an optional
`businesses` queryset so reporting can scope them (a region, a cohort) and apply its
small-cell rule.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Lower, TruncDate

from virage.catalog.models import Solution, SolutionCategory
from virage.enterprises.models import Business

from . import transitions
from .models import PUBLISHED_STATUSES, Plan, PlanAction, PlanActionSolution, PlanEvent
from .rules import Profile

# --------------------------------------------------------------------------------------------
# Profile of a business (input of the recommendation engine and of catalog fit)
# --------------------------------------------------------------------------------------------


def business_profile(business: Business) -> Profile:
    """What the engine needs to know about `business` (one query: its locations)."""
    locations = business.locations.count()
    return Profile(
        employees=business.employees or 0,
        locations=max(locations, 1),
        subsector=business.subsector.code if business.subsector_id else "",
        has_website=business.has_website,
        has_transactional_site=business.has_transactional_site,
        has_marketplace=business.has_marketplace,
    )


# --------------------------------------------------------------------------------------------
# Plans and actions
# --------------------------------------------------------------------------------------------


def plan_get(*, user, pk: int) -> Plan | None:
    """A plan `user` may see, with its business (one query); None when out of scope."""
    return (
        Plan.objects.visible_to(user)
        .select_related(
            "business", "business__advisor", "source_assessment", "published_by", "accepted_by"
        )
        .filter(pk=pk)
        .first()
    )


def plan_current(*, user, business: Business) -> Plan | None:
    """The business's latest plan that `user` may see (a merchant: published ones only)."""
    return (
        Plan.objects.visible_to(user)
        .filter(business=business)
        .select_related(
            "business", "business__advisor", "source_assessment", "published_by", "accepted_by"
        )
        .order_by("-created_at", "-id")
        .first()
    )


def plan_actions(*, plan: Plan) -> list[PlanAction]:
    """The plan's actions in order, with category, solution gone live and candidate solutions
    (two queries whatever the number of actions)."""
    return list(
        plan.actions.select_related("category", "implemented_solution").prefetch_related(
            Prefetch(
                "candidates",
                queryset=PlanActionSolution.objects.select_related("solution").order_by(
                    "order", "id"
                ),
            )
        )
    )


def plan_events(*, plan: Plan) -> list[PlanEvent]:
    """The plan's history, newest first (one query)."""
    return list(plan.events.select_related("actor", "action").order_by("-created_at", "-id"))


def action_get(*, user, pk: int) -> PlanAction | None:
    """An action `user` may see, with its plan and business (one query)."""
    return (
        PlanAction.objects.visible_to(user)
        .select_related("plan", "plan__business", "plan__business__advisor", "category")
        .filter(pk=pk)
        .first()
    )


def solution_choices(*, action: PlanAction) -> tuple[list[Solution], list[Solution]]:
    """Solutions to pick from when an action is implemented: its candidates (fit order),
    then the other active solutions of its category, by name (one query)."""
    candidates = [c.solution for c in action.candidates.select_related("solution")]
    keys = {s.key for s in candidates}
    others = Solution.objects.active()
    if action.category_id:
        others = others.in_category(action.category_id)
    others = [s for s in others.order_by(Lower("name"), "key") if s.key not in keys]
    return candidates, others


def _progress_annotations() -> dict:
    return {
        "actions_total": Count("actions", distinct=True),
        "actions_implemented": Count(
            "actions", filter=Q(actions__status=transitions.IMPLEMENTED), distinct=True
        ),
        "actions_dropped": Count(
            "actions", filter=Q(actions__status=transitions.DROPPED), distinct=True
        ),
    }


def plan_list(*, user, today: datetime.date) -> QuerySet[Plan]:
    """Plans `user` may see with their progress (total, implemented, dropped, overdue
    actions), businesses by name (one query)."""
    return (
        Plan.objects.visible_to(user)
        .select_related("business", "source_assessment")
        .annotate(
            **_progress_annotations(),
            actions_overdue=Count(
                "actions",
                filter=Q(actions__target_date__lt=today)
                & ~Q(actions__status__in=transitions.CLOSED),
                distinct=True,
            ),
        )
        .order_by("business__legal_name", "business_id", "-created_at", "-id")
    )


def overdue_actions(*, user, today: datetime.date) -> QuerySet[PlanAction]:
    """Open actions past their target date in the plans `user` may see, oldest first."""
    return (
        PlanAction.objects.visible_to(user)
        .overdue(today)
        .select_related("plan", "plan__business", "category")
        .order_by("target_date", "plan__business__legal_name", "order", "id")
    )


@dataclass(frozen=True)
class Progress:
    total: int
    implemented: int
    dropped: int

    @property
    def active(self) -> int:
        """Actions still counting toward the plan (dropped ones are out)."""
        return self.total - self.dropped

    @property
    def percent(self) -> int:
        return round(100 * self.implemented / self.active) if self.active else 0


def merchant_plan_panel(*, user, business: Business | None, today: datetime.date) -> dict | None:
    """The merchant's home panel: progress of the current published plan and the next open
    actions (three queries). None when the business has no published plan yet."""
    if business is None:
        return None
    plan = (
        Plan.objects.visible_to(user)
        .filter(business=business)
        .annotate(**_progress_annotations())
        .order_by("-created_at", "-id")
        .first()
    )
    if plan is None:
        return {"plan": None}
    next_actions = list(
        plan.actions.open()
        .select_related("category")
        .order_by(F("target_date").asc(nulls_last=True), "order", "id")[:3]
    )
    return {
        "plan": plan,
        "progress": Progress(plan.actions_total, plan.actions_implemented, plan.actions_dropped),
        "next_actions": next_actions,
        "today": today,
    }


def advisor_plan_panel(*, user, today: datetime.date) -> dict:
    """The advisor's home panel: drafts to publish, plans published, overdue actions
    (two queries)."""
    counts = Plan.objects.visible_to(user).aggregate(
        drafts=Count("id", filter=Q(status=Plan.Status.DRAFT)),
        published=Count("id", filter=Q(status__in=PUBLISHED_STATUSES)),
    )
    overdue = PlanAction.objects.visible_to(user).overdue(today).count()
    return {**counts, "overdue": overdue}


# --------------------------------------------------------------------------------------------
# Outcomes for reporting
# --------------------------------------------------------------------------------------------


def _businesses_with_published_plan(businesses: QuerySet[Business] | None) -> QuerySet:
    qs = businesses if businesses is not None else Business.objects.all()
    return qs.filter(
        pk__in=Plan.objects.filter(status__in=PUBLISHED_STATUSES).values("business_id")
    )


def outcome_actions_implemented_per_business(
    *, businesses: QuerySet[Business] | None = None
) -> dict:
    """Implemented actions per business, over the businesses with a published plan.

    {"businesses": n, "mean": float | None, "distribution": [{"implemented": k,
    "businesses": n_k}, …] (k ascending)}. Two queries.
    """
    implemented = (
        PlanAction.objects.filter(
            plan__business=OuterRef("pk"),
            plan__status__in=PUBLISHED_STATUSES,
            status=transitions.IMPLEMENTED,
        )
        .order_by()
        .values("plan__business")
        .annotate(n=Count("pk"))
        .values("n")
    )
    per_business = _businesses_with_published_plan(businesses).annotate(
        implemented=Coalesce(Subquery(implemented, output_field=IntegerField()), Value(0))
    )
    distribution = list(
        per_business.order_by()
        .values("implemented")
        .annotate(businesses=Count("pk"))
        .order_by("implemented")
    )
    summary = per_business.aggregate(businesses=Count("pk"), mean=Avg("implemented"))
    mean = summary["mean"]
    return {
        "businesses": summary["businesses"],
        "mean": None if mean is None else round(float(mean), 2),
        "distribution": distribution,
    }


def outcome_days_to_first_implementation(*, businesses: QuerySet[Business] | None = None) -> dict:
    """Days from diagnosis (the T0 diagnostic's submission, local date) to the first action
    gone live, over the businesses that have one.

    {"businesses": n, "median_days": float | None}. The median comes from the database: a
    count, then the middle one or two rows in order (two queries).
    """
    per_business = (
        _businesses_with_published_plan(businesses)
        .annotate(
            diagnosed_on=Min(
                TruncDate("plans__source_assessment__submitted_at"),
                filter=Q(plans__status__in=PUBLISHED_STATUSES),
            ),
            first_live=Min(
                "plans__actions__implemented_at",
                filter=Q(
                    plans__status__in=PUBLISHED_STATUSES,
                    plans__actions__status=transitions.IMPLEMENTED,
                ),
            ),
        )
        .filter(diagnosed_on__isnull=False, first_live__isnull=False)
        .annotate(
            elapsed=ExpressionWrapper(
                F("first_live") - F("diagnosed_on"), output_field=DurationField()
            )
        )
    )
    n = per_business.count()
    if n == 0:
        return {"businesses": 0, "median_days": None}
    middle = list(
        per_business.order_by("elapsed", "pk").values_list("elapsed", flat=True)[
            (n - 1) // 2 : n // 2 + 1
        ]
    )
    days = [d.days for d in middle]
    return {"businesses": n, "median_days": sum(days) / len(days)}


def outcome_solutions_adopted_by_category(
    *, businesses: QuerySet[Business] | None = None
) -> list[dict]:
    """Per catalog category (catalog order): implemented actions ("adoptions"), how many of
    them name a catalog solution, and distinct businesses. Every category is listed, zeros
    included (one query)."""
    implemented = Q(
        plan_actions__status=transitions.IMPLEMENTED,
        plan_actions__plan__status__in=PUBLISHED_STATUSES,
    )
    if businesses is not None:
        implemented &= Q(plan_actions__plan__business__in=businesses)
    rows = SolutionCategory.objects.annotate(
        adoptions=Count("plan_actions", filter=implemented, distinct=True),
        with_solution=Count(
            "plan_actions",
            filter=implemented & Q(plan_actions__implemented_solution__isnull=False),
            distinct=True,
        ),
        businesses=Count("plan_actions__plan__business", filter=implemented, distinct=True),
    ).order_by("order", "key")
    return [
        {
            "category": c.key,
            "name_fr": c.name_fr,
            "name_en": c.name_en,
            "adoptions": c.adoptions,
            "with_solution": c.with_solution,
            "businesses": c.businesses,
        }
        for c in rows
    ]


def outcome_solutions_adopted(*, businesses: QuerySet[Business] | None = None) -> list[dict]:
    """Catalog solutions gone live, per action category and solution: [{category, solution,
    name, adoptions, businesses}], most adopted first, then by name (one query)."""
    qs = PlanAction.objects.filter(
        status=transitions.IMPLEMENTED,
        plan__status__in=PUBLISHED_STATUSES,
        implemented_solution__isnull=False,
    )
    if businesses is not None:
        qs = qs.filter(plan__business__in=businesses)
    rows = (
        qs.order_by()
        .values(
            "category_id",
            solution=F("implemented_solution__key"),
            name=F("implemented_solution__name"),
        )
        .annotate(adoptions=Count("pk"), businesses=Count("plan__business", distinct=True))
        .order_by("-adoptions", "name", "category_id")
    )
    return [
        {
            "category": row["category_id"],
            "solution": row["solution"],
            "name": row["name"],
            "adoptions": row["adoptions"],
            "businesses": row["businesses"],
        }
        for row in rows
    ]
