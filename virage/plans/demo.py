"""Demo plans: Marie's plan published and under way (a mix of statuses, one action overdue),
Luc's draft waiting for Sofia. Goes through the services, as the people would.

Marie's plan comes from her T0 diagnostic (the diagnostics demo submits it, which generates
the draft); without it, from synthetic answers. Luc's T0 is still in progress in the
diagnostics demo, so his draft comes from synthetic answers. Idempotent: a business that
already has a plan is left as it is.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from virage.catalog.models import SolutionCategory
from virage.enterprises import rules as business_rules
from virage.enterprises.services import business_transition
from virage.enterprises.testing import persona_businesses

from . import services
from .models import Plan

# Answers used when no submitted T0 exists (module R items; M2 dimensions on 0-100).
MARIE_ANSWERS = {
    "r1_4": "partially",
    "r2_1": "no",
    "r3_1": "no",
    "r3_3": "no",
    "r4_1": "partially",
    "r6_2": "no",
    "r7_1": "partially",
    "r7_2": "no",
}
MARIE_M2 = {"D1": 38.3, "D2": 45.0, "D3": 30.0, "D4": 22.9, "D5": 4.0, "D6": 24.0}
LUC_ANSWERS = {
    "r1_3": "no",
    "r1_4": "no",
    "r2_1": "partially",
    "r3_3": "no",
    "r4_1": "partially",
    "r4_3": "no",
    "r5_2": "no",
    "r7_2": "no",
}
KEEP = 6  # actions Antoine keeps in Marie's first plan; the others can come later

LUC_M2 = {"D1": 46.7, "D2": 40.0, "D3": 21.4, "D4": 35.4, "D5": 0.0, "D6": 16.0}


def _t0(business):
    try:
        from virage.diagnostics.selectors import assessment_latest
    except ImportError:
        return None
    return assessment_latest(business=business, time_point="T0")


def _marie(business, users, stdout) -> None:
    antoine, marie = users["antoine"], users["marie"]
    if Plan.objects.filter(business=business).published().exists():
        return
    assessment = _t0(business)
    if assessment is not None:
        plan = services.plan_generate_draft(assessment=assessment, actor=antoine)
    else:
        plan = Plan.objects.filter(business=business, status=Plan.Status.DRAFT).first()
        if plan is None:
            plan = services.plan_draft_from_answers(
                business=business, answers=MARIE_ANSWERS, m2_dimensions=MARIE_M2, actor=antoine
            )
        if business.status == business_rules.ENROLLED:
            business_transition(
                business=business,
                to_status=business_rules.DIAGNOSED,
                actor=antoine,
                reason="demo: diagnostic T0 (synthetic answers)",
            )
    today = timezone.localdate()
    # The advisor keeps the six most important actions for this first plan…
    for action in list(plan.actions.order_by("order"))[KEEP:]:
        services.plan_action_remove(action=action, actor=antoine)
    actions = list(plan.actions.order_by("order"))
    # …and sets who does what and by when: the second action is overdue on purpose.
    for index, action in enumerate(actions):
        target = today + datetime.timedelta(days=30 * (index + 1))
        if index == 1:
            target = today - datetime.timedelta(days=7)
        services.plan_action_update(
            action=action,
            actor=antoine,
            target_date=target,
            owner="advisor" if index == 2 else "merchant",
        )
    services.plan_action_add(
        plan=plan,
        actor=antoine,
        category=SolutionCategory.objects.get(key="hr_payroll"),
        title_fr="Essayer un logiciel d'horaires pour les fins de semaine",
        title_en="Try scheduling software for weekend shifts",
        why_fr=(
            "Marie passe deux heures par semaine à faire les horaires des fins de semaine à la "
            "main; un essai gratuit permettrait de comparer."
        ),
        why_en=(
            "Marie spends two hours a week building weekend schedules by hand; a free trial "
            "would let her compare."
        ),
        target_date=today + datetime.timedelta(days=90),
        request_token="demo-marie-hr",  # noqa: S106 - a form token, not a secret
    )
    services.plan_publish(plan=plan, actor=antoine)
    services.plan_accept(plan=plan, actor=marie)
    actions = list(plan.actions.order_by("order"))
    if actions:
        first = actions[0]
        services.plan_action_set_status(action=first, actor=marie, status="in_progress")
        candidate = first.candidates.select_related("solution").order_by("order").first()
        services.plan_action_set_status(
            action=first,
            actor=marie,
            status="implemented",
            solution=candidate.solution if candidate else None,
            implemented_note="" if candidate else "Mis en place avec le conseiller",
            implemented_at=today,
        )
    if len(actions) > 1:
        services.plan_action_set_status(action=actions[1], actor=marie, status="in_progress")
    if len(actions) > 3:
        services.plan_action_set_status(
            action=actions[3],
            actor=marie,
            status="dropped",
            reason="Pas prioritaire cette année : le budget va d'abord à la boutique en ligne.",
        )
    services.plan_comment(
        plan=plan,
        actor=marie,
        comment="Merci! Pouvons-nous revoir ensemble les forfaits de paiement en ligne?",
    )
    stdout.write(f"  plans: {business.name}, published ({len(actions)} actions)")


def _luc(business, users, stdout) -> None:
    if Plan.objects.filter(business=business).exists():
        return
    assessment = _t0(business)
    if assessment is not None:
        plan = services.plan_generate_draft(assessment=assessment, actor=users["sofia"])
    else:
        plan = services.plan_draft_from_answers(
            business=business, answers=LUC_ANSWERS, m2_dimensions=LUC_M2, actor=users["sofia"]
        )
    stdout.write(f"  plans: {business.name}, draft ({plan.actions.count()} actions)")


def seed(*, users, stdout) -> None:
    businesses = persona_businesses(users)
    _marie(businesses["marie"], users, stdout)
    _luc(businesses["luc"], users, stdout)
