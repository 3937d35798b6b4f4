"""Builders for known datasets: businesses at given steps, with the facts reporting reads
(diagnostics, plans, meetings, training, capsules, callback entries). Test data only: rows
are created directly, with exactly the values each test works out by hand."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from virage.accounts.models import Role, User
from virage.capsules.models import BusinessReach
from virage.coaching.models import AllowanceExtension, Meeting
from virage.diagnostics.models import Assessment
from virage.enterprises.models import Business, Cohort, Package
from virage.plans.models import Plan, PlanAction
from virage.programs.models import Region
from virage.training.models import Registration, TrainingModule, TrainingSession
from virage.waitlist.models import CallbackEntry

LOCAL = ZoneInfo("America/Toronto")
_serial = itertools.count(1)


def local(day: date, hour: int = 12) -> datetime:
    """Noon (by default) local time on `day`, as an aware datetime."""
    return datetime.combine(day, time(hour), tzinfo=LOCAL)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def package(key: str = "standard") -> Package:
    return Package.objects.get(key=key)


def cohort(name: str = "Cohorte test", starts_on: date = date(2026, 9, 1)) -> Cohort:
    return Cohort.objects.get_or_create(name=name, defaults={"starts_on": starts_on})[0]


def business(
    *,
    status: str = "enrolled",
    region_code: str = "16",
    enrolled_on: date | datetime | None = None,
    applied: bool | None = None,
    created_on: date | None = None,
    transactional: bool = False,
    coaching_minutes: int = 600,
    training_minutes: int = 600,
    package_key: str | None = "standard",
    cohort_obj: Cohort | None = None,
    name: str | None = None,
) -> Business:
    """A business at `status`. Enrolled (and further) businesses get an enrolment date
    (`enrolled_on`, default 2026-10-15) and an application date unless told otherwise."""
    n = next(_serial)
    in_program = status in {
        "enrolled",
        "diagnosed",
        "plan_published",
        "implementing",
        "reassessed",
        "completed",
    }
    if enrolled_on is None and in_program:
        enrolled_on = date(2026, 10, 15)
    if applied is None:
        applied = status not in {"invited", "withdrawn"} or enrolled_on is not None
    enrolled_at = None
    if enrolled_on is not None:
        enrolled_at = enrolled_on if isinstance(enrolled_on, datetime) else local(enrolled_on)
    b = Business.objects.create(
        legal_name=name or f"Commerce test {n} inc.",
        operating_name=name or f"Commerce test {n}",
        region=region(region_code) if region_code else None,
        status=status,
        applied_at=local(date(2026, 9, 20)) if applied else None,
        enrolled_at=enrolled_at,
        has_transactional_site=transactional,
        coaching_minutes_allowed=coaching_minutes,
        training_minutes_allowed=training_minutes,
        package=package(package_key) if package_key and (in_program or enrolled_on) else None,
        cohort=cohort_obj,
    )
    if created_on is not None:
        Business.objects.filter(pk=b.pk).update(created_at=local(created_on))
    return b


def assessment(
    b: Business,
    *,
    time_point: str = "T0",
    overall: float = 30.0,
    dimensions: dict | None = None,
    r2_1: str = "no",
    submitted_on: date = date(2026, 10, 20),
    draft: bool = False,
) -> Assessment:
    dims = dimensions or dict.fromkeys(("D1", "D2", "D3", "D4", "D5", "D6"), overall)
    if draft:
        return Assessment.objects.create(
            business=b, time_point=time_point, status="draft", answers={"r2_1": r2_1}
        )
    return Assessment.objects.create(
        business=b,
        time_point=time_point,
        status="submitted",
        answers={"r2_1": r2_1},
        m2_result={"version": "dma-b1", "overall": overall, "dimensions": dims},
        r_result={"version": "retail-r1", "overall": 50.0, "groups": {}, "items": {}},
        scoring_version_m2="dma-b1",
        scoring_version_r="retail-r1",
        submitted_at=local(submitted_on),
    )


def plan(b: Business, *, published: bool = True, implemented=(), other=()) -> Plan:
    """A plan with implemented actions (one per date in `implemented`) and other actions
    (statuses in `other`)."""
    p = Plan.objects.create(
        business=b,
        status="published" if published else "draft",
        published_at=local(date(2026, 10, 1)) if published else None,
        rules_version="test",
    )
    for i, day in enumerate(implemented):
        PlanAction.objects.create(
            plan=p,
            title_fr=f"Action {i}",
            status="implemented",
            implemented_at=day,
            implemented_note="Mise en ligne",
            order=i,
        )
    for j, status in enumerate(other):
        extra = {"dropped_reason": "Pas prioritaire"} if status == "dropped" else {}
        PlanAction.objects.create(
            plan=p, title_fr=f"Autre {j}", status=status, order=100 + j, **extra
        )
    return p


def meeting(b: Business, advisor: User, *, minutes: int | None, on: date) -> Meeting:
    """A held meeting of `minutes` (None: still planned) on `on`."""
    return Meeting.objects.create(
        business=b,
        advisor=advisor,
        starts_at=local(on, 10),
        planned_minutes=60,
        mode=Meeting.Mode.VIDEO,
        agenda="Suivi",
        status=Meeting.Status.HELD if minutes else Meeting.Status.PLANNED,
        actual_minutes=minutes,
    )


def extension(b: Business, minutes: int, granted_by: User) -> AllowanceExtension:
    return AllowanceExtension.objects.create(
        business=b, minutes=minutes, reason="Besoin supplémentaire", granted_by=granted_by
    )


def person(b: Business) -> User:
    n = next(_serial)
    return User.objects.create_user(
        email=f"participant{n}@test.example",
        password=None,
        first_name=f"Prénom{n}",
        last_name=f"Nom{n}",
        role=Role.MERCHANT,
    )


def session(trainer: User, *, on: date, closed: bool = True, minutes: int = 120):
    module = TrainingModule.objects.get_or_create(
        key="module-test",
        defaults={"title_fr": "Module test", "duration_minutes": minutes, "level": "beginner"},
    )[0]
    start = local(on, 9)
    return TrainingSession.objects.create(
        module=module,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        mode=TrainingSession.Mode.ONLINE,
        capacity=30,
        seats_taken=0,
        trainer=trainer,
        status=TrainingSession.Status.CLOSED if closed else TrainingSession.Status.SCHEDULED,
    )


def registration(s: TrainingSession, b: Business, who: User, *, status: str, minutes: int = 0):
    return Registration.objects.create(
        session=s, business=b, person=who, status=status, credited_minutes=minutes
    )


def reach(*, region_code: str | None, on: date, b: Business | None = None) -> BusinessReach:
    return BusinessReach.objects.create(
        business_key=f"reach-{next(_serial)}",
        business=b,
        region=region(region_code) if region_code else None,
        first_completed_at=local(on),
    )


def callback(*, region_code: str = "16", confirmed: bool = True, on: date = date(2026, 6, 1)):
    n = next(_serial)
    return CallbackEntry.objects.create(
        business_name=f"Rappel {n}",
        contact_name=f"Contact {n}",
        email=f"rappel{n}@test.example",
        postal_code="J2G 2V5",
        region=region(region_code),
        status="waiting" if confirmed else "unconfirmed",
        source="web",
        signed_up_at=local(on),
        confirmed_at=local(on) if confirmed else None,
    )
