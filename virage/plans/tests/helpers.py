"""Test data for plans: complete diagnostic answers, submitted T0 assessments built from the
diagnostics contract (answers + M2/R results + versions + submitted_at), plans with N actions.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from virage.diagnostics import questionnaire as qn
from virage.diagnostics import scoring
from virage.diagnostics.models import Assessment
from virage.plans.models import Plan, PlanAction
from virage.plans.rules import R_ITEM_KEYS, RULES_VERSION


def m2_answers(level: int = 0) -> dict:
    """Valid answers to every M2 question: nothing ticked, every level row at `level`."""
    answers = {}
    for question in qn.questions("m2"):
        rows = len(question.items)
        if question.answer_type == qn.INVEST_MATRIX:
            answers[question.key] = {"already": [], "plans": []}
        elif question.answer_type == qn.MULTI:
            answers[question.key] = []
        elif question.answer_type == qn.LEVELS:
            answers[question.key] = [level] * rows
        elif question.answer_type == qn.TRISTATE:
            answers[question.key] = ["no"] * rows
    return answers


def complete_answers(**r_changes: str) -> dict:
    """Every question answered: M2 at its lowest, every module R item "yes" but `r_changes`."""
    return {**m2_answers(), **dict.fromkeys(R_ITEM_KEYS, "yes"), **r_changes}


def submitted_t0(business, answers: dict, *, submitted_at=None, actor=None) -> Assessment:
    """A submitted T0 assessment, stored as the diagnostics app stores one."""
    m2 = scoring.score_m2(answers)
    r = scoring.score_r(answers)
    return Assessment.objects.create(
        business=business,
        time_point="T0",
        status="submitted",
        answers=answers,
        m2_result=m2.as_dict(),
        r_result=r.as_dict(),
        scoring_version_m2=m2.version,
        scoring_version_r=r.version,
        submitted_by=actor,
        submitted_at=submitted_at or timezone.now(),
    )


def draft_t0(business, answers: dict, *, actor=None) -> Assessment:
    return Assessment.objects.create(
        business=business, time_point="T0", status="draft", answers=answers, started_by=actor
    )


def plan_with_actions(
    business,
    n: int,
    *,
    status: str = Plan.Status.PUBLISHED,
    assessment=None,
    published_by=None,
    category: str = "ecommerce",
) -> Plan:
    """A plan with `n` actions (each with two candidate solutions), made directly."""
    now = timezone.now()
    plan = Plan.objects.create(
        business=business,
        status=status,
        source_assessment=assessment,
        rules_version=RULES_VERSION,
        published_at=now if status != Plan.Status.DRAFT else None,
        published_by=published_by,
        accepted_at=now if status == Plan.Status.ACCEPTED else None,
    )
    from virage.catalog.models import Solution
    from virage.plans.models import PlanActionSolution

    solutions = list(Solution.objects.filter(key__in=["shopify", "wix"]).order_by("key"))
    for i in range(1, n + 1):
        action = PlanAction.objects.create(
            plan=plan,
            category_id=category,
            title_fr=f"Action {i}",
            title_en=f"Action {i} (en)",
            why_fr="Parce que.",
            why_en="Because.",
            order=i,
            training_keys=["launch_online_store"],
            link_titles={"launch_online_store": {"fr": "Lancer", "en": "Launch"}},
            target_date=datetime.date(2020, 1, 1) if i % 2 else None,
        )
        for position, solution in enumerate(solutions, start=1):
            PlanActionSolution.objects.create(action=action, solution=solution, order=position)
    return plan
