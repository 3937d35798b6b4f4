"""Writes on plans: generation from the diagnostic, curation, publication, the merchant's
answer and the status of each action. Every function is atomic, checks the actor's scope
(`Plan.objects.visible_to`) and role (`permissions`), records a `PlanEvent` (the history shown
on the plan) and, for what a funder or the merchant may ask about later, an audit event.

Status rules are the pure tables of `transitions`; a refused move raises `ValidationError`
with a message in the user's language and changes nothing. Repeating a request (double
click, retry) changes nothing the second time.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.catalog.models import Solution, SolutionCategory
from virage.catalog.selectors import solution_infos
from virage.core.services import audit_log, email_queue
from virage.enterprises import rules as business_rules
from virage.enterprises.models import Business
from virage.enterprises.services import business_transition

from . import permissions, transitions
from .models import Plan, PlanAction, PlanActionSolution, PlanEvent
from .rules import (
    ANSWER_VALUES,
    M2_DIMENSION_KEYS,
    MAX_SOLUTIONS,
    R_ITEM_KEYS,
    RULES_VERSION,
    LinkedContent,
    fit_solutions,
    recommend,
)
from .selectors import business_profile
from .titles import title_for

COMMENT_MAX_LENGTH = 2000
EDITABLE_FIELDS = (
    "title_fr",
    "title_en",
    "why_fr",
    "why_en",
    "target_date",
    "owner",
    "owner_other",
)

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _status_label(status: str) -> str:
    return str(PlanAction.Status(status).label)


def _event(plan: Plan, kind: str, actor, *, action=None, field="", old="", new="", note=""):
    return PlanEvent.objects.create(
        plan=plan,
        action=action,
        action_title=action.title_fr if action is not None else "",
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        field=field,
        old_value="" if old is None else str(old),
        new_value="" if new is None else str(new),
        note=note,
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _lock_plan(plan: Plan, actor) -> Plan:
    """The plan, locked for this transaction; PermissionDenied when out of actor's scope."""
    if not Plan.objects.visible_to(actor).filter(pk=plan.pk).exists():
        raise PermissionDenied
    return Plan.objects.select_for_update(of=("self",)).select_related("business").get(pk=plan.pk)


def _lock_action(action: PlanAction, actor) -> PlanAction:
    if not PlanAction.objects.visible_to(actor).filter(pk=action.pk).exists():
        raise PermissionDenied
    return (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("plan", "plan__business", "plan__source_assessment")
        .get(pk=action.pk)
    )


def _linked_contents(module_path: str, function_name: str) -> list[LinkedContent]:
    """Training modules or capsules from their app's selector; [] until that app has it."""
    try:
        module = importlib.import_module(module_path)
    except ModuleNotFoundError as exc:
        if exc.name != module_path:
            raise
        return []
    function = getattr(module, function_name, None)
    if function is None:
        return []
    return [
        LinkedContent(
            key=item["key"],
            title_fr=item["title_fr"],
            title_en=item["title_en"],
            categories=tuple(item["categories"]),
        )
        for item in function()
    ]


def linked_trainings() -> list[LinkedContent]:
    return _linked_contents("virage.training.selectors", "module_links")


def linked_capsules() -> list[LinkedContent]:
    return _linked_contents("virage.capsules.selectors", "capsule_links")


def _link_titles(contents: list[LinkedContent], keys) -> dict:
    by_key = {c.key: c for c in contents}
    return {
        key: {"fr": by_key[key].title_fr, "en": by_key[key].title_en}
        for key in keys
        if key in by_key
    }


def _r_answers(answers: Mapping | None) -> dict[str, str]:
    """Module R answers from an answers mapping (other keys and odd values are left out)."""
    answers = answers or {}
    return {key: answers[key] for key in R_ITEM_KEYS if answers.get(key) in ANSWER_VALUES}


def _m2_dimensions(m2_result: Mapping | None) -> dict[str, float]:
    dimensions = (m2_result or {}).get("dimensions") or {}
    return {
        key: float(value)
        for key, value in dimensions.items()
        if key in M2_DIMENSION_KEYS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value <= 100
    }


def _active_solutions() -> list[Solution]:
    return list(Solution.objects.active().prefetch_related("extra_categories"))


def _set_candidates(action: PlanAction, solution_keys, solutions_by_key) -> None:
    PlanActionSolution.objects.bulk_create(
        [
            PlanActionSolution(action=action, solution=solutions_by_key[key], order=position)
            for position, key in enumerate(solution_keys, start=1)
            if key in solutions_by_key
        ]
    )


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


def _create_draft(
    *,
    business: Business,
    r_answers: Mapping[str, str],
    m2_dimensions: Mapping[str, float],
    assessment,
    actor,
) -> Plan:
    profile = business_profile(business)
    solutions = _active_solutions()
    trainings = linked_trainings()
    capsules = linked_capsules()
    recommendations = recommend(
        profile, r_answers, m2_dimensions, solution_infos(solutions), trainings, capsules
    )
    categories = {c.key: c for c in SolutionCategory.objects.all()}
    plan = Plan.objects.create(
        business=business, source_assessment=assessment, rules_version=RULES_VERSION
    )
    actions = []
    for rec in recommendations:
        category = categories.get(rec.category)
        title_fr, title_en = title_for(
            rec.rule_key,
            category.name_fr if category else rec.category,
            category.name_en if category else rec.category,
        )
        actions.append(
            PlanAction(
                plan=plan,
                category=category,
                title_fr=title_fr,
                title_en=title_en,
                why_fr=rec.why_fr,
                why_en=rec.why_en,
                rule_key=rec.rule_key,
                score=Decimal(str(rec.score)),
                source_items=list(rec.source_items),
                training_keys=list(rec.training_keys),
                capsule_keys=list(rec.capsule_keys),
                link_titles={
                    **_link_titles(trainings, rec.training_keys),
                    **_link_titles(capsules, rec.capsule_keys),
                },
                order=rec.rank,
            )
        )
    PlanAction.objects.bulk_create(actions)
    by_key = {s.key: s for s in solutions}
    PlanActionSolution.objects.bulk_create(
        [
            PlanActionSolution(action=action, solution=by_key[key], order=position)
            for action, rec in zip(actions, recommendations, strict=True)
            for position, key in enumerate(rec.solution_keys, start=1)
            if key in by_key
        ]
    )
    _event(plan, PlanEvent.Kind.GENERATED, actor, new=str(len(actions)))
    audit_log(
        actor=actor,
        verb="plan.generated",
        obj=plan,
        after={
            "assessment": assessment.pk if assessment is not None else None,
            "actions": len(actions),
            "rules_version": RULES_VERSION,
        },
    )
    return plan


def _require_business_scope(actor, business: Business) -> None:
    """The actor acts for this business (None: the system, e.g. a command)."""
    if actor is None:
        return
    if not Business.objects.visible_to(actor).filter(pk=business.pk).exists():
        raise PermissionDenied


def plan_generate_draft(*, assessment, actor) -> Plan:
    """The draft plan of a submitted T0 diagnostic, generated by the recommendation rules.

    Idempotent: returns the plan already generated for this assessment (whatever its status
    since). Called by the diagnostics app inside its submission transaction; safe under
    concurrent calls (one plan per assessment is a database constraint).
    """
    existing = Plan.objects.filter(source_assessment=assessment).first()
    if existing is not None:
        return existing
    if assessment.status != "submitted" or assessment.time_point != "T0":
        raise ValidationError(_("A plan is generated from a submitted T0 diagnostic only."))
    business = assessment.business
    _require_business_scope(actor, business)
    try:
        with transaction.atomic():
            return _create_draft(
                business=business,
                r_answers=_r_answers(assessment.answers),
                m2_dimensions=_m2_dimensions(assessment.m2_result),
                assessment=assessment,
                actor=actor,
            )
    except IntegrityError:
        existing = Plan.objects.filter(source_assessment=assessment).first()
        if existing is None:
            raise
        return existing


def plan_draft_from_answers(
    *, business: Business, answers: Mapping, m2_dimensions: Mapping, actor
) -> Plan:
    """A draft plan from answers that are not a stored diagnostic (demo data, an advisor
    rebuilding a plan by hand). Staff only."""
    _require(actor is None or permissions.can_curate(actor))
    _require_business_scope(actor, business)
    with transaction.atomic():
        return _create_draft(
            business=business,
            r_answers=_r_answers(answers),
            m2_dimensions=_m2_dimensions({"dimensions": dict(m2_dimensions)}),
            assessment=None,
            actor=actor,
        )


# --------------------------------------------------------------------------------------------
# Curation by the advisor
# --------------------------------------------------------------------------------------------


def _validate_action_fields(fields: dict) -> None:
    errors = {}
    if not (fields.get("title_fr") or "").strip():
        errors["title_fr"] = _("Give the action a title in French.")
    if (
        fields.get("owner") == PlanAction.Owner.OTHER
        and not (fields.get("owner_other") or "").strip()
    ):
        errors["owner_other"] = _("Say who does it.")
    if fields.get("owner") not in PlanAction.Owner.values:
        errors["owner"] = _("Choose who does it.")
    if errors:
        raise ValidationError(errors)


def plan_action_add(
    *,
    plan: Plan,
    actor,
    category: SolutionCategory | None = None,
    title_fr: str = "",
    title_en: str = "",
    why_fr: str = "",
    why_en: str = "",
    target_date: datetime.date | None = None,
    owner: str = PlanAction.Owner.MERCHANT,
    owner_other: str = "",
    request_token: str = "",
) -> PlanAction:
    """Add an action at the end of the plan. With a category, the title defaults to the
    category's name and the action gets the fitting solutions, training modules and capsules.
    `request_token` (from the form) makes a repeated submission return the first action."""
    _require(permissions.can_curate(actor))
    with transaction.atomic():
        locked = _lock_plan(plan, actor)
        if request_token:
            existing = locked.actions.filter(request_token=request_token).first()
            if existing is not None:
                return existing
        if category is not None and not title_fr.strip():
            title_fr, title_en = category.name_fr, title_en or category.name_en
        fields = {
            "title_fr": title_fr.strip(),
            "title_en": title_en.strip(),
            "why_fr": why_fr.strip(),
            "why_en": why_en.strip(),
            "target_date": target_date,
            "owner": owner,
            "owner_other": owner_other.strip() if owner == PlanAction.Owner.OTHER else "",
        }
        _validate_action_fields(fields)
        last = locked.actions.aggregate(last=Max("order"))["last"] or 0
        action = PlanAction(plan=locked, category=category, order=last + 1, **fields)
        action.request_token = request_token
        solution_keys: list[str] = []
        solutions: list[Solution] = []
        if category is not None:
            solutions = _active_solutions()
            profile = business_profile(locked.business)
            fitting = fit_solutions(category.key, profile, solution_infos(solutions))
            solution_keys = [s.key for s in fitting[:MAX_SOLUTIONS]]
            trainings, capsules = linked_trainings(), linked_capsules()
            action.training_keys = sorted(t.key for t in trainings if category.key in t.categories)
            action.capsule_keys = sorted(c.key for c in capsules if category.key in c.categories)
            action.link_titles = {
                **_link_titles(trainings, action.training_keys),
                **_link_titles(capsules, action.capsule_keys),
            }
        action.save()
        _set_candidates(action, solution_keys, {s.key: s for s in solutions})
        _event(locked, PlanEvent.Kind.ACTION_ADDED, actor, action=action, new=action.title_fr)
    return action


def plan_action_update(*, action: PlanAction, actor, **changes) -> PlanAction:
    """Edit an action's title, why, target date and who does it; one history line per field
    changed (nothing when nothing changed)."""
    _require(permissions.can_curate(actor))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        locked = _lock_action(action, actor)
        values = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
        for name, value in changes.items():
            values[name] = value.strip() if isinstance(value, str) else value
        if values["owner"] != PlanAction.Owner.OTHER:
            values["owner_other"] = ""
        _validate_action_fields(values)
        changed = [name for name in EDITABLE_FIELDS if getattr(locked, name) != values[name]]
        for name in changed:
            old = getattr(locked, name)
            setattr(locked, name, values[name])
            _event(
                locked.plan,
                PlanEvent.Kind.ACTION_EDITED,
                actor,
                action=locked,
                field=name,
                old=old.isoformat() if isinstance(old, datetime.date) else old,
                new=values[name].isoformat()
                if isinstance(values[name], datetime.date)
                else values[name],
            )
        if changed:
            locked.save(update_fields=[*changed, "updated_at"])
    return locked


def plan_refresh_links(*, plan: Plan, actor) -> int:
    """Point each category action of the plan to the training modules and capsules offered
    now (new capsules are published over time). Returns the number of actions changed; one
    history line when something changed."""
    _require(permissions.can_curate(actor))
    with transaction.atomic():
        locked = _lock_plan(plan, actor)
        trainings, capsules = linked_trainings(), linked_capsules()
        changed = []
        for action in locked.actions.exclude(category=None).order_by("order", "id"):
            category = action.category_id
            training_keys = sorted(t.key for t in trainings if category in t.categories)
            capsule_keys = sorted(c.key for c in capsules if category in c.categories)
            if (training_keys, capsule_keys) == (action.training_keys, action.capsule_keys):
                continue
            action.training_keys = training_keys
            action.capsule_keys = capsule_keys
            action.link_titles = {
                **_link_titles(trainings, training_keys),
                **_link_titles(capsules, capsule_keys),
            }
            changed.append(action)
        PlanAction.objects.bulk_update(changed, ["training_keys", "capsule_keys", "link_titles"])
        if changed:
            _event(locked, PlanEvent.Kind.LINKS_REFRESHED, actor, new=str(len(changed)))
    return len(changed)


def _renumber(plan: Plan, ordered: list[PlanAction]) -> None:
    moved = []
    for position, item in enumerate(ordered, start=1):
        if item.order != position:
            item.order = position
            moved.append(item)
    PlanAction.objects.bulk_update(moved, ["order"])


def plan_action_remove(*, action: PlanAction, actor) -> None:
    """Remove an action from a draft. A published plan keeps its actions (drop one instead,
    with a reason), so the merchant never loses sight of what was proposed."""
    _require(permissions.can_curate(actor))
    with transaction.atomic():
        # the plan first (as publication and acceptance do), then the action
        plan = Plan.objects.select_for_update().get(pk=action.plan_id)
        locked = _lock_action(action, actor)
        if not plan.is_draft:
            raise ValidationError(
                _(
                    "A published plan keeps its actions: drop this one instead, with a reason, "
                    "so the merchant sees why."
                )
            )
        _event(plan, PlanEvent.Kind.ACTION_REMOVED, actor, action=locked, old=locked.title_fr)
        locked.delete()
        _renumber(plan, list(plan.actions.order_by("order", "id")))


def plan_action_move(
    *, action: PlanAction, actor, direction: str, from_position: int | None = None
) -> PlanAction:
    """Move an action one place up or down. `from_position` is the position the user saw:
    when the action is no longer there (a repeated click), nothing moves."""
    _require(permissions.can_curate(actor))
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an action up or down."))
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=action.plan_id)
        locked = _lock_action(action, actor)
        ordered = list(plan.actions.order_by("order", "id"))
        index = next(i for i, item in enumerate(ordered) if item.pk == locked.pk)
        if from_position is not None and from_position != index + 1:
            return locked
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(ordered):
            return locked
        ordered[index], ordered[target] = ordered[target], ordered[index]
        _renumber(plan, ordered)
        _event(
            plan,
            PlanEvent.Kind.ACTION_MOVED,
            actor,
            action=locked,
            old=str(index + 1),
            new=str(target + 1),
        )
    locked.refresh_from_db(fields=["order"])
    return locked


# --------------------------------------------------------------------------------------------
# Publication and the merchant's answer
# --------------------------------------------------------------------------------------------


def _absolute(url_name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return settings.VIRAGE_SITE_URL.rstrip("/") + reverse(url_name, kwargs=kwargs)


def _notify_merchants(plan: Plan) -> None:
    members = plan.business.members.select_related("user").filter(user__is_active=True)
    for member in members:
        user = member.user
        email_queue(
            key=f"plan-published:{plan.pk}:{user.pk}",
            to=user.email,
            template="plans/plan_published",
            context={
                "name": user.get_short_name(),
                "business": plan.business.name,
                "url": _absolute("plans:detail", user.language, pk=plan.pk),
            },
            language=user.language,
        )


def _notify_advisor(plan: Plan, *, template: str, key: str, context: dict) -> None:
    advisor = plan.business.advisor
    if advisor is None or not advisor.is_active:
        return
    email_queue(
        key=key,
        to=advisor.email,
        template=template,
        context={
            "name": advisor.get_short_name(),
            "business": plan.business.name,
            "url": _absolute("plans:detail", advisor.language, pk=plan.pk),
            **context,
        },
        language=advisor.language,
    )


def plan_publish(*, plan: Plan, actor) -> Plan:
    """Publish a draft to the merchant: the business moves from "diagnosed" to "plan
    published", and its members get an e-mail. Publishing twice changes nothing."""
    _require(permissions.can_curate(actor))
    with transaction.atomic():
        locked = _lock_plan(plan, actor)
        if locked.is_published:
            return locked
        if not locked.actions.exists():
            raise ValidationError(_("Add at least one action before publishing the plan."))
        business = Business.objects.select_for_update().get(pk=locked.business_id)
        if business.status == business_rules.DIAGNOSED:
            business_transition(
                business=business,
                to_status=business_rules.PLAN_PUBLISHED,
                actor=actor,
                reason="action plan published",
            )
        elif not business_rules.reached(business.status, business_rules.PLAN_PUBLISHED):
            raise ValidationError(
                _(
                    "The plan can be published once the business's diagnostic is submitted; "
                    "the business is “%(status)s”."
                )
                % {"status": Business.Status(business.status).label}
            )
        locked.status = Plan.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = actor
        locked.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        _event(locked, PlanEvent.Kind.PUBLISHED, actor, old="draft", new="published")
        audit_log(
            actor=actor,
            verb="plan.published",
            obj=locked,
            before={"status": "draft"},
            after={"status": "published", "actions": locked.actions.count()},
        )
        _notify_merchants(locked)
    return locked


def plan_accept(*, plan: Plan, actor) -> Plan:
    """The merchant accepts the published plan: its proposed actions become accepted.
    Accepting twice changes nothing."""
    _require(permissions.can_respond(actor))
    with transaction.atomic():
        locked = _lock_plan(plan, actor)
        outcome = transitions.check_plan(
            locked.status, transitions.PLAN_ACCEPTED, permissions.plan_role(actor)
        )
        if outcome == transitions.SAME:
            return locked
        if outcome != transitions.OK:
            raise ValidationError(_("Only a published plan can be accepted."))
        now = timezone.now()
        locked.status = Plan.Status.ACCEPTED
        locked.accepted_at = now
        locked.accepted_by = actor
        locked.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
        proposed = list(locked.actions.filter(status=transitions.PROPOSED))
        for action in proposed:
            action.status = transitions.ACCEPTED
            action.status_changed_at = now
        PlanAction.objects.bulk_update(proposed, ["status", "status_changed_at"])
        PlanEvent.objects.bulk_create(
            [
                PlanEvent(
                    plan=locked,
                    action=action,
                    action_title=action.title_fr,
                    actor=actor,
                    kind=PlanEvent.Kind.ACTION_STATUS,
                    field="status",
                    old_value=transitions.PROPOSED,
                    new_value=transitions.ACCEPTED,
                )
                for action in proposed
            ]
        )
        _event(locked, PlanEvent.Kind.ACCEPTED, actor, old="published", new="accepted")
        audit_log(
            actor=actor,
            verb="plan.accepted",
            obj=locked,
            before={"status": "published"},
            after={"status": "accepted", "actions_accepted": len(proposed)},
        )
        _notify_advisor(
            locked, template="plans/plan_accepted", key=f"plan-accepted:{locked.pk}", context={}
        )
    return locked


def plan_comment(*, plan: Plan, actor, comment: str) -> Plan:
    """The merchant comments on the published plan (the advisor gets an e-mail). The same
    comment sent twice is recorded once."""
    _require(permissions.can_respond(actor))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Write your comment.")})
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "comment": _("Keep the comment under %(max)s characters.")
                % {"max": COMMENT_MAX_LENGTH}
            }
        )
    with transaction.atomic():
        locked = _lock_plan(plan, actor)
        if not locked.is_published:
            raise ValidationError(_("Only a published plan can be commented on."))
        if locked.merchant_comment == comment:
            return locked
        locked.merchant_comment = comment
        locked.merchant_comment_at = timezone.now()
        locked.save(update_fields=["merchant_comment", "merchant_comment_at", "updated_at"])
        event = _event(locked, PlanEvent.Kind.COMMENTED, actor, note=comment)
        _notify_advisor(
            locked,
            template="plans/plan_commented",
            key=f"plan-comment:{event.pk}",
            context={"comment": comment},
        )
    return locked


# --------------------------------------------------------------------------------------------
# Status of an action
# --------------------------------------------------------------------------------------------


def transition_message(current: str, target: str, outcome: str) -> str:
    """Why a move is refused, in the active language."""
    labels = {"current": _status_label(current), "target": _status_label(target)}
    if outcome == transitions.FORBIDDEN:
        return _("Only the advisor can move an action from “%(current)s” to “%(target)s”.") % labels
    return _("An action that is “%(current)s” cannot become “%(target)s”.") % labels


def _diagnosis_date(plan: Plan) -> datetime.date:
    assessment = plan.source_assessment
    moment = assessment.submitted_at if assessment and assessment.submitted_at else plan.created_at
    return timezone.localdate(moment)


def plan_action_set_status(
    *,
    action: PlanAction,
    actor,
    status: str,
    solution: Solution | None = None,
    implemented_at: datetime.date | None = None,
    implemented_note: str = "",
    reason: str = "",
) -> PlanAction:
    """Move an action to `status` per `transitions.ACTION_TRANSITIONS`.

    Implemented needs the date it went live (between the diagnostic and today) and which
    solution (from the catalog, or described in `implemented_note`); the first action
    implemented moves the business from "plan published" to "implementing". Dropped needs a
    reason. The same status again changes nothing.
    """
    role = permissions.plan_role(actor)
    _require(role is not None)
    if status not in transitions.STATUSES:
        raise ValidationError({"status": _("Choose a status.")})
    with transaction.atomic():
        locked = _lock_action(action, actor)
        plan = locked.plan
        if not permissions.can_update_status(actor, plan_status=plan.status):
            raise ValidationError(_("Actions change status once the plan is published."))
        current = locked.status
        outcome = transitions.check_action(current, status, role)
        if outcome == transitions.SAME:
            return locked
        if outcome != transitions.OK:
            raise ValidationError(transition_message(current, status, outcome))
        note = ""
        fields = ["status", "status_changed_at", "updated_at"]
        if status == transitions.IMPLEMENTED:
            _check_implemented(plan, solution, implemented_at, implemented_note)
            locked.implemented_solution = solution
            locked.implemented_at = implemented_at
            locked.implemented_note = implemented_note.strip()
            fields += ["implemented_solution", "implemented_at", "implemented_note"]
            note = solution.name if solution is not None else locked.implemented_note
        elif status == transitions.DROPPED:
            reason = (reason or "").strip()
            if not reason:
                raise ValidationError({"reason": _("Say why the action is dropped.")})
            locked.dropped_reason = reason
            fields.append("dropped_reason")
            note = reason
        elif current == transitions.DROPPED:
            locked.dropped_reason = ""
            fields.append("dropped_reason")
        locked.status = status
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=fields)
        _event(
            plan,
            PlanEvent.Kind.ACTION_STATUS,
            actor,
            action=locked,
            field="status",
            old=current,
            new=status,
            note=note,
        )
        after = {"status": status}
        if status == transitions.IMPLEMENTED:
            after["solution"] = solution.key if solution is not None else None
            after["implemented_at"] = implemented_at.isoformat()
        audit_log(
            actor=actor,
            verb="plan_action.status_changed",
            obj=locked,
            before={"status": current},
            after=after,
            reason=reason if status == transitions.DROPPED else "",
        )
        if status == transitions.IMPLEMENTED:
            business = Business.objects.select_for_update().get(pk=plan.business_id)
            if business.status == business_rules.PLAN_PUBLISHED:
                business_transition(
                    business=business,
                    to_status=business_rules.IMPLEMENTING,
                    actor=actor,
                    reason="first plan action implemented",
                )
    return locked


def _check_implemented(plan, solution, implemented_at, implemented_note) -> None:
    errors = {}
    if solution is None and not (implemented_note or "").strip():
        errors["solution"] = _(
            "Say which solution went live: choose it in the list or describe it."
        )
    elif solution is not None and not solution.is_active:
        errors["solution"] = _("This solution is no longer in the catalog.")
    if implemented_at is None:
        errors["implemented_at"] = _("Give the date the solution went live.")
    else:
        today = timezone.localdate()
        earliest = _diagnosis_date(plan)
        if implemented_at > today:
            errors["implemented_at"] = _("The date cannot be in the future.")
        elif implemented_at < earliest:
            errors["implemented_at"] = _("The date cannot be before the diagnostic (%(date)s).") % {
                "date": earliest.isoformat()
            }
    if errors:
        raise ValidationError(errors)
