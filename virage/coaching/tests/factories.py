"""Test data for coaching: advisors with profiles, enrolled businesses, meetings, plans."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from virage.accounts.models import Role, User
from virage.coaching.models import AdvisorProfile, Meeting
from virage.enterprises.models import Business, BusinessMember
from virage.programs.models import Region, Subsector

_seq = itertools.count(1)


def make_advisor(
    *,
    first_name: str = "Julien",
    last_name: str | None = None,
    regions=("16",),
    languages=("fr",),
    subsectors=(),
    max_caseload: int = 40,
    availability: str = AdvisorProfile.Availability.ACTIVE,
    profile: bool = True,
) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=f"conseiller{n}@virage.example",
        password="Test-password-2026",
        first_name=first_name,
        last_name=last_name or f"Conseiller {n:03d}",
        role=Role.ADVISOR,
    )
    if profile:
        set_profile(
            user,
            regions=regions,
            languages=languages,
            subsectors=subsectors,
            max_caseload=max_caseload,
            availability=availability,
        )
    return user


def set_profile(
    user,
    *,
    regions=("16",),
    languages=("fr",),
    subsectors=(),
    max_caseload=40,
    availability=AdvisorProfile.Availability.ACTIVE,
) -> AdvisorProfile:
    profile, _created = AdvisorProfile.objects.update_or_create(
        user=user,
        defaults={
            "languages": list(languages),
            "max_caseload": max_caseload,
            "availability": availability,
        },
    )
    profile.regions.set(Region.objects.filter(code__in=regions))
    profile.subsectors.set(Subsector.objects.filter(code__in=subsectors))
    return profile


def make_business(
    *,
    name: str | None = None,
    region: str = "16",
    subsector: str | None = "458",
    advisor=None,
    status: str = Business.Status.ENROLLED,
    allowed: int = 600,
    owner_language: str | None = "fr",
    cohort=None,
    enrolled_days_ago: int = 10,
) -> Business:
    n = next(_seq)
    business = Business.objects.create(
        legal_name=name or f"Commerce {n:03d} inc.",
        region=Region.objects.get(code=region),
        subsector=Subsector.objects.get(code=subsector) if subsector else None,
        status=status,
        advisor=advisor,
        coaching_minutes_allowed=allowed,
        cohort=cohort,
        enrolled_at=timezone.now() - timedelta(days=enrolled_days_ago),
    )
    if owner_language:
        owner = User.objects.create_user(
            email=f"marchand{n}@commerce.example",
            password="Test-password-2026",
            first_name="Proprio",
            last_name=f"{n:03d}",
            role=Role.MERCHANT,
            language=owner_language,
        )
        BusinessMember.objects.create(business=business, user=owner)
    return business


def make_meeting(
    business,
    advisor,
    *,
    starts_at=None,
    days_ago: float | None = None,
    planned_minutes: int = 60,
    held_minutes: int | None = None,
    mode: str = Meeting.Mode.VIDEO,
    agenda: str = "Ordre du jour",
    topics: str = "",
    next_steps: str = "",
    private_notes: str = "",
) -> Meeting:
    """A meeting written directly (test data): planned, or held with `held_minutes`."""
    if starts_at is None:
        starts_at = timezone.now() - timedelta(days=days_ago if days_ago is not None else 1)
    held = held_minutes is not None
    return Meeting.objects.create(
        business=business,
        advisor=advisor,
        starts_at=starts_at,
        planned_minutes=planned_minutes,
        mode=mode,
        location="https://meet.example/abc",
        agenda=agenda,
        status=Meeting.Status.HELD if held else Meeting.Status.PLANNED,
        actual_minutes=held_minutes,
        topics=topics or ("Sujets" if held else ""),
        next_steps=next_steps,
        private_notes=private_notes,
        logged_at=timezone.now() if held else None,
    )


def make_plan(business, *, status: str = "published", actions=()):
    """A plan with actions given as (title, status, target_date) tuples (test data)."""
    from virage.plans.models import Plan, PlanAction

    now = timezone.now()
    plan = Plan.objects.create(
        business=business,
        status=status,
        rules_version="test",
        published_at=now if status != "draft" else None,
        accepted_at=now if status == "accepted" else None,
    )
    created = []
    for order, (title, action_status, target) in enumerate(actions):
        created.append(
            PlanAction.objects.create(
                plan=plan,
                title_fr=title,
                title_en=f"{title} (EN)",
                status=action_status,
                target_date=target,
                order=order,
                implemented_at=now.date() if action_status == "implemented" else None,
                implemented_note="En ligne" if action_status == "implemented" else "",
                dropped_reason="Plus tard" if action_status == "dropped" else "",
            )
        )
    return plan, created
