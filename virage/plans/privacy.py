"""Plans' part of a person's data export and erasure (Law 25), plugged into
`virage.privacy.registry` in apps.py.

A merchant's export holds the plans of the businesses they act for (status, dates, their
comment), every action of those plans (titles, why, status, who and by when, what went live)
and the plan events the person authored. Other roles (advisors, admins) get the events they
authored, without the before/after texts (those describe the merchant's plan, not them).

Anonymisation keeps every status, date and count (actions implemented, plans accepted); it
erases the free text the person wrote: their comments on the plans (and the notes of the
events they authored) and, once no member of a business is identifiable any more, the names
written in "who does it (someone else)" (replaced by a dash)."""

from __future__ import annotations

from django.db.models import Q

from virage.enterprises.models import BusinessMember

from .models import Plan, PlanAction, PlanEvent

ERASED = "—"  # "who does it (someone else)" must name someone: a dash replaces the name


def _business_ids(user) -> list[int]:
    return list(BusinessMember.objects.filter(user=user).values_list("business_id", flat=True))


def export_person(user) -> dict[str, list[dict]]:
    if user.role == "merchant":
        return {
            "plans": _plans(user),
            "plan_actions": _actions(user),
            "plan_events": _events(user, with_values=True),
        }
    return {"plan_events_authored": _events(user, with_values=False)}


def _plans(user) -> list[dict]:
    plans = Plan.objects.filter(business_id__in=_business_ids(user)).order_by("created_at", "id")
    return [
        {
            "plan_id": p.pk,
            "business_id": p.business_id,
            "status": p.status,
            "diagnostic_id": p.source_assessment_id,
            "rules_version": p.rules_version,
            "created_at": p.created_at,
            "published_at": p.published_at,
            "accepted_at": p.accepted_at,
            "accepted_by_you": p.accepted_by_id == user.pk,
            "your_comment": p.merchant_comment,
            "commented_at": p.merchant_comment_at,
        }
        for p in plans
    ]


def _actions(user) -> list[dict]:
    actions = (
        PlanAction.objects.filter(plan__business_id__in=_business_ids(user))
        .select_related("implemented_solution")
        .order_by("plan_id", "order", "id")
    )
    return [
        {
            "plan_id": a.plan_id,
            "order": a.order,
            "category": a.category_id,
            "title_fr": a.title_fr,
            "title_en": a.title_en,
            "why_fr": a.why_fr,
            "why_en": a.why_en,
            "status": a.status,
            "status_changed_at": a.status_changed_at,
            "target_date": a.target_date,
            "owner": a.owner,
            "owner_other": a.owner_other,
            "implemented_solution": a.implemented_solution.name
            if a.implemented_solution_id
            else None,
            "implemented_note": a.implemented_note,
            "implemented_at": a.implemented_at,
            "dropped_reason": a.dropped_reason,
            "created_at": a.created_at,
        }
        for a in actions
    ]


def _events(user, *, with_values: bool) -> list[dict]:
    rows = []
    for e in PlanEvent.objects.filter(actor=user).order_by("created_at", "id"):
        row = {
            "plan_id": e.plan_id,
            "when": e.created_at,
            "kind": e.kind,
            "action_title": e.action_title,
            "field": e.field,
        }
        if with_values:
            row.update(before=e.old_value, after=e.new_value, note=e.note)
        rows.append(row)
    return rows


def anonymise_person(user, *, actor) -> dict[str, int]:
    """The person's comments and event notes go; once no member of a business is
    identifiable any more, the names in its actions' "someone else" go too. Statuses, dates
    and every count stay."""
    ids = _business_ids(user)
    still_identified = set(
        BusinessMember.objects.filter(business_id__in=ids, user__anonymised_at__isnull=True)
        .exclude(user=user)
        .values_list("business_id", flat=True)
    )
    erase = [pk for pk in ids if pk not in still_identified]
    comments = (
        Plan.objects.filter(
            Q(events__actor=user, events__kind=PlanEvent.Kind.COMMENTED) | Q(business_id__in=erase)
        )
        .exclude(merchant_comment="")
        .update(merchant_comment="")
    )
    events = (
        PlanEvent.objects.filter(
            Q(actor=user) | Q(plan__business_id__in=erase, kind=PlanEvent.Kind.COMMENTED)
        )
        .exclude(note="")
        .update(note="")
    )
    owners = (
        PlanAction.objects.filter(plan__business_id__in=erase)
        .exclude(owner_other__in=["", ERASED])
        .update(owner_other=ERASED)
    )
    return {"plans": comments, "plan_events": events, "plan_actions": owners}
