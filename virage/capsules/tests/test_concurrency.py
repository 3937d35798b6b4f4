"""Simultaneous quiz submissions (PostgreSQL): one progress row per learner and capsule, one
reach row per business."""

import pytest

from virage.capsules.models import BusinessReach, CapsuleProgress, ReachCount
from virage.capsules.services import quiz_submit
from virage.core.testing.concurrency import run_concurrently

from .factories import make_capsule, make_light_learner, right_answers


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_same_learner_submitting_at_once_gets_one_progress_row():
    capsule = make_capsule()
    learner = make_light_learner()
    answers = right_answers(capsule)
    results = run_concurrently(
        lambda i: quiz_submit(capsule=capsule, answers=answers, learner=learner).newly_completed,
        n=8,
    )
    assert [r[0] for r in results] == ["ok"] * 8
    assert sorted(r[1] for r in results) == [False] * 7 + [True]
    progress = CapsuleProgress.objects.get()
    assert (progress.attempts, progress.passed) == (8, True)
    assert BusinessReach.objects.count() == 1
    assert list(ReachCount.objects.values_list("businesses", flat=True)) == [1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_people_of_one_business_completing_at_once_count_once():
    capsule = make_capsule()
    learners = [
        make_light_learner(f"p{i}@example.com", "Fleuriste Léa" if i % 2 else "fleuriste LÉA inc")
        for i in range(6)
    ]
    answers = right_answers(capsule)
    results = run_concurrently(
        lambda i: quiz_submit(capsule=capsule, answers=answers, learner=learners[i]), n=6
    )
    assert [r[0] for r in results] == ["ok"] * 6
    assert CapsuleProgress.objects.filter(passed=True).count() == 6
    assert list(BusinessReach.objects.values_list("business_key", flat=True)) == [
        "n:12:fleuriste lea"
    ]
    assert list(ReachCount.objects.values_list("businesses", flat=True)) == [1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_businesses_reached_at_once_in_one_month_and_region_are_all_counted():
    capsule = make_capsule()
    learners = [make_light_learner(f"p{i}@example.com", f"Commerce {i}") for i in range(6)]
    answers = right_answers(capsule)
    results = run_concurrently(
        lambda i: quiz_submit(capsule=capsule, answers=answers, learner=learners[i]), n=6
    )
    assert [r[0] for r in results] == ["ok"] * 6
    assert BusinessReach.objects.count() == 6
    assert list(ReachCount.objects.values_list("businesses", flat=True)) == [6]
