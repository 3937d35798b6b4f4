"""My data: the plans part of the export (plans, actions, the person's events) and the
anonymiser (comments erased, statuses and counts kept)."""

from __future__ import annotations

import json

import pytest

from virage.plans.models import Plan, PlanAction, PlanEvent
from virage.plans.privacy import anonymise_person, export_person
from virage.plans.services import plan_accept, plan_comment
from virage.plans.tests.helpers import plan_with_actions
from virage.privacy.registry import anonymisers, exporters
from virage.privacy.services import personal_data

pytestmark = pytest.mark.django_db

PLAN_COLUMNS = [
    "accepted_at",
    "accepted_by_you",
    "business_id",
    "commented_at",
    "created_at",
    "diagnostic_id",
    "plan_id",
    "published_at",
    "rules_version",
    "status",
    "your_comment",
]
ACTION_COLUMNS = [
    "category",
    "created_at",
    "dropped_reason",
    "implemented_at",
    "implemented_note",
    "implemented_solution",
    "order",
    "owner",
    "owner_other",
    "plan_id",
    "status",
    "status_changed_at",
    "target_date",
    "title_en",
    "title_fr",
    "why_en",
    "why_fr",
]
EVENT_COLUMNS = ["action_title", "after", "before", "field", "kind", "note", "plan_id", "when"]
STAFF_EVENT_COLUMNS = ["action_title", "field", "kind", "plan_id", "when"]


@pytest.fixture
def plans(personas, businesses):
    marie_plan = plan_with_actions(businesses.marie, 2, published_by=personas.antoine)
    plan_comment(plan=marie_plan, actor=personas.marie, comment="Commencer par la boutique.")
    plan_accept(plan=marie_plan, actor=personas.marie)
    luc_plan = plan_with_actions(businesses.luc, 3, published_by=personas.sofia)
    plan_comment(plan=luc_plan, actor=personas.luc, comment="Luc veut attendre l'automne.")
    return marie_plan, luc_plan


def test_the_exporter_and_the_anonymiser_are_registered():
    assert "plans" in dict(exporters())
    assert "plans" in dict(anonymisers())


def test_marie_gets_her_plan_actions_and_events_with_exact_columns(plans, personas):
    marie_plan, _luc_plan = plans
    data = export_person(personas.marie)
    assert sorted(data) == ["plan_actions", "plan_events", "plans"]
    [plan] = data["plans"]
    assert sorted(plan) == PLAN_COLUMNS
    assert (plan["plan_id"], plan["status"], plan["accepted_by_you"], plan["your_comment"]) == (
        marie_plan.pk,
        "accepted",
        True,
        "Commencer par la boutique.",
    )
    actions = data["plan_actions"]
    assert [sorted(a) for a in actions] == [ACTION_COLUMNS, ACTION_COLUMNS]
    assert [(a["title_fr"], a["status"], a["category"]) for a in actions] == [
        ("Action 1", "accepted", "ecommerce"),
        ("Action 2", "accepted", "ecommerce"),
    ]
    events = data["plan_events"]
    assert {tuple(sorted(e)) for e in events} == {tuple(EVENT_COLUMNS)}
    # her comment, the two actions accepted with the plan, the plan accepted
    assert sorted(e["kind"] for e in events) == [
        "accepted",
        "action_status",
        "action_status",
        "commented",
    ]
    assert [e["note"] for e in events if e["kind"] == "commented"] == ["Commencer par la boutique."]


def test_nothing_about_luc_is_in_maries_export(plans, personas):
    _marie_plan, luc_plan = plans
    section = personal_data(personas.marie)["plans"]
    assert luc_plan.pk not in {row["plan_id"] for rows in section.values() for row in rows}
    text = json.dumps(section, ensure_ascii=False)
    for other in ("Luc veut attendre", "luc@demo.virage.example", "Quincaillerie"):
        assert other not in text


def test_an_advisor_gets_only_the_events_they_authored_without_values(plans, personas):
    data = export_person(personas.antoine)
    assert data == {"plan_events_authored": []}
    PlanEvent.objects.create(
        plan=plans[0],
        actor=personas.antoine,
        kind="action_edited",
        field="title_fr",
        old_value="Action 1",
        new_value="Action 1 revue",
    )
    [row] = export_person(personas.antoine)["plan_events_authored"]
    assert sorted(row) == STAFF_EVENT_COLUMNS
    assert (row["kind"], row["field"]) == ("action_edited", "title_fr")


def _totals():
    return (
        Plan.objects.count(),
        sorted(Plan.objects.values_list("status", flat=True)),
        PlanAction.objects.count(),
        sorted(PlanAction.objects.values_list("status", flat=True)),
        PlanEvent.objects.count(),
    )


def test_anonymising_marie_erases_her_texts_and_keeps_the_totals(plans, personas):
    marie_plan, luc_plan = plans
    PlanAction.objects.filter(plan=marie_plan, order=1).update(
        owner="other", owner_other="Julie, ma comptable"
    )
    before = _totals()
    touched = anonymise_person(personas.marie, actor=personas.ada)
    assert touched == {"plans": 1, "plan_events": 1, "plan_actions": 1}
    assert _totals() == before
    marie_plan.refresh_from_db()
    luc_plan.refresh_from_db()
    assert (marie_plan.merchant_comment, marie_plan.status) == ("", "accepted")
    assert luc_plan.merchant_comment == "Luc veut attendre l'automne."
    assert list(
        PlanEvent.objects.filter(plan=marie_plan, kind="commented").values_list("note", flat=True)
    ) == [""]
    assert list(PlanAction.objects.filter(plan=marie_plan).values_list("owner", "owner_other")) == [
        ("other", "—"),
        ("merchant", ""),
    ]
    # a second run touches nothing
    assert anonymise_person(personas.marie, actor=personas.ada) == {
        "plans": 0,
        "plan_events": 0,
        "plan_actions": 0,
    }
