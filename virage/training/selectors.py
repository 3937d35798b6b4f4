"""Reads of training data, scoped by user. Other apps call `training_minutes_used`,
`training_minutes_used_by_business`, `training_minutes_attended`, `module_links`,
`registration_list` and `catalog_sessions`."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest

from virage.enterprises.models import Business

from .models import Registration, TrainingModule, TrainingModuleTopic, TrainingSession

# ------------------------------------------------------------------ contracts for other apps


def training_minutes_used(*, business) -> int:
    """Minutes credited to a business by closed sessions (one query)."""
    return Registration.objects.filter(
        business=business,
        status=Registration.Status.ATTENDED,
        session__status=TrainingSession.Status.CLOSED,
    ).aggregate(total=Coalesce(Sum("credited_minutes"), 0))["total"]


def training_minutes_used_by_business(*, business_ids) -> dict[int, int]:
    """{business id: credited minutes} for several businesses (one query)."""
    rows = (
        Registration.objects.filter(
            business_id__in=list(business_ids),
            status=Registration.Status.ATTENDED,
            session__status=TrainingSession.Status.CLOSED,
        )
        .values("business_id")
        .annotate(total=Sum("credited_minutes"))
    )
    return {row["business_id"]: row["total"] for row in rows}


def training_minutes_attended(*, start, end) -> int:
    """Seat-minutes credited by closed sessions held from `start` (date, included) to `end`
    (date, excluded), local time: what the funding app costs as training delivered (one
    query)."""
    return Registration.objects.filter(
        status=Registration.Status.ATTENDED,
        session__status=TrainingSession.Status.CLOSED,
        session__starts_at__date__gte=start,
        session__starts_at__date__lt=end,
    ).aggregate(total=Coalesce(Sum("credited_minutes"), 0))["total"]


def module_links() -> list[dict]:
    """Offered modules for cross-links from plans and the catalog:
    [{key, title_fr, title_en, categories}] (two queries)."""
    modules = TrainingModule.objects.filter(is_active=True).prefetch_related("topics")
    return [
        {
            "key": m.key,
            "title_fr": m.title_fr,
            "title_en": m.title_en,
            "categories": m.category_keys,
        }
        for m in modules
    ]


def registration_list(*, user, business=None):
    """Registrations the user may see (merchant: own business; advisor: assigned businesses;
    trainer: own sessions; admin: all), newest session first, optionally for one business."""
    qs = (
        Registration.objects.visible_to(user)
        .select_related("session__module", "session__region", "person", "business")
        .order_by("-session__starts_at", "id")
    )
    if business is not None:
        qs = qs.filter(business=business)
    return qs


# ------------------------------------------------------------------ catalog


@dataclass(frozen=True)
class CatalogFilters:
    region: object | None = None
    mode: str = ""
    topic: str = ""
    language: str = ""


def _with_module(qs):
    return qs.select_related("module", "region", "trainer").prefetch_related(
        Prefetch("module__topics", queryset=TrainingModuleTopic.objects.order_by("id"))
    )


def catalog_sessions(*, filters: CatalogFilters | None = None, now=None):
    """Upcoming scheduled sessions, filtered, with their module, region, trainer and topics
    (two queries whatever the number of sessions)."""
    filters = filters or CatalogFilters()
    qs = TrainingSession.objects.upcoming(now)
    if filters.region is not None:
        qs = qs.filter(region=filters.region)
    if filters.mode:
        qs = qs.filter(mode=filters.mode)
    if filters.language:
        qs = qs.filter(language=filters.language)
    if filters.topic:
        qs = qs.filter(module__topics__key=filters.topic)  # unique per module: no duplicates
    return _with_module(qs).order_by("starts_at", "id")


def own_registrations(*, user, session_ids) -> dict[int, Registration]:
    """{session id: the user's own registration} (one query; none for anonymous users)."""
    if user is None or not user.is_authenticated:
        return {}
    return {
        r.session_id: r
        for r in Registration.objects.filter(person=user, session_id__in=list(session_ids))
    }


def session_get(*, pk: int):
    """One session with its module, prerequisites, region and trainer (404 by the caller)."""
    return (
        TrainingSession.objects.select_related("module", "region", "trainer")
        .prefetch_related("module__topics", "module__prerequisites")
        .filter(pk=pk)
        .first()
    )


def registrable_people(*, user) -> list[tuple[Business, object]]:
    """(business, person) pairs an advisor may register: merchant members of their assigned
    enrolled businesses (one query)."""
    from virage.enterprises import rules as business_rules
    from virage.enterprises.models import BusinessMember

    members = (
        BusinessMember.objects.filter(
            business__in=Business.objects.visible_to(user),
            business__status__in=business_rules.ACTIVE,
            user__role="merchant",
            user__is_active=True,
        )
        .select_related("business", "user")
        .order_by("business__legal_name", "user__last_name", "user__first_name", "id")
    )
    return [(m.business, m.user) for m in members]


# ------------------------------------------------------------------ merchant and advisor


@dataclass(frozen=True)
class Allowance:
    allowed: int
    used: int
    booked: int

    @property
    def remaining(self) -> int:
        return max(self.allowed - self.used, 0)

    @property
    def percent_used(self) -> int:
        if not self.allowed:
            return 0
        return min(round(100 * self.used / self.allowed), 100)


def allowance_for(*, business) -> Allowance:
    """Training allowance of a business: used (credited by closed sessions) and booked
    (upcoming sessions holding a seat), in minutes (one query)."""
    totals = Registration.objects.filter(business=business).aggregate(
        used=Coalesce(
            Sum(
                "credited_minutes",
                filter=Q(
                    status=Registration.Status.ATTENDED,
                    session__status=TrainingSession.Status.CLOSED,
                ),
            ),
            0,
        ),
        booked=Coalesce(
            Sum(
                "session__module__duration_minutes",
                filter=Q(
                    status=Registration.Status.REGISTERED,
                    session__status=TrainingSession.Status.SCHEDULED,
                ),
            ),
            0,
        ),
    )
    return Allowance(
        allowed=business.training_minutes_allowed, used=totals["used"], booked=totals["booked"]
    )


def advisor_businesses(*, user):
    """An advisor's businesses with their credited training minutes (one query)."""
    used = (
        Registration.objects.filter(
            business=OuterRef("pk"),
            status=Registration.Status.ATTENDED,
            session__status=TrainingSession.Status.CLOSED,
        )
        .values("business")
        .annotate(total=Sum("credited_minutes"))
        .values("total")
    )
    return (
        Business.objects.visible_to(user)
        .annotate(training_used=Coalesce(Subquery(used), 0))
        .annotate(
            training_remaining=Greatest(F("training_minutes_allowed") - F("training_used"), 0)
        )
        .order_by("legal_name", "id")
    )


# ------------------------------------------------------------------ trainer


def trainer_sessions(*, user):
    """Sessions the user runs (trainer: own; admin: all), with seat and waitlist counts
    (one query)."""
    return (
        TrainingSession.objects.visible_to(user)
        .select_related("module", "region")
        .annotate(
            waitlisted=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            ),
            attended=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.ATTENDED)
            ),
        )
        .order_by("-starts_at", "id")
    )


def roster(*, session):
    """People holding a seat or waiting, with their business and attendance (one query)."""
    return (
        session.registrations.filter(
            status__in=[*Registration.SEAT_STATUSES, Registration.Status.WAITLISTED]
        )
        .select_related("person", "business", "attendance")
        .order_by("waitlist_position", "person__last_name", "person__first_name", "id")
    )


# ------------------------------------------------------------------ program admin


@dataclass(frozen=True)
class RateRow:
    key: object
    label: str
    sessions: int
    capacity: int
    seats_taken: int
    attended: int
    absent: int

    @property
    def fill_rate(self) -> float | None:
        """Seats taken / seats offered, in % (one decimal), over non-cancelled sessions."""
        return round(100 * self.seats_taken / self.capacity, 1) if self.capacity else None

    @property
    def attendance_rate(self) -> float | None:
        """Attended / (attended + absent), in % (one decimal), over closed sessions."""
        held = self.attended + self.absent
        return round(100 * self.attended / held, 1) if held else None


def _rates(group: str, labels: dict) -> list[RateRow]:
    seats = (
        TrainingSession.objects.exclude(status=TrainingSession.Status.CANCELLED)
        .values(group)
        .annotate(sessions=Count("id"), capacity=Sum("capacity"), taken=Sum("seats_taken"))
        .order_by()
    )
    presence = (
        Registration.objects.filter(session__status=TrainingSession.Status.CLOSED)
        .values(f"session__{group}")
        .annotate(
            attended=Count("id", filter=Q(status=Registration.Status.ATTENDED)),
            absent=Count("id", filter=Q(status=Registration.Status.ABSENT)),
        )
        .order_by()
    )
    by_key = {row[f"session__{group}"]: row for row in presence}
    rows = []
    for row in seats:
        key = row[group]
        held = by_key.get(key, {})
        rows.append(
            RateRow(
                key=key,
                label=labels.get(key, ""),
                sessions=row["sessions"],
                capacity=row["capacity"] or 0,
                seats_taken=row["taken"] or 0,
                attended=held.get("attended", 0),
                absent=held.get("absent", 0),
            )
        )
    return sorted(rows, key=lambda r: r.label)


def rates_by_module() -> list[RateRow]:
    """Fill and attendance rates per module (three queries: seats, attendance, labels)."""
    labels = {m.pk: m.title for m in TrainingModule.objects.all()}
    return _rates("module", labels)


def rates_by_region(*, online_label: str) -> list[RateRow]:
    """Fill and attendance rates per region; online sessions form their own row."""
    from virage.programs.models import Region

    labels = {r.pk: str(r) for r in Region.objects.all()}
    labels[None] = online_label
    return _rates("region", labels)


def admin_sessions():
    """Every session for the program admin, upcoming first then the most recent (one query)."""
    return (
        TrainingSession.objects.select_related("module", "region", "trainer")
        .annotate(
            waitlisted=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            )
        )
        .order_by("-starts_at", "id")
    )


def admin_modules():
    return TrainingModule.objects.prefetch_related("topics", "prerequisites").annotate(
        session_count=Count("sessions", distinct=True)
    )
