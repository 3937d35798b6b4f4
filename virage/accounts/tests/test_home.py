"""The home page: exact query counts that do not grow with the data (merchant, program admin),
and panels that read the same figures as the selectors they stand for."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from virage.capsules import panels as capsule_panels
from virage.capsules.models import Capsule, CapsuleProgress
from virage.capsules.services import learner_for_merchant
from virage.capsules.tests.factories import make_capsule, make_light_learner
from virage.coaching.tests.factories import make_business, make_meeting, make_plan
from virage.diagnostics.tests.factories import make_assessment
from virage.enterprises.models import Business, ProgramCounter
from virage.plans.models import PlanAction
from virage.programs.selectors import program_for
from virage.training.models import Registration
from virage.training.tests.factories import make_session
from virage.waitlist.models import EntryStatus, IntakeWave
from virage.waitlist.tests.factories import make_entry

HOME = "/fr/account/home/"


@pytest.fixture(autouse=True)
def _fresh_popularity():
    """Capsule popularity is kept per process (see capsules/panels.py): start each test cold."""
    capsule_panels.popularity_clear()
    yield
    capsule_panels.popularity_clear()


def request_for(user):
    request = RequestFactory().get(HOME)
    request.user = user
    return request


def text(response) -> str:
    """The page's text, tags removed, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


# --- merchant ---------------------------------------------------------------------------------


def merchant_world(personas, businesses, n: int) -> None:
    """Marie's business with `n` of everything the home page reads: meetings held and planned,
    open plan actions, training registrations, capsules (one passed), and a T0 diagnostic."""
    business = businesses.marie
    now = timezone.now()
    for i in range(n):
        make_meeting(business, personas.antoine, days_ago=30 + i, held_minutes=30)
        make_meeting(business, personas.antoine, starts_at=now + timedelta(days=3 + i))
    make_plan(
        business,
        actions=[
            (f"Action {i}", "proposed", (now + timedelta(days=10 + i)).date()) for i in range(n)
        ],
    )
    make_assessment(business, by=personas.marie)
    for i in range(n):
        session = make_session(trainer=personas.nadia, days=5 + i)
        Registration.objects.create(
            session=session,
            person=personas.marie,
            business=business,
            status=Registration.Status.REGISTERED,
            created_by=personas.marie,
        )
    capsules = [make_capsule(key=f"capsule-{i:02}", questions=0) for i in range(n)]
    CapsuleProgress.objects.create(
        learner=learner_for_merchant(user=personas.marie),
        capsule=capsules[0],
        started_at=now,
        last_attempt_at=now,
        attempts=1,
        best_score_percent=100,
        passed=True,
        completed_at=now,
    )


@pytest.mark.parametrize("n", [1, 20])
def test_merchant_home_queries_do_not_grow(personas, businesses, client_for, assert_queries, n):
    merchant_world(personas, businesses, n)
    client = client_for("marie")
    # 1 session, 1 user, 1 business (package, advisor: shared by every panel),
    # coaching: 1 allowance, 1 planned meetings; diagnostics: 1 assessments (also read by the
    # capsules panel); plans: 1 plan with progress, 1 open actions (also read by the capsules
    # panel); training: 1 next registration, 1 allowance; capsules: 1 capsules with the ones
    # passed, 1 popularity (kept by the process afterwards); 1 program (layout)
    with assert_queries(13):
        response = client.get(HOME)
    assert response.status_code == 200
    # the same without the popularity count, kept from the first request
    with assert_queries(12):
        response = client.get(HOME)
    page = text(response)
    used, left = f"{n * 30 / 60:.1f}".replace(".", ","), f"{10 - n * 30 / 60:.1f}".replace(".", ",")
    assert f"Accompagnement : {used} h utilisées sur 10,0 h ({left} h restantes)." in page
    assert page.count("Prochaine rencontre : le ") == 1
    assert f"Actions réalisées : 0 sur {n}" in page
    assert page.count("· proposée · d'ici le") == min(n, 3)
    assert page.count("Prochaine séance : Module ") == 1
    assert f"Vous avez terminé 1 capsule sur {n}." in page


def test_merchant_home_while_applying(personas, client, assert_queries):
    """An invited business (application in progress): the enterprises panel also reads the
    application and whether a location exists."""
    from virage.accounts.models import Role, User
    from virage.enterprises.models import BusinessMember

    user = User.objects.create_user(
        email="nouveau@commerce.example", password=None, role=Role.MERCHANT
    )
    business = Business.objects.create(legal_name="Nouveau commerce", status="invited")
    BusinessMember.objects.create(business=business, user=user)
    client.force_login(user)
    client.get(HOME)  # popularity kept
    # 1 session, 1 user, 1 business, 1 application, 1 location exists, 1 coaching allowance,
    # 1 planned meetings, 1 assessments, 1 plan (none: no actions read), 1 next registration,
    # 1 training allowance, 1 capsules, 1 program
    with assert_queries(13):
        response = client.get(HOME)
    assert response.status_code == 200


def test_merchant_without_business(client, assert_queries):
    from virage.accounts.models import Role, User

    user = User.objects.create_user(email="seul@commerce.example", password=None, role="merchant")
    assert user.role == Role.MERCHANT
    client.force_login(user)
    client.get(HOME)  # popularity kept
    # 1 session, 1 user, 1 business (none: the business panels are hidden), 1 capsules,
    # 1 program
    with assert_queries(5):
        response = client.get(HOME)
    assert response.status_code == 200


# --- program admin ----------------------------------------------------------------------------


def admin_world(personas, n: int) -> None:
    """`n` of everything the admin's panels count."""
    today = timezone.localdate()
    for status in ("applied", "needs_review", "eligible", "invited"):
        for _ in range(n):
            make_business(status=status, owner_language=None)
    for _ in range(n):
        unassigned = make_business(owner_language=None)
        make_assessment(unassigned, submitted=False)
        make_plan(unassigned, actions=[("En retard", "proposed", today - timedelta(days=3))])
        make_entry()
        make_entry(status=EntryStatus.INVITED)
    for i in range(n):
        IntakeWave.objects.create(name=f"Vague {i}", places=10)


def reporting_queries(user) -> int:
    """Queries of the reporting panel (key figures, reworked separately), the program aside."""
    from virage.reporting import panels as reporting_panels

    request = request_for(user)
    program_for(request)
    with CaptureQueriesContext(connection) as ctx:
        reporting_panels.admin(request)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("n", [1, 20])
def test_admin_home_queries_do_not_grow(personas, program, client_for, assert_queries, n):
    admin_world(personas, n)
    client = client_for("ada")
    key_figures = reporting_queries(personas.ada)
    # 1 session, 1 user, 1 program (shared), the key figures (reporting), enterprises:
    # 1 businesses by status, 1 places; waitlist: 1 entries by status, 1 open waves;
    # diagnostics: 1 by time point and status; plans: 1 by status, 1 overdue actions;
    # coaching: 1 without advisor; privacy (Ada is the privacy officer): 1 requests
    with assert_queries(12 + key_figures):
        response = client.get(HOME)
    assert response.status_code == 200
    page = text(response)
    assert f"Soumises, à décider {n} À examiner {n} Acceptées, à inscrire {n}" in page
    assert f"Invitées, demande en cours {n} Places prises dans le programme {5 * n} / " in page
    assert f"En attente dans la file {n} Courriel non confirmé 0 Invitées {n}" in page
    assert ("1 vague d'invitations ouverte." if n == 1 else f"{n} vagues d'invitations") in page
    assert f"T0 {n} 0 T1 0 0" in page
    assert ("1 plan publié" if n == 1 else f"{n} plans publiés") in page
    assert ("1 action en retard" if n == 1 else f"{n} actions en retard") in page
    assert (
        "1 entreprise inscrite n'a pas encore de conseiller."
        if n == 1
        else f"{n} entreprises inscrites n'ont pas encore de conseiller."
    ) in page


def test_admin_places_one_query_with_or_without_counter(personas, program, assert_queries):
    from virage.enterprises.panels import places
    from virage.enterprises.selectors import program_places

    make_business(owner_language=None)
    make_business(owner_language=None)
    expected = program_places(program=program)
    with assert_queries(1):
        assert places(program=program) == expected
    ProgramCounter.objects.update_or_create(program=program, defaults={"enrolled": 7})
    expected = program_places(program=program)
    assert expected["enrolled"] == 7
    with assert_queries(1):
        assert places(program=program) == expected


# --- the panels read what the selectors read -----------------------------------------------------


def test_admin_panels_equal_the_selectors(personas, program):
    from virage.coaching import panels as coaching_panels
    from virage.coaching.selectors import unassigned_count
    from virage.diagnostics import panels as diagnostics_panels
    from virage.diagnostics.selectors import assessment_counts
    from virage.enterprises import panels as enterprise_panels
    from virage.enterprises.selectors import application_counts
    from virage.plans import panels as plan_panels
    from virage.plans.selectors import advisor_plan_panel
    from virage.waitlist import panels as waitlist_panels
    from virage.waitlist.selectors import callback_summary

    admin_world(personas, 3)
    make_business(status="needs_review", owner_language=None)
    business = make_business(owner_language=None)
    make_assessment(business)
    make_plan(
        business,
        status="accepted",
        actions=[
            ("Fait", "implemented", None),
            ("Abandon", "dropped", timezone.localdate() - timedelta(days=5)),
            ("En cours", "in_progress", timezone.localdate() - timedelta(days=1)),
            ("Plus tard", "accepted", timezone.localdate() + timedelta(days=1)),
        ],
    )
    make_plan(business, status="draft")
    make_entry(status=EntryStatus.UNCONFIRMED)
    make_entry(status=EntryStatus.WITHDRAWN)
    IntakeWave.objects.create(name="Fermée", places=5, status=IntakeWave.Status.CLOSED)
    ada, antoine = personas.ada, personas.antoine
    Business.objects.filter(pk=business.pk).update(advisor=antoine)

    panel = enterprise_panels.admin(request_for(ada))
    counts = application_counts(user=ada)
    assert panel["counts"] == {k: counts[k] for k in panel["counts"]}
    assert panel["counts"] == {
        "to_decide": 7,
        "applied": 3,
        "needs_review": 4,
        "to_enrol": 3,
        "in_progress": 3,
    }
    summary = waitlist_panels.admin(request_for(ada))
    assert summary == {**callback_summary(user=ada), "open_waves": 3}
    assert (summary["waiting"], summary["invited"], summary["withdrawn"]) == (3, 3, 1)
    for user in (ada, antoine, personas.sofia):
        staff = diagnostics_panels.staff_panel(request_for(user))
        assert staff == {"counts": assessment_counts(user=user)}
        today = timezone.localdate()
        assert plan_panels.staff(request_for(user)) == advisor_plan_panel(user=user, today=today)
    assert plan_panels.staff(request_for(antoine)) == {"drafts": 1, "published": 1, "overdue": 1}
    assert coaching_panels.admin(request_for(ada)) == {"unassigned": unassigned_count(user=ada)}
    assert coaching_panels.admin(request_for(ada)) == {"unassigned": 3}


def test_merchant_panels_equal_the_selectors(personas, businesses):
    from virage.coaching import panels as coaching_panels
    from virage.coaching.selectors import merchant_coaching
    from virage.diagnostics import panels as diagnostics_panels
    from virage.diagnostics.selectors import business_assessments
    from virage.plans import panels as plan_panels
    from virage.plans.selectors import merchant_plan_panel

    marie, business = personas.marie, businesses.marie
    now = timezone.now()
    make_meeting(business, personas.antoine, days_ago=3, held_minutes=45)
    # started 30 minutes ago, planned for an hour: still the next meeting
    make_meeting(business, personas.antoine, starts_at=now - timedelta(minutes=30))
    make_meeting(business, personas.antoine, starts_at=now - timedelta(days=2))  # over
    make_meeting(business, personas.antoine, starts_at=now + timedelta(days=4))
    make_assessment(business, by=marie)
    make_assessment(business, time_point="T1", submitted=False)
    make_plan(business, actions=[("Ancienne", "proposed", None)])
    plan, _ = make_plan(
        business,
        status="accepted",
        actions=[
            ("Sans date", "proposed", None),
            ("Bientôt", "accepted", now.date() + timedelta(days=2)),
            ("Fait", "implemented", None),
            ("Plus tard", "in_progress", now.date() + timedelta(days=9)),
            ("Encore", "proposed", now.date() + timedelta(days=20)),
        ],
    )
    make_plan(business, status="draft", actions=[("Brouillon", "proposed", None)])

    request = request_for(marie)
    coaching = coaching_panels.merchant(request)["data"]
    expected = merchant_coaching(user=marie, now=now)
    assert coaching["allowance"] == expected.allowance
    assert coaching["advisor"] == expected.advisor
    assert coaching["next_meeting"].pk == expected.next_meeting.pk
    assert coaching["next_meeting"].starts_at == now - timedelta(minutes=30)

    assert diagnostics_panels.merchant_assessments(request) == business_assessments(
        business=business
    )
    panel = plan_panels.merchant(request)
    expected = merchant_plan_panel(user=marie, business=business, today=timezone.localdate())
    assert panel["plan"] == expected["plan"] == plan
    assert panel["progress"] == expected["progress"]
    assert panel["next_actions"] == expected["next_actions"]
    assert [a.title_fr for a in panel["next_actions"]] == ["Bientôt", "Plus tard", "Encore"]
    # the capsules panel reads the open actions of both published plans, in plan order
    assert [a.title_fr for a in plan_panels.merchant_plan(request)[1]] == [
        "Ancienne",
        "Sans date",
        "Bientôt",
        "Plus tard",
        "Encore",
    ]


@pytest.mark.parametrize("source", ["plan", "diagnostic", "popular"])
def test_capsule_panel_equals_the_recommendations(personas, businesses, source):
    from virage.capsules.selectors import capsule_recommendations

    marie, business = personas.marie, businesses.marie
    now = timezone.now()
    for key, categories in [
        ("pos", ["pos"]),
        ("listings", ["visibility"]),
        ("shipping", ["shipping"]),
        ("social", ["social_media"]),
        ("site", ["ecommerce"]),
        ("old", ["pos"]),
    ]:
        make_capsule(key=key, categories=categories, questions=0, published=key != "old")
    # popularity: "social" completed by Luc and by a light learner, "site" by Luc; Marie
    # passed "old", no longer published
    for learner, keys in [
        (learner_for_merchant(user=personas.luc), ["social", "site"]),
        (make_light_learner(), ["social"]),
        (learner_for_merchant(user=marie), ["old"]),
    ]:
        for key in keys:
            CapsuleProgress.objects.create(
                learner=learner,
                capsule=Capsule.objects.get(key=key),
                started_at=now,
                last_attempt_at=now,
                passed=True,
                completed_at=now,
            )
    if source in ("plan", "diagnostic"):
        make_assessment(business, by=marie)
    if source == "plan":
        _, actions = make_plan(business, actions=[("Expédier", "proposed", None)])
        PlanAction.objects.filter(pk=actions[0].pk).update(
            category_id="shipping", capsule_keys=["listings"]
        )
    panel = capsule_panels.home(request_for(marie))
    expected = capsule_recommendations(user=marie, limit=3)
    assert panel["source"] == expected["source"] == source
    assert [c.key for c in panel["capsules"]] == [c.key for c in expected["capsules"]]
    assert (panel["completed"], panel["total"]) == (expected["completed"], expected["total"])
    assert (panel["completed"], panel["total"]) == (1, 5)
    if source == "popular":
        assert [c.key for c in panel["capsules"]] == ["social", "site", "listings"]
    if source == "plan":
        assert [c.key for c in panel["capsules"]][:2] == ["listings", "shipping"]
