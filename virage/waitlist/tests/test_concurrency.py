"""Simultaneous writes on PostgreSQL (skipped on SQLite): the database decides."""

from __future__ import annotations

import pytest

from virage.accounts.models import User
from virage.core.testing.concurrency import run_concurrently
from virage.programs.models import Region, Subsector
from virage.waitlist import services
from virage.waitlist.models import CallbackConsent, CallbackEntry, Invitation
from virage.waitlist.tests.factories import make_entry

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_20_simultaneous_signups_with_one_email_make_one_entry(program):
    region = Region.objects.get(code="16")
    subsector = Subsector.objects.get(code="458")

    def sign_up(i: int):
        return services.callback_signup(
            data={
                "business_name": f"Boutique {i}",
                "contact_name": "Hélène",
                "email": "Helene@Example.com" if i % 2 else "helene@example.com",
                "postal_code": "J2G 2V5",
                "region": region,
                "subsector": subsector,
                "employees": 6,
                "locations_count": 1,
                "neq": None,
                "consent_contact": True,
            },
            language="fr",
        ).created

    results = run_concurrently(sign_up, n=20)
    assert [r[0] for r in results] == ["ok"] * 20, results
    assert sorted(r[1] for r in results) == [False] * 19 + [True]
    assert CallbackEntry.objects.count() == 1
    assert CallbackConsent.objects.count() == 1


def test_20_simultaneous_signups_with_one_neq_make_one_entry(program):
    region = Region.objects.get(code="16")

    def sign_up(i: int):
        return services.callback_signup(
            data={
                "business_name": "Boutique",
                "contact_name": "Personne",
                "email": f"p{i}@example.com",
                "postal_code": "J2G 2V5",
                "region": region,
                "subsector": None,
                "employees": 6,
                "locations_count": 1,
                "neq": "1170000555",
                "consent_contact": True,
            },
            language="fr",
        ).created

    results = run_concurrently(sign_up, n=20)
    assert [r[0] for r in results] == ["ok"] * 20, results
    assert CallbackEntry.objects.count() == 1


def test_simultaneous_sends_never_exceed_the_places(program):
    from virage.accounts.personas import persona_users

    ada = persona_users(password="x")["ada"]
    for _i in range(30):
        make_entry()
    first = services.wave_create(actor=ada, name="A", places=7)
    second = services.wave_create(actor=ada, name="B", places=5)
    waves = [first, second] * 5

    def send(i: int):
        actor = User.objects.get(pk=ada.pk)
        return services.wave_send_invitations(wave=waves[i], actor=actor)

    results = run_concurrently(send, n=10)
    assert [r[0] for r in results] == ["ok"] * 10, results
    assert sum(r[1] for r in results) == 12
    assert Invitation.objects.filter(wave=first).count() == 7
    assert Invitation.objects.filter(wave=second).count() == 5
    assert Invitation.objects.values("entry").distinct().count() == 12
