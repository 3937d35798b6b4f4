"""capsule_links() for the plans app, and the merchant's next recommended capsules."""

import pytest
from django.urls import reverse
from django.utils import timezone

from virage.capsules import selectors
from virage.capsules.selectors import capsule_links, capsule_recommendations
from virage.capsules.services import quiz_submit

from .factories import make_capsule, make_light_learner, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def capsules(db):
    result = {
        "security": make_capsule(
            "security", title_fr="Cybersécurité", categories=["cybersecurity"]
        ),
        "pos": make_capsule("pos", title_fr="Caisse moderne", categories=["pos", "payments"]),
        "shipping": make_capsule("shipping", title_fr="Livraison", categories=["shipping"]),
        "listings": make_capsule("listings", title_fr="Fiches", categories=["visibility"]),
    }
    make_capsule("draft", title_fr="Brouillon", categories=["shipping"], published=False)
    return result


def complete(capsule, learner):
    quiz_submit(capsule=capsule, answers=right_answers(capsule), learner=learner)


def test_capsule_links_contract(capsules):
    assert capsule_links() == [
        {
            "key": "pos",
            "title_fr": "Caisse moderne",
            "title_en": "Test capsule",
            "categories": ["pos", "payments"],
        },
        {
            "key": "security",
            "title_fr": "Cybersécurité",
            "title_en": "Test capsule",
            "categories": ["cybersecurity"],
        },
        {
            "key": "listings",
            "title_fr": "Fiches",
            "title_en": "Test capsule",
            "categories": ["visibility"],
        },
        {
            "key": "shipping",
            "title_fr": "Livraison",
            "title_en": "Test capsule",
            "categories": ["shipping"],
        },
    ]


def test_capsule_links_is_one_query(capsules, assert_queries):
    with assert_queries(1):
        capsule_links()


def test_without_plan_or_diagnostic_the_most_completed_come_first(capsules, personas, businesses):
    for i in range(3):
        complete(capsules["shipping"], make_light_learner(f"s{i}@example.com", f"Commerce {i}"))
    complete(capsules["listings"], make_light_learner("l@example.com", "Commerce L"))
    result = capsule_recommendations(user=personas.marie)
    assert result["source"] == "popular"
    assert [c.key for c in result["capsules"]] == ["shipping", "listings", "pos"]
    assert (result["completed"], result["total"]) == (0, 4)


def test_diagnostic_gaps_choose_the_capsules(capsules, personas, businesses):
    from virage.diagnostics.models import Assessment

    Assessment.objects.create(
        business=businesses.marie,
        time_point="T0",
        status="submitted",
        submitted_at=timezone.now(),
        answers={"r3_3": "partially", "r7_1": "no", "r1_2": "yes"},
        m2_result={},
        r_result={},
        scoring_version_m2="test",
        scoring_version_r="test",
    )
    quiz_submit(
        capsule=capsules["security"],
        answers=right_answers(capsules["security"]),
        learner=None,
        user=personas.marie,
    )
    result = capsule_recommendations(user=personas.marie)
    # r7_1 "no" → cybersecurity (already completed); r3_3 "partially" → pos, inventory, ecommerce
    assert result["source"] == "diagnostic"
    assert [c.key for c in result["capsules"]] == ["pos", "listings", "shipping"]
    assert result["completed"] == 1


def test_plan_actions_come_first(capsules, personas, businesses, monkeypatch):
    monkeypatch.setattr(
        selectors, "_plan_wants", lambda *, user, business: (["listings"], ["shipping"])
    )
    result = capsule_recommendations(user=personas.marie)
    assert result["source"] == "plan"
    assert [c.key for c in result["capsules"]] == ["listings", "shipping", "pos"]


def test_open_plan_actions_of_the_merchant_are_read(capsules, personas, businesses):
    from virage.plans.models import Plan, PlanAction

    plan = Plan.objects.create(
        business=businesses.marie,
        status="published",
        published_at=timezone.now(),
        rules_version="test",
    )
    PlanAction.objects.create(plan=plan, category_id="shipping", title_fr="Expédier", order=1)
    PlanAction.objects.create(
        plan=plan, category_id="visibility", title_fr="Fiche", order=2, capsule_keys=["listings"]
    )
    PlanAction.objects.create(
        plan=plan,
        category_id="pos",
        title_fr="Caisse",
        order=3,
        status="dropped",
        dropped_reason="Pas maintenant",
    )
    keys, categories = selectors._plan_wants(user=personas.marie, business=businesses.marie)
    assert (keys, categories) == (["listings"], ["shipping", "visibility"])
    # another merchant's plan is not read
    assert selectors._plan_wants(user=personas.luc, business=businesses.marie) == ([], [])


def test_home_panel_shows_the_next_capsules(client_for, capsules, businesses):
    response = client_for("marie").get(reverse("accounts:home"))
    content = response.content.decode()
    assert "Capsules pour vous" in content
    assert "Vous avez terminé 0 capsule sur 4." in content
    assert content.count('href="/fr/capsules/') >= 3
