"""What coaching reads from the plans and training apps, in bulk (one query for any number
of businesses or meetings), through their selectors and public `visible_to` managers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from virage.core.i18n import localized
from virage.plans import selectors as plan_selectors
from virage.plans import transitions as plan_transitions
from virage.plans.models import PUBLISHED_STATUSES, PlanAction


@dataclass(frozen=True)
class PlanProgress:
    """Actions of a business's current plan: implemented out of those still counting
    (dropped ones left out), and how many are past their target date while still open."""

    implemented: int
    total: int
    overdue: int

    @property
    def percent(self) -> int:
        return self.implemented * 100 // self.total if self.total else 0


def plan_progress(visible_ids: Iterable[int], *, today: date) -> dict[int, PlanProgress]:
    """{business id: progress of its latest plan}, for businesses the caller already scoped
    to the user (`visible_ids` come from `Business.objects.visible_to(user)`: the caseload).
    Two queries (`plans.selectors.latest_plan_counts`)."""
    counts = plan_selectors.latest_plan_counts(business_ids=visible_ids, today=today)
    return {
        business_id: PlanProgress(
            implemented=row["implemented"], total=row["total"], overdue=row["overdue"]
        )
        for business_id, row in counts.items()
    }


def plan_action_choices(business, *, user) -> list[tuple[int, str]]:
    """(id, title) of the open or implemented actions of the business's current plan, for
    the meeting log form (one or two queries)."""
    plan = plan_selectors.plan_current(user=user, business=business)
    if plan is None:
        return []
    actions = (
        PlanAction.objects.visible_to(user)
        .filter(plan=plan)
        .exclude(status=plan_transitions.DROPPED)
        .order_by("order", "id")
    )
    return [(a.pk, a.title) for a in actions]


def plan_actions_for_business(business, action_ids) -> list[PlanAction]:
    """The actions among `action_ids` that belong to a plan of `business`; any other id is
    refused (an advisor cannot link another business's plan)."""
    ids = {int(i) for i in action_ids}
    if not ids:
        return []
    actions = list(PlanAction.objects.filter(pk__in=ids, plan__business=business))
    if len(actions) != len(ids):
        raise ValidationError({"plan_actions": _("Choose actions of this business's plan.")})
    return actions


def link_plan_actions(meeting, actions) -> None:
    meeting.plan_actions.set(actions)


def plan_action_titles_by_meeting(meeting_ids: Iterable[int]) -> dict[int, list[str]]:
    """{meeting id: titles of the linked actions} in the active language, for the merchant:
    only actions of published or accepted plans (what the merchant may see). One query."""
    from .models import Meeting

    ids = list(meeting_ids)
    if not ids:
        return {}
    through = Meeting.plan_actions.through
    rows = (
        through.objects.filter(meeting_id__in=ids, planaction__plan__status__in=PUBLISHED_STATUSES)
        .select_related("planaction")
        .order_by("planaction__order", "planaction_id")
    )
    result: dict[int, list[str]] = {}
    for row in rows:
        result.setdefault(row.meeting_id, []).append(localized(row.planaction, "title"))
    return result


# --- Training (the bridge: trainings attended by the business) -------------------------------


def trainings_attended(visible_ids: Iterable[int]) -> dict[int, int]:
    """{business id: training sessions attended (closed sessions, distinct)}, for businesses
    the caller already scoped to the user (`visible_ids` from
    `Business.objects.visible_to(user)`: the caseload). One query.

    Only the business ids are in the WHERE clause (the registrations' business index); the
    attended-and-closed condition is the aggregate's filter. With both in the WHERE clause,
    SQLite walks the status index over every attended registration of the program."""
    from django.db.models import Count, Q

    from virage.training.models import Registration, TrainingSession

    rows = (
        Registration.objects.filter(business_id__in=list(visible_ids))
        .order_by()
        .values("business_id")
        .annotate(
            sessions=Count(
                "session",
                distinct=True,
                filter=Q(
                    status=Registration.Status.ATTENDED,
                    session__status=TrainingSession.Status.CLOSED,
                ),
            )
        )
    )
    return {row["business_id"]: row["sessions"] for row in rows if row["sessions"]}
