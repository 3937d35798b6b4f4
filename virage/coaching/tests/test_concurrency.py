"""Simultaneous logs cannot push a business past its coaching allowance (PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from virage.coaching import selectors, services
from virage.coaching.models import Meeting
from virage.coaching.tests.factories import make_meeting
from virage.core.models import AuditEvent
from virage.core.testing.concurrency import run_concurrently


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_logs_against_600_minutes_accept_exactly_five(businesses, personas):
    business = businesses.marie  # 600 minutes, nothing used
    meetings = [make_meeting(business, personas.antoine, days_ago=1) for _ in range(10)]

    def log(i):
        return services.meeting_log(
            meeting=meetings[i],
            actor=personas.antoine,
            actual_minutes=120,
            topics="Rencontre simultanée",
            next_steps="",
        )

    results = run_concurrently(log, n=10)
    accepted = [value for kind, value in results if kind == "ok"]
    refused = [value for kind, value in results if kind == "error"]
    assert len(accepted) == 5
    assert len(refused) == 5
    assert {type(exc) for exc in refused} == {services.AllowanceExceeded}
    assert {exc.message_dict["actual_minutes"][0] for exc in refused} == {
        "Ces 120 minutes dépasseraient l'enveloppe d'accompagnement : 600 minutes utilisées "
        "sur 600 (0,0 h restantes). Demandez une prolongation à l'administration du programme."
    }
    assert selectors.coaching_minutes_used(business=business) == 600
    assert Meeting.objects.filter(business=business, status="held").count() == 5
    assert Meeting.objects.filter(business=business, status="planned").count() == 5
    assert AuditEvent.objects.filter(verb="coaching.meeting_logged").count() == 5
    assert Meeting.objects.filter(status="held").aggregate(total=Sum("actual_minutes")) == {
        "total": 600
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_correction_and_a_log_at_once_cannot_pass_the_allowance(businesses, personas):
    """300 held + correct it to 420, while another meeting logs 240: either order passes 600,
    so exactly one of the two is accepted."""
    business = businesses.marie  # 600 minutes
    held = make_meeting(business, personas.antoine, days_ago=2, held_minutes=300)
    planned = make_meeting(business, personas.antoine, days_ago=1)

    def act(i):
        if i == 0:
            return services.meeting_correct(
                meeting=held,
                actor=personas.antoine,
                actual_minutes=420,
                topics="Sujets",
                next_steps="",
                reason="Durée mal saisie",
            )
        return services.meeting_log(
            meeting=planned,
            actor=personas.antoine,
            actual_minutes=240,
            topics="Rencontre simultanée",
            next_steps="",
        )

    results = run_concurrently(act, n=2)
    assert sorted(kind for kind, _value in results) == ["error", "ok"]
    [refused] = [value for kind, value in results if kind == "error"]
    assert isinstance(refused, services.AllowanceExceeded)
    corrected = results[0][0] == "ok"
    expected = 420 if corrected else 300 + 240
    assert selectors.coaching_minutes_used(business=business) == expected
    audits = AuditEvent.objects.filter(
        verb__in=["coaching.meeting_corrected", "coaching.meeting_logged"]
    )
    assert audits.count() == 1
