"""Demo data: Marie's T0 submitted, Luc's T0 in progress; seeding twice changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management.base import OutputWrapper

from virage.core.models import AuditEvent
from virage.diagnostics import demo
from virage.diagnostics.models import Assessment
from virage.diagnostics.progress import progress

from .conftest import needs_plans

pytestmark = pytest.mark.django_db


@needs_plans
def test_demo_seed_is_idempotent(personas):
    users = vars(personas)
    out = StringIO()
    demo.seed(users=users, stdout=OutputWrapper(out))
    assert out.getvalue().splitlines() == [
        "  diagnostics: Marie's T0 submitted (overall 30.5, average)",
        "  diagnostics: Luc's T0 in progress (4 of 13 pages)",
    ]
    events = AuditEvent.objects.count()
    demo.seed(users=users, stdout=OutputWrapper(StringIO()))
    assert AuditEvent.objects.count() == events
    marie = Assessment.objects.get(business__members__user=personas.marie)
    luc = Assessment.objects.get(business__members__user=personas.luc)
    assert (marie.time_point, marie.status, marie.submitted_by) == (
        "T0",
        "submitted",
        personas.marie,
    )
    assert marie.answers == demo.MARIE_T0
    assert marie.business.status == "diagnosed"
    assert (luc.status, progress(luc.answers).complete_pages) == ("draft", 4)
