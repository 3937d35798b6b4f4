"""Simultaneous registrations and cancellations on PostgreSQL (real row locks)."""

from __future__ import annotations

import pytest
from django.db.models import Count

from virage.accounts.models import User
from virage.core.testing.concurrency import run_concurrently
from virage.training import services
from virage.training.models import Registration, TrainingSession
from virage.training.tests.factories import make_merchant, make_session

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def statuses(session) -> dict[str, int]:
    return dict(
        Registration.objects.filter(session=session)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )


def test_fifty_simultaneous_registrations_for_the_last_ten_seats():
    trainer = User.objects.create_user(email="formatrice@test.example", role="trainer")
    session = make_session(trainer=trainer, capacity=20, days=5)
    early = [make_merchant(n=1000 + i) for i in range(10)]
    for user, business in early:
        services.registration_create(session=session, person=user, business=business, actor=user)
    crowd = [make_merchant(n=2000 + i) for i in range(50)]

    results = run_concurrently(
        lambda i: (
            services.registration_create(
                session=session, person=crowd[i][0], business=crowd[i][1], actor=crowd[i][0]
            ).status
        ),
        n=50,
    )

    assert [r for r in results if r[0] != "ok"] == []  # no error, no deadlock
    assert sorted(value for _, value in results).count("registered") == 10
    assert sorted(value for _, value in results).count("waitlisted") == 40
    session.refresh_from_db()
    assert (session.seats_taken, session.capacity) == (20, 20)
    assert statuses(session) == {"registered": 20, "waitlisted": 40}
    positions = sorted(
        Registration.objects.filter(session=session, status="waitlisted").values_list(
            "waitlist_position", flat=True
        )
    )
    assert positions == list(range(1, 41))

    # a cancellation promotes exactly one person: position 1
    first_waiting = Registration.objects.get(session=session, waitlist_position=1)
    user, _ = early[0]
    services.registration_cancel(
        registration=Registration.objects.get(session=session, person=user), actor=user
    )
    first_waiting.refresh_from_db()
    assert first_waiting.status == "registered"
    assert statuses(session) == {"registered": 20, "waitlisted": 39, "cancelled": 1}
    session.refresh_from_db()
    assert session.seats_taken == 20


def test_simultaneous_cancellations_promote_one_person_each():
    trainer = User.objects.create_user(email="formatrice2@test.example", role="trainer")
    session = make_session(trainer=trainer, capacity=10, days=5)
    people = [make_merchant(n=3000 + i) for i in range(25)]
    registrations = [
        services.registration_create(session=session, person=u, business=b, actor=u)
        for u, b in people
    ]
    leaving = registrations[:5]

    results = run_concurrently(
        lambda i: services.registration_cancel(registration=leaving[i], actor=people[i][0]).status,
        n=5,
    )

    assert [value for _, value in results] == ["cancelled"] * 5
    assert statuses(session) == {"registered": 10, "waitlisted": 10, "cancelled": 5}
    promoted = Registration.objects.filter(pk__in=[r.pk for r in registrations[10:15]])
    assert set(promoted.values_list("status", flat=True)) == {"registered"}
    positions = sorted(
        Registration.objects.filter(session=session, status="waitlisted").values_list(
            "waitlist_position", flat=True
        )
    )
    assert positions == list(range(1, 11))
    assert TrainingSession.objects.get(pk=session.pk).seats_taken == 10


def test_simultaneous_double_submit_registers_once():
    trainer = User.objects.create_user(email="formatrice3@test.example", role="trainer")
    session = make_session(trainer=trainer, capacity=10, days=5)
    user, business = make_merchant(n=4000)
    results = run_concurrently(
        lambda i: (
            services.registration_create(
                session=session, person=user, business=business, actor=user
            ).pk
        ),
        n=8,
    )
    assert [r[0] for r in results] == ["ok"] * 8
    assert len({r[1] for r in results}) == 1
    assert Registration.objects.filter(session=session).count() == 1
    assert TrainingSession.objects.get(pk=session.pk).seats_taken == 1
