"""Simultaneous requests on PostgreSQL: one plan per assessment, one business transition
when two actions go live at once, one history line for a double click."""

from __future__ import annotations

import pytest
from django.utils import timezone

from virage.catalog.models import Solution
from virage.core.models import AuditEvent
from virage.core.testing.concurrency import run_concurrently
from virage.enterprises.models import Business
from virage.plans import services
from virage.plans.models import Plan, PlanEvent

from .helpers import complete_answers, plan_with_actions, submitted_t0

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_one_plan_per_assessment_under_concurrent_generation(businesses, personas):
    t0 = submitted_t0(businesses.marie, complete_answers(r2_1="no", r7_1="no"))
    results = run_concurrently(
        lambda i: services.plan_generate_draft(assessment=t0, actor=personas.marie).pk, n=8
    )
    assert {status for status, _ in results} == {"ok"}
    assert len({pk for _, pk in results}) == 1
    assert Plan.objects.count() == 1
    assert Plan.objects.get().actions.count() == 2


def test_two_actions_going_live_at_once_move_the_business_once(businesses, personas):
    Business.objects.filter(pk=businesses.marie.pk).update(status="plan_published")
    plan = plan_with_actions(businesses.marie, 2, status="accepted")
    actions = list(plan.actions.order_by("order"))
    plan.actions.update(status="accepted")
    shopify = Solution.objects.get(key="shopify")

    def implement(i):
        return services.plan_action_set_status(
            action=actions[i],
            actor=personas.marie,
            status="implemented",
            solution=shopify,
            implemented_at=timezone.localdate(),
        ).status

    results = run_concurrently(implement, n=2)
    assert results == [("ok", "implemented"), ("ok", "implemented")]
    businesses.marie.refresh_from_db()
    assert businesses.marie.status == "implementing"
    assert AuditEvent.objects.filter(verb="business.status_changed").count() == 1


def test_double_click_on_a_status_records_it_once(businesses, personas):
    Business.objects.filter(pk=businesses.marie.pk).update(status="plan_published")
    plan = plan_with_actions(businesses.marie, 1)
    action = plan.actions.get()
    results = run_concurrently(
        lambda i: (
            services.plan_action_set_status(
                action=action, actor=personas.marie, status="accepted"
            ).status
        ),
        n=5,
    )
    assert {r for r in results} == {("ok", "accepted")}
    assert PlanEvent.objects.filter(kind="action_status").count() == 1
