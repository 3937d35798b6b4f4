"""Simultaneous decisions never exceed the program's capacity (PostgreSQL: real row locks)."""

from __future__ import annotations

import pytest

from virage.core.testing.concurrency import run_concurrently
from virage.enterprises import services
from virage.enterprises.models import Business, ProgramCounter
from virage.programs.models import Program

from .factories import cohort, eligible_business


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_enrolments_for_ten_places(personas):
    ada = personas.ada
    program = Program.objects.get(is_current=True)
    accepted = [eligible_business(ada) for _ in range(30)]
    group = cohort()
    counter = services.program_counter(program)
    ProgramCounter.objects.filter(pk=counter.pk).update(enrolled=program.target_businesses - 10)

    results = run_concurrently(
        lambda i: services.business_enrol(business=accepted[i], actor=ada, cohort=group), n=30
    )

    ok = [r for r in results if r[0] == "ok"]
    refused = [r[1] for r in results if r[0] == "error"]
    assert (len(ok), len(refused)) == (10, 20)
    assert {type(e) for e in refused} == {services.ProgramFull}
    assert {e.messages[0] for e in refused} == {
        f"Le programme est complet : les {program.target_businesses} places sont prises. "
        "L'entreprise demeure acceptée et pourra être inscrite quand une place se libérera."
    }
    pks = [b.pk for b in accepted]
    statuses = sorted(Business.objects.filter(pk__in=pks).values_list("status", flat=True))
    assert statuses == ["eligible"] * 20 + ["enrolled"] * 10
    assert ProgramCounter.objects.get(pk=counter.pk).enrolled == program.target_businesses
    # the refused ones kept no package, no allowance
    assert (
        Business.objects.filter(pk__in=pks, status="eligible", package__isnull=False).count() == 0
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_decisions_on_one_application_record_one(personas):
    business = eligible_business(personas.ada)
    group = cohort()
    program = Program.objects.get(is_current=True)
    before = services.program_counter(program).enrolled

    results = run_concurrently(
        lambda i: services.business_enrol(business=business, actor=personas.ada, cohort=group),
        n=5,
    )

    assert sorted(r[0] for r in results) == ["error", "error", "error", "error", "ok"]
    assert ProgramCounter.objects.get(program=program).enrolled == before + 1
    business.refresh_from_db()
    assert business.status == "enrolled"
