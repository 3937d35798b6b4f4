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
    Exists,
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
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from virage.catalog.models import Solution, SolutionCategory
from virage.core.i18n import localized
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
    actions), businesses by name (one query). For a few plans (coaching filters it by
    business); the plan list page pages `plan_rows` and counts with `plans_with_progress`."""
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


def plan_rows(
    *,
    user,
    today: datetime.date,
    q: str = "",
    status: str = "",
    overdue: bool = False,
) -> QuerySet[Plan]:
    """Plans `user` may see, filtered, in list order: business name, then newest first.

    `q`: part of the business's legal or operating name; `status`: a plan status (others
    ignored); `overdue`: only plans with an open action past its target date. No per-plan
    counts here, so counting and paging stay cheap at any size: page the ids, then read the
    page with `plan_lines`."""
    qs = Plan.objects.visible_to(user)
    if q:
        qs = qs.filter(
            Q(business__legal_name__icontains=q) | Q(business__operating_name__icontains=q)
        )
    if status in Plan.Status.values:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(Exists(PlanAction.objects.filter(plan=OuterRef("pk")).overdue(today)))
    return qs.order_by("business__legal_name", "business_id", "-created_at", "-id")


def _business_name(legal_name: str, operating_name: str) -> str:
    return operating_name or legal_name  # as `Business.name`


@dataclass
class PlanLine:
    """A plan as the plan list shows it, with its progress."""

    pk: int
    business_name: str
    status: str
    published_at: datetime.datetime | None
    source_submitted_at: datetime.datetime | None  # the diagnostic it comes from
    actions_total: int
    actions_implemented: int
    actions_dropped: int
    actions_overdue: int

    @property
    def status_label(self) -> str:
        return Plan.Status(self.status).label

    @property
    def source_label(self) -> str:
        """What the plan was prepared from, in the current language."""
        if self.source_submitted_at is None:
            return gettext("answers entered by the advisor")
        when = date_format(localtime(self.source_submitted_at), "DATE_FORMAT")
        return gettext("the diagnostic of %(date)s") % {"date": when}


def plan_lines(*, ids: list[int], today: datetime.date) -> list[PlanLine]:
    """The plans `ids` (a page of `plan_rows`, already scoped to the user), in that order,
    with their progress: one query whatever the number of plans (the page's plans with their
    actions counted, grouped by plan); none for no ids. Read as values, not models: a
    business has some forty columns and the list shows its name."""
    if not ids:
        return []
    actions = "actions"
    rows = (
        Plan.objects.filter(pk__in=ids)
        .order_by()
        .values(
            "pk",
            "status",
            "published_at",
            "business__legal_name",
            "business__operating_name",
            "source_assessment__submitted_at",
        )
        # the actions are the only join that repeats a plan: no row is counted twice
        .annotate(
            total=Count(actions),
            implemented=Count(actions, filter=Q(actions__status=transitions.IMPLEMENTED)),
            dropped=Count(actions, filter=Q(actions__status=transitions.DROPPED)),
            overdue=Count(
                actions,
                filter=Q(actions__target_date__lt=today, actions__status__in=transitions.OPEN),
            ),
        )
    )
    lines = {
        row["pk"]: PlanLine(
            pk=row["pk"],
            business_name=_business_name(
                row["business__legal_name"], row["business__operating_name"]
            ),
            status=row["status"],
            published_at=row["published_at"],
            source_submitted_at=row["source_assessment__submitted_at"],
            actions_total=row["total"],
            actions_implemented=row["implemented"],
            actions_dropped=row["dropped"],
            actions_overdue=row["overdue"],
        )
        for row in rows
    }
    return [lines[pk] for pk in ids if pk in lines]


def latest_plan_counts(*, business_ids, today: datetime.date) -> dict[int, dict]:
    """{business id: {"total", "implemented", "overdue"}} of each business's latest plan
    (newest first, as `plan_list`), for businesses the caller has already scoped to its user
    (the advisor's caseload). "total" leaves dropped actions out. Two plain queries whatever
    the number of businesses: the plans' ids, then the latest ones' actions counted by plan
    (lighter to build than `plan_list`'s join per count, which the caseload felt)."""
    latest: dict[int, int] = {}  # plan id → business id
    plans = (
        Plan.objects.filter(business_id__in=list(business_ids))
        .order_by("business_id", "-created_at", "-id")
        .values_list("id", "business_id")
    )
    seen: set[int] = set()
    for plan_id, business_id in plans:
        if business_id not in seen:  # the first one is the newest
            seen.add(business_id)
            latest[plan_id] = business_id
    result = {
        business_id: {"total": 0, "implemented": 0, "overdue": 0} for business_id in latest.values()
    }
    if not latest:
        return result
    counts = (
        PlanAction.objects.filter(plan_id__in=list(latest))
        .order_by()
        .values("plan_id")
        .annotate(
            total=Count("id", filter=~Q(status=transitions.DROPPED)),
            implemented=Count("id", filter=Q(status=transitions.IMPLEMENTED)),
            overdue=Count("id", filter=Q(target_date__lt=today, status__in=transitions.OPEN)),
        )
    )
    for row in counts:
        result[latest[row["plan_id"]]] = {
            "total": row["total"],
            "implemented": row["implemented"],
            "overdue": row["overdue"],
        }
    return result


def overdue_actions(*, user, today: datetime.date) -> QuerySet[PlanAction]:
    """Open actions past their target date in the plans `user` may see, oldest first."""
    return (
        PlanAction.objects.visible_to(user)
        .overdue(today)
        .select_related("plan", "plan__business", "category")
        .order_by(*OVERDUE_ORDER)
    )


# Oldest first: the (target date, status) index gives this order, so a page of the list
# reads only that page's rows.
OVERDUE_ORDER = ("target_date", "plan__business__legal_name", "order", "id")


@dataclass
class OverdueLine:
    """An overdue action as the plan list shows it."""

    pk: int
    plan_id: int
    business_name: str
    title_fr: str
    title_en: str
    status: str
    target_date: datetime.date
    days_late: int

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def status_label(self) -> str:
        return PlanAction.Status(self.status).label


def overdue_values(*, user, today: datetime.date) -> QuerySet:
    """`overdue_actions` as values, to page and turn into `overdue_lines`."""
    return (
        PlanAction.objects.visible_to(user)
        .overdue(today)
        .order_by(*OVERDUE_ORDER)
        .values(
            "pk",
            "plan_id",
            "title_fr",
            "title_en",
            "status",
            "target_date",
            "plan__business__legal_name",
            "plan__business__operating_name",
        )
    )


def overdue_lines(rows, *, today: datetime.date) -> list[OverdueLine]:
    """Rows of `overdue_values` (a page of them) as lines (no query besides reading them)."""
    return [
        OverdueLine(
            pk=row["pk"],
            plan_id=row["plan_id"],
            business_name=_business_name(
                row["plan__business__legal_name"], row["plan__business__operating_name"]
            ),
            title_fr=row["title_fr"],
            title_en=row["title_en"],
            status=row["status"],
            target_date=row["target_date"],
            days_late=(today - row["target_date"]).days,
        )
        for row in rows
    ]


def overdue_count(*, user, today: datetime.date) -> int:
    """How many actions `overdue_actions` lists (one query). The open statuses are named
    (`status IN (…)`, the same rows as "not implemented nor dropped": the status is
    constrained) so the count reads the (status, target date) index only."""
    return (
        PlanAction.objects.visible_to(user)
        .filter(status__in=transitions.OPEN, target_date__lt=today)
        .count()
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
