"""seed_scale: exact counts for a small synthetic program, and determinism."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum

from virage.accounts.models import User
from virage.capsules.models import BusinessReach, CapsuleProgress, Learner
from virage.coaching.models import Meeting
from virage.diagnostics import scoring
from virage.diagnostics.models import Assessment, ScoreRecord
from virage.enterprises.models import Business, BusinessMember
from virage.funding.models import Expense
from virage.plans.models import Plan, PlanAction
from virage.training.models import Attendance, Registration
from virage.waitlist.models import CallbackEntry


def _seed(n=20, seed=7):
    call_command("seed_scale", businesses=n, seed=seed, stdout=StringIO())


def _fingerprint() -> dict:
    return {
        "t1": Assessment.objects.filter(time_point="T1").count(),
        "status": dict(Business.objects.values_list("status").annotate(n=Count("id"))),
        "actions": dict(PlanAction.objects.values_list("status").annotate(n=Count("id"))),
        "held_minutes": Meeting.objects.aggregate(s=Sum("actual_minutes"))["s"],
        "credited": Registration.objects.aggregate(s=Sum("credited_minutes"))["s"],
        "progress": CapsuleProgress.objects.count(),
        "expenses": Expense.objects.aggregate(s=Sum("amount_cents"))["s"],
        "employees": Business.objects.aggregate(s=Sum("employees"))["s"],
        "m2": sorted(a.m2_result["overall"] for a in Assessment.objects.all()),
    }


@pytest.mark.django_db
def test_small_program_has_the_expected_counts():
    _seed(20)
    assert Business.objects.count() == 20
    assert CallbackEntry.objects.count() == 80  # 4 × N
    assert CallbackEntry.objects.filter(status="applied").count() == 20
    assert User.objects.filter(role="advisor").count() == 1  # 120 per 5000, at least 1
    assert User.objects.filter(role="partner").count() == 17  # one per region
    assert BusinessMember.objects.filter(role="owner").count() == 20
    assert Business.objects.filter(advisor__isnull=True).count() == 0
    assert Assessment.objects.filter(time_point="T0", status="submitted").count() == 20
    t1 = Assessment.objects.filter(time_point="T1").count()
    assert ScoreRecord.objects.count() == 2 * (20 + t1)
    assert Plan.objects.count() == 20
    assert PlanAction.objects.count() == 100  # 5 per plan
    assert Meeting.objects.count() == 200  # 10 per business
    assert Learner.objects.count() == 120  # 6 × N businesses reached
    assert BusinessReach.objects.count() == 120
    assert Expense.objects.count() == 12 * 2 + 2  # monthly accruals + N/10 entered
    # every owner is booked for at least 600 training minutes (10 hours)
    booked = Registration.objects.values("business").annotate(
        m=Sum("session__module__duration_minutes")
    )
    assert {row["business"] for row in booked} == set(Business.objects.values_list("id", flat=True))
    assert min(row["m"] for row in booked) >= 600
    assert Attendance.objects.count() == Registration.objects.exclude(status="registered").count()


@pytest.mark.django_db
def test_results_are_the_scoring_of_the_stored_answers():
    _seed(5)
    for a in Assessment.objects.all():
        assert a.m2_result == scoring.score_m2(a.answers).as_dict()
        assert a.r_result == scoring.score_r(a.answers).as_dict()


@pytest.mark.django_db
def test_same_seed_same_data(django_db_blocker):
    from django.core.management import call_command as cc  # noqa: F401

    _seed(20, seed=7)
    first = _fingerprint()
    for model in (Attendance, Registration, Meeting, PlanAction, Plan, ScoreRecord, Assessment):
        model.objects.all().delete()
    from virage.training.models import TrainingSession

    BusinessReach.objects.all().delete()
    CapsuleProgress.objects.all().delete()
    Learner.objects.all().delete()
    TrainingSession.objects.all().delete()
    Expense.objects.all().delete()
    BusinessMember.objects.all().delete()
    Business.objects.all().delete()
    CallbackEntry.objects.all().delete()
    from virage.coaching.models import AdvisorProfile

    AdvisorProfile.objects.all().delete()
    from virage.funding.models import Funder

    for f in Funder.objects.all():
        f.users.clear()
    User.objects.filter(email__endswith="@scale.virage.example").delete()
    _seed(20, seed=7)
    assert _fingerprint() == first


@pytest.mark.django_db
def test_refuses_a_database_that_already_has_synthetic_data():
    _seed(2)
    with pytest.raises(CommandError):
        _seed(2)
