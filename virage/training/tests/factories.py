"""Test data for training: modules, sessions and merchants with their own enrolled business."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from django.utils import timezone

from virage.accounts.models import Role, User
from virage.enterprises.models import Business, BusinessMember
from virage.programs.models import Region
from virage.training.models import TrainingModule, TrainingModuleTopic, TrainingSession

_seq = count(1)


def make_module(*, key=None, topics=("ecommerce", "D2"), duration=90, **extra) -> TrainingModule:
    n = next(_seq)
    module = TrainingModule.objects.create(
        key=key or f"module_{n}",
        title_fr=extra.pop("title_fr", f"Module {n} FR"),
        title_en=extra.pop("title_en", f"Module {n} EN"),
        description_fr="Description FR",
        description_en="Description EN",
        duration_minutes=duration,
        level=extra.pop("level", "beginner"),
        **extra,
    )
    TrainingModuleTopic.objects.bulk_create(
        [TrainingModuleTopic(module=module, key=k) for k in topics]
    )
    return module


def make_session(
    *,
    trainer,
    module=None,
    days=7,
    hours=None,
    minutes=90,
    capacity=10,
    mode="online",
    region_code=None,
    language="fr",
    deadline_hours=24,
    **extra,
) -> TrainingSession:
    module = module or make_module(duration=minutes)
    starts = timezone.now() + (
        timedelta(hours=hours) if hours is not None else timedelta(days=days)
    )
    starts = starts.replace(microsecond=0)
    where = (
        {"online_url": "https://meet.example.org/secret-room"}
        if mode == "online"
        else {
            "address": "650, rue Principale",
            "city": "Granby",
            "region": Region.objects.get(code=region_code or "16"),
        }
    )
    return TrainingSession.objects.create(
        module=module,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=minutes),
        mode=mode,
        language=language,
        capacity=capacity,
        trainer=trainer,
        cancellation_deadline_hours=deadline_hours,
        **where,
        **extra,
    )


def make_merchant(
    *, n=None, language="fr", region_code="16", advisor=None
) -> tuple[User, Business]:
    n = n if n is not None else next(_seq)
    user = User.objects.create_user(
        email=f"merchant{n}@test.example",
        password=None,
        first_name=f"Prénom{n}",
        last_name=f"Nom{n}",
        role=Role.MERCHANT,
        language=language,
    )
    business = Business.objects.create(
        legal_name=f"Commerce {n} inc.",
        region=Region.objects.get(code=region_code),
        status=Business.Status.ENROLLED,
        training_minutes_allowed=600,
        advisor=advisor,
    )
    BusinessMember.objects.create(business=business, user=user)
    return user, business
