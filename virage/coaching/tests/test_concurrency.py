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
