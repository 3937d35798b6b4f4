"""The demo data: advisors with profiles, Marie's and Luc's meetings, idempotent."""

from __future__ import annotations

import io

import pytest

from virage.coaching import demo, selectors
from virage.coaching.models import AdvisorAssignment, AdvisorProfile, Meeting

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_shows_each_case(personas, businesses):
    users = vars(personas)
    for _ in range(2):
        demo.seed(users=users, stdout=io.StringIO())
    assert AdvisorProfile.objects.count() == 6
    assert AdvisorAssignment.objects.count() == 2
    marie, luc = businesses.marie, businesses.luc
    assert sorted(Meeting.objects.filter(business=marie).values_list("status", flat=True)) == [
        "held",
        "held",
        "held",
        "planned",
    ]
    assert selectors.coaching_minutes_used(business=marie) == 180
    luc_allowance = selectors.allowance_for(business=luc)
    assert (luc_allowance.used, luc_allowance.total, luc_allowance.level) == (600, 720, "warning")
    assert AdvisorProfile.objects.get(user=personas.antoine).user.phone == "450 555-0142"
