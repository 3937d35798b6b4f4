"""Who sees which plan, and the outcome figures on a hand-worked dataset."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from virage.catalog.models import Solution
from virage.enterprises.models import Business
from virage.plans import selectors
from virage.plans.models import Plan, PlanAction, PlanEvent
from virage.plans.rules import RULES_VERSION

from .helpers import complete_answers, plan_with_actions, submitted_t0

pytestmark = pytest.mark.django_db
MONTREAL = ZoneInfo("America/Toronto")


@pytest.fixture
def plans(businesses, personas):
    return SimpleNamespace(
        marie_published=plan_with_actions(businesses.marie, 2),
        marie_draft=plan_with_actions(businesses.marie, 1, status="draft"),
        luc_accepted=plan_with_actions(businesses.luc, 3, status="accepted"),
    )


SCOPE = {
    # persona: (plans seen, number of actions seen)
    "marie": ({"marie_published"}, 2),
    "luc": ({"luc_accepted"}, 3),
    "antoine": ({"marie_published", "marie_draft"}, 3),
    "sofia": ({"luc_accepted"}, 3),
    "nadia": (set(), 0),
    "paul": (set(), 0),
    "rita": (set(), 0),
    "fatou": (set(), 0),
    "ada": ({"marie_published", "marie_draft", "luc_accepted"}, 6),
}


@pytest.mark.parametrize("persona", sorted(SCOPE))
def test_visible_to(plans, personas, persona):
    user = getattr(personas, persona)
    names = {name for name, plan in vars(plans).items()}
    seen = {
        name
        for name in names
        if Plan.objects.visible_to(user).filter(pk=getattr(plans, name).pk).exists()
    }
    expected_plans, expected_actions = SCOPE[persona]
    assert seen == expected_plans
    assert PlanAction.objects.visible_to(user).count() == expected_actions
    assert PlanEvent.objects.visible_to(user).count() == 0


def test_nobody_else_sees_plans(plans, personas):
    assert Plan.objects.visible_to(AnonymousUser()).count() == 0
    assert Plan.objects.visible_to(None).count() == 0
    personas.antoine.is_active = False
    assert Plan.objects.visible_to(personas.antoine).count() == 0
    assert PlanAction.objects.visible_to(personas.antoine).count() == 0


def test_business_profile(businesses):
    profile = selectors.business_profile(businesses.luc)
    assert (profile.employees, profile.locations, profile.subsector) == (24, 2, "444")
    assert (profile.has_website, profile.has_transactional_site, profile.has_marketplace) == (
        True,
        False,
        False,
    )


def test_plan_list_counts_and_overdue(plans, personas):
    today = datetime.date(2026, 6, 1)
    PlanAction.objects.filter(plan=plans.luc_accepted, order=1).update(
        status="implemented", implemented_at=datetime.date(2020, 2, 1), implemented_note="x"
    )
    PlanAction.objects.filter(plan=plans.luc_accepted, order=2).update(
        status="dropped", dropped_reason="x"
    )
    rows = [
        (
            p.business.name,
            p.status,
            p.actions_total,
            p.actions_implemented,
            p.actions_dropped,
            p.actions_overdue,
        )
        for p in selectors.plan_list(user=personas.ada, today=today)
    ]
    # helpers: actions 1, 3, … have a target date in 2020 (overdue when still open)
    assert rows == [
        ("Boutique Marie", "draft", 1, 0, 0, 1),
        ("Boutique Marie", "published", 2, 0, 0, 1),
        ("Quincaillerie Luc", "accepted", 3, 1, 1, 1),
    ]
    overdue = selectors.overdue_actions(user=personas.sofia, today=today)
    assert [(a.plan_id, a.order) for a in overdue] == [(plans.luc_accepted.pk, 3)]


@pytest.mark.parametrize("persona", ["antoine", "sofia", "ada", "marie", "paul"])
def test_plan_lines_match_the_plan_list_counts(plans, personas, persona):
    """The paged list reads the same plans and counts as `plan_list`, in the same order."""
    today = datetime.date(2026, 6, 1)
    PlanAction.objects.filter(plan=plans.luc_accepted, order=1).update(
        status="implemented", implemented_at=datetime.date(2020, 2, 1), implemented_note="x"
    )
    PlanAction.objects.filter(plan=plans.luc_accepted, order=2).update(
        status="dropped", dropped_reason="x"
    )
    user = getattr(personas, persona)
    counts = ("actions_total", "actions_implemented", "actions_dropped", "actions_overdue")
    expected = [
        (p.pk, p.business.name, p.status, *(getattr(p, c) for c in counts))
        for p in selectors.plan_list(user=user, today=today)
    ]
    ids = list(selectors.plan_rows(user=user, today=today).values_list("pk", flat=True))
    lines = selectors.plan_lines(ids=ids, today=today)
    assert [
        (line.pk, line.business_name, line.status, *(getattr(line, c) for c in counts))
        for line in lines
    ] == expected
    overdue = selectors.overdue_actions(user=user, today=today)
    assert selectors.overdue_count(user=user, today=today) == overdue.count()
    rows = selectors.overdue_lines(selectors.overdue_values(user=user, today=today), today=today)
    assert [(r.pk, r.plan_id, r.title, r.days_late) for r in rows] == [
        (a.pk, a.plan_id, a.title, (today - a.target_date).days) for a in overdue
    ]


def test_plan_rows_filters(plans, personas):
    today = datetime.date(2026, 6, 1)

    def names(**filters):
        rows = selectors.plan_rows(user=personas.ada, today=today, **filters)
        return [(p.business.name, p.status) for p in rows.select_related("business")]

    assert names(q="QUINCAILL") == [("Quincaillerie Luc", "accepted")]
    assert names(status="draft") == [("Boutique Marie", "draft")]
    assert names(status="unknown") == names()
    assert len(names()) == 3
    PlanAction.objects.filter(plan=plans.marie_published).update(target_date=None)
    assert names(overdue=True) == [("Boutique Marie", "draft"), ("Quincaillerie Luc", "accepted")]
    assert selectors.plan_lines(ids=[], today=today) == []


@pytest.mark.parametrize("n", [1, 20])
def test_plan_lines_query_count(personas, assert_queries, n):
    today = datetime.date(2026, 6, 1)
    ids = []
    for i in range(n):
        biz = Business.objects.create(legal_name=f"Commerce {i:02}", advisor=personas.antoine)
        ids.append(plan_with_actions(biz, 3).pk)
    # one query: the plans with their actions counted
    with assert_queries(1):
        lines = selectors.plan_lines(ids=ids, today=today)
    assert [line.actions_total for line in lines] == [3] * n
    assert [line.actions_overdue for line in lines] == [2] * n


def test_merchant_panel(plans, personas, businesses):
    today = datetime.date(2026, 6, 1)
    PlanAction.objects.filter(plan=plans.marie_published, order=2).update(
        status="implemented", implemented_at=datetime.date(2020, 2, 1), implemented_note="x"
    )
    panel = selectors.merchant_plan_panel(
        user=personas.marie, business=businesses.marie, today=today
    )
    assert panel["plan"] == plans.marie_published
    assert (panel["progress"].implemented, panel["progress"].active, panel["progress"].percent) == (
        1,
        2,
        50,
    )
    assert [a.title_fr for a in panel["next_actions"]] == ["Action 1"]
    assert selectors.merchant_plan_panel(user=personas.marie, business=None, today=today) is None


def test_advisor_panel(plans, personas):
    today = datetime.date(2026, 6, 1)
    assert selectors.advisor_plan_panel(user=personas.antoine, today=today) == {
        "drafts": 1,
        "published": 1,
        "overdue": 2,
    }
    assert selectors.advisor_plan_panel(user=personas.sofia, today=today) == {
        "drafts": 0,
        "published": 1,
        "overdue": 2,
    }


# ------------------------------------------------------------------ outcomes


def local(y, m, d, hour=10, minute=0):
    return datetime.datetime(y, m, d, hour, minute, tzinfo=MONTREAL)


def business(name, status="plan_published"):
    return Business.objects.create(legal_name=name, status=status)


def plan_for(biz, *, submitted_at, status="published"):
    t0 = submitted_t0(biz, complete_answers(r2_1="no"), submitted_at=submitted_at)
    return Plan.objects.create(
        business=biz,
        status=status,
        source_assessment=t0,
        rules_version=RULES_VERSION,
        published_at=submitted_at,
        accepted_at=submitted_at if status == "accepted" else None,
    )


def act(plan, category, status="proposed", *, live=None, solution=None, note=""):
    return PlanAction.objects.create(
        plan=plan,
        category_id=category,
        title_fr=f"{category} {status}",
        status=status,
        implemented_at=live,
        implemented_solution=Solution.objects.get(key=solution) if solution else None,
        implemented_note=note,
        dropped_reason="Pas maintenant." if status == "dropped" else "",
    )


@pytest.fixture
def outcomes(db):
    """Hand-worked dataset (dates local to Montréal):

    B1: T0 2026-01-10; implemented 01-20 (Shopify, ecommerce) and 02-09 (Bitwarden,
        cybersecurity); one in progress, one dropped → 2 implemented, first after 10 days.
    B2: T0 2026-01-05; implemented 01-25 (Square, pos), 02-01 (Shopify, ecommerce) and
        03-01 (described, no catalog solution, cybersecurity) → 3, first after 20 days.
    B3: T0 2026-02-01; one proposed, one accepted → 0 implemented, no first.
    B4: T0 2026-01-01 at 23:30 (already 01-02 in UTC); implemented 01-31 (Wix, ecommerce)
        → 1, first after 30 days (counted from the local date).
    B5: a draft plan with an implemented action (made directly): never counted.
    B6: no plan at all: not counted.
    Implemented per business: 0, 1, 2, 3 → mean 1.5. Median days: 10, 20, 30 → 20.
    """
    b1, b2, b3, b4 = (business(f"B{i}") for i in range(1, 5))
    b5, b6 = business("B5", "diagnosed"), business("B6", "enrolled")
    p1 = plan_for(b1, submitted_at=local(2026, 1, 10))
    act(p1, "ecommerce", "implemented", live=datetime.date(2026, 1, 20), solution="shopify")
    act(p1, "cybersecurity", "implemented", live=datetime.date(2026, 2, 9), solution="bitwarden")
    act(p1, "pos", "in_progress")
    act(p1, "loyalty", "dropped")
    p2 = plan_for(b2, submitted_at=local(2026, 1, 5), status="accepted")
    act(p2, "pos", "implemented", live=datetime.date(2026, 1, 25), solution="square")
    act(p2, "ecommerce", "implemented", live=datetime.date(2026, 2, 1), solution="shopify")
    act(p2, "cybersecurity", "implemented", live=datetime.date(2026, 3, 1), note="Sauvegardes")
    p3 = plan_for(b3, submitted_at=local(2026, 2, 1))
    act(p3, "ecommerce")
    act(p3, "analytics", "accepted")
    p4 = plan_for(b4, submitted_at=local(2026, 1, 1, 23, 30), status="accepted")
    act(p4, "ecommerce", "implemented", live=datetime.date(2026, 1, 31), solution="wix")
    p5 = plan_for(b5, submitted_at=local(2026, 1, 3), status="draft")
    act(p5, "ecommerce", "implemented", live=datetime.date(2026, 1, 4), solution="wix")
    return SimpleNamespace(b1=b1, b2=b2, b3=b3, b4=b4, b5=b5, b6=b6)


def test_actions_implemented_per_business(outcomes):
    assert selectors.outcome_actions_implemented_per_business() == {
        "businesses": 4,
        "mean": 1.5,
        "distribution": [
            {"implemented": 0, "businesses": 1},
            {"implemented": 1, "businesses": 1},
            {"implemented": 2, "businesses": 1},
            {"implemented": 3, "businesses": 1},
        ],
    }
    scoped = Business.objects.filter(legal_name__in=["B1", "B3", "B5"])
    assert selectors.outcome_actions_implemented_per_business(businesses=scoped) == {
        "businesses": 2,
        "mean": 1.0,
        "distribution": [
            {"implemented": 0, "businesses": 1},
            {"implemented": 2, "businesses": 1},
        ],
    }


def test_actions_implemented_with_nothing(db):
    assert selectors.outcome_actions_implemented_per_business() == {
        "businesses": 0,
        "mean": None,
        "distribution": [],
    }


def test_median_days_from_diagnosis_to_first_implementation(outcomes):
    assert selectors.outcome_days_to_first_implementation() == {
        "businesses": 3,
        "median_days": 20.0,
    }
    # an even count: the mean of the two middle values (B1 10 days, B2 20 days)
    two = Business.objects.filter(legal_name__in=["B1", "B2"])
    assert selectors.outcome_days_to_first_implementation(businesses=two) == {
        "businesses": 2,
        "median_days": 15.0,
    }
    none = Business.objects.filter(legal_name__in=["B3", "B5", "B6"])
    assert selectors.outcome_days_to_first_implementation(businesses=none) == {
        "businesses": 0,
        "median_days": None,
    }


def test_solutions_adopted_by_category(outcomes):
    rows = {
        r["category"]: (r["adoptions"], r["with_solution"], r["businesses"])
        for r in selectors.outcome_solutions_adopted_by_category()
    }
    assert len(rows) == 15
    assert {k: v for k, v in rows.items() if v != (0, 0, 0)} == {
        "ecommerce": (3, 3, 3),
        "cybersecurity": (2, 1, 2),
        "pos": (1, 1, 1),
    }
    first = selectors.outcome_solutions_adopted_by_category()[0]
    assert (first["category"], first["name_fr"], first["name_en"]) == (
        "ecommerce",
        "Boutique en ligne",
        "Online store",
    )
    scoped = Business.objects.filter(legal_name="B2")
    rows = {
        r["category"]: (r["adoptions"], r["with_solution"], r["businesses"])
        for r in selectors.outcome_solutions_adopted_by_category(businesses=scoped)
        if r["adoptions"]
    }
    assert rows == {"ecommerce": (1, 1, 1), "cybersecurity": (1, 0, 1), "pos": (1, 1, 1)}


def test_solutions_adopted(outcomes):
    assert selectors.outcome_solutions_adopted() == [
        {
            "category": "ecommerce",
            "solution": "shopify",
            "name": "Shopify",
            "adoptions": 2,
            "businesses": 2,
        },
        {
            "category": "cybersecurity",
            "solution": "bitwarden",
            "name": "Bitwarden",
            "adoptions": 1,
            "businesses": 1,
        },
        {
            "category": "pos",
            "solution": "square",
            "name": "Square",
            "adoptions": 1,
            "businesses": 1,
        },
        {
            "category": "ecommerce",
            "solution": "wix",
            "name": "Wix",
            "adoptions": 1,
            "businesses": 1,
        },
    ]


def test_outcome_query_counts(outcomes, assert_queries):
    # 1 distribution, 1 count and mean
    with assert_queries(2):
        selectors.outcome_actions_implemented_per_business()
    # 1 count, 1 middle rows
    with assert_queries(2):
        selectors.outcome_days_to_first_implementation()
    # 1 categories with their counts
    with assert_queries(1):
        selectors.outcome_solutions_adopted_by_category()
    with assert_queries(1):
        selectors.outcome_solutions_adopted()


def test_latest_plan_counts_reads_each_business_latest_plan(plans, businesses, assert_queries):
    """Marie's newest plan is her draft (1 action); Luc's accepted plan has 3 actions, of
    which one implemented, one dropped (out of the total) and one overdue."""
    today = datetime.date(2026, 11, 26)
    luc = list(plans.luc_accepted.actions.order_by("order", "pk"))
    PlanAction.objects.filter(pk=luc[0].pk).update(
        status="implemented", implemented_at=today, implemented_note="Site en ligne"
    )
    PlanAction.objects.filter(pk=luc[1].pk).update(status="dropped", dropped_reason="Trop cher")
    PlanAction.objects.filter(pk=luc[2].pk).update(
        status="accepted", target_date=datetime.date(2026, 11, 1)
    )
    expected_marie = {
        "total": 1,
        "implemented": 0,
        "overdue": plans.marie_draft.actions.filter(
            target_date__lt=today, status__in=["proposed", "accepted", "in_progress"]
        ).count(),
    }
    with assert_queries(2):
        counts = selectors.latest_plan_counts(
            business_ids=[businesses.marie.pk, businesses.luc.pk], today=today
        )
    assert counts == {
        businesses.marie.pk: expected_marie,
        businesses.luc.pk: {"total": 2, "implemented": 1, "overdue": 1},
    }
    with assert_queries(1):  # no plan: no second query
        assert selectors.latest_plan_counts(business_ids=[0], today=today) == {}
