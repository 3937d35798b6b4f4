"""Home-page panels of the plans app (registered in apps.py), and the merchant's plan shared
with the capsules panel (its open actions choose the capsules to suggest)."""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.utils import timezone

from virage.core.navigation import shared
from virage.enterprises.panels import merchant_business

from . import transitions
from .models import PUBLISHED_STATUSES, Plan, PlanAction
from .selectors import Progress, _progress_annotations

# What the merchant's panels read of an open action: the plan panel (title, status, target
# date, link) and the capsules panel (category, capsules).
ACTION_FIELDS = (
    "plan_id",
    "title_fr",
    "title_en",
    "status",
    "target_date",
    "order",
    "category_id",
    "capsule_keys",
)


def merchant_plan(request) -> tuple[Plan | None, list[PlanAction]]:
    """(latest plan the merchant may see, with its progress counts; the open actions of every
    plan they may see, in plan order), read once per request: two queries, one when no plan
    is visible (then no action is either). A business has a plan or two (T0, T1): the rows
    are put in order here rather than by the database."""

    def load():
        user = request.user
        business = merchant_business(request)
        if business is None:
            return None, []
        plans = (
            Plan.objects.visible_to(user)
            .filter(business=business)
            .only("status", "created_at")  # the panel links to the plan and shows its status
            .annotate(**_progress_annotations())
            .order_by()
        )
        plan = max(plans, key=lambda p: (p.created_at, p.pk), default=None)
        if plan is None:
            return None, []
        actions = (
            PlanAction.objects.visible_to(user)
            .filter(plan__business=business)
            .open()
            .only(*ACTION_FIELDS)
            .order_by()
        )
        return plan, sorted(actions, key=lambda a: (a.order, a.pk))

    return shared(request, "plans.merchant", load)


def _next_actions(plan: Plan, actions: list[PlanAction], limit: int = 3) -> list[PlanAction]:
    """The plan's open actions by target date (undated last), then order."""
    mine = [a for a in actions if a.plan_id == plan.pk]
    mine.sort(
        key=lambda a: (a.target_date is None, a.target_date or datetime.date.min, a.order, a.pk)
    )
    return mine[:limit]


def merchant(request) -> dict | None:
    """Plan progress and next actions on the merchant's home page (None: no business;
    {"plan": None}: no published plan yet)."""
    if merchant_business(request) is None:
        return None
    plan, actions = merchant_plan(request)
    if plan is None:
        return {"plan": None}
    return {
        "plan": plan,
        "progress": Progress(plan.actions_total, plan.actions_implemented, plan.actions_dropped),
        "next_actions": _next_actions(plan, actions),
        "today": timezone.localdate(),
    }


def staff(request) -> dict:
    """Drafts to publish, plans published, overdue actions: two queries, as
    `selectors.advisor_plan_panel` (plans counted by status from its index; overdue actions
    read from the (status, target date) index)."""
    user = request.user
    by_status = dict(
        Plan.objects.visible_to(user).order_by().values_list("status").annotate(n=Count("pk"))
    )
    overdue = (
        PlanAction.objects.visible_to(user)
        # `transitions.OPEN` = not closed (a check constraint keeps statuses to STATUSES),
        # named so that the count reads the (status, target date) index
        .filter(status__in=transitions.OPEN, target_date__lt=timezone.localdate())
        .count()
    )
    return {
        "drafts": by_status.get(Plan.Status.DRAFT, 0),
        "published": sum(by_status.get(s, 0) for s in PUBLISHED_STATUSES),
        "overdue": overdue,
    }
