"""Reads of coaching data, scoped by user. Other apps call `coaching_minutes_used`,
`allowance_for` and `coaching_export` (the merchant's own data: never private notes)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from virage.accounts.models import Role, User
from virage.enterprises import rules as path
from virage.enterprises.models import Business, BusinessMember
from virage.enterprises.selectors import business_for_merchant

from . import integrations, rules
from .models import AdvisorAssignment, AdvisorProfile, AllowanceExtension, Meeting
from .permissions import can_manage_advisors

HELD = Meeting.Status.HELD
PLANNED = Meeting.Status.PLANNED

# Businesses that occupy a place in an advisor's caseload (enrolled and not yet done).
CASELOAD_STATUSES = tuple(sorted(path.ACTIVE - {path.COMPLETED}))


# --- Subquery helpers (one query for any number of businesses) ------------------------------


def _used_minutes_sq(outer: str = "pk"):
    return Coalesce(
        Subquery(
            Meeting.objects.filter(business=OuterRef(outer), status=HELD)
            .order_by()
            .values("business")
            .annotate(total=Sum("actual_minutes"))
            .values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _extended_minutes_sq(outer: str = "pk"):
    return Coalesce(
        Subquery(
            AllowanceExtension.objects.filter(business=OuterRef(outer))
            .order_by()
            .values("business")
            .annotate(total=Sum("minutes"))
            .values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _owner_language_sq(outer: str = "pk"):
    return Subquery(
        BusinessMember.objects.filter(business=OuterRef(outer), user__is_active=True)
        .order_by(Case(When(role=BusinessMember.Role.OWNER, then=Value(0)), default=Value(1)), "id")
        .values("user__language")[:1]
    )


def _caseload_count_sq(outer: str = "pk"):
    return Coalesce(
        Subquery(
            Business.objects.filter(advisor=OuterRef(outer), status__in=CASELOAD_STATUSES)
            .order_by()
            .values("advisor")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


# --- Allowance -------------------------------------------------------------------------------


def coaching_minutes_used(*, business) -> int:
    """Minutes of coaching held with `business` (sum of the logged meetings). One query."""
    total = Meeting.objects.filter(business=business, status=HELD).aggregate(
        total=Sum("actual_minutes")
    )["total"]
    return total or 0


def coaching_minutes_extended(*, business) -> int:
    total = AllowanceExtension.objects.filter(business=business).aggregate(total=Sum("minutes"))[
        "total"
    ]
    return total or 0


def allowance_for(*, business) -> rules.Allowance:
    """Package minutes, extensions and minutes used of one business (one query)."""
    row = (
        Business.objects.filter(pk=business.pk)
        .annotate(used=_used_minutes_sq(), extended=_extended_minutes_sq())
        .values("coaching_minutes_allowed", "used", "extended")
        .get()
    )
    return rules.allowance(
        allowed=row["coaching_minutes_allowed"], extended=row["extended"], used=row["used"]
    )


# --- Assignment ------------------------------------------------------------------------------


def advisor_profiles_with_load():
    """Advisor profiles of active advisor users, with `load` (businesses in their caseload),
    user, regions and subsectors loaded: three queries when iterated."""
    return (
        AdvisorProfile.objects.filter(user__is_active=True, user__role=Role.ADVISOR)
        .select_related("user")
        .prefetch_related("regions", "subsectors")
        .annotate(load=_caseload_count_sq("user_id"))
        .order_by("user__last_name", "user__first_name", "id")
    )


def advisor_facts(profiles) -> list[rules.AdvisorFacts]:
    return [
        rules.AdvisorFacts(
            advisor_id=p.user_id,
            name=p.user.get_full_name() or p.user.email,
            regions=frozenset(r.code for r in p.regions.all()),
            languages=frozenset(p.languages or []),
            subsectors=frozenset(s.code for s in p.subsectors.all()),
            max_caseload=p.max_caseload,
            load=p.load,
            on_leave=p.on_leave,
        )
        for p in profiles
    ]


def business_facts(business, *, language: str | None) -> rules.BusinessFacts:
    region, subsector = business.region, business.subsector
    return rules.BusinessFacts(
        business_id=business.pk,
        region=region.code if region else None,
        language=language or "fr",
        subsector=subsector.code if subsector else None,
        region_name_fr=region.name_fr if region else "",
        region_name_en=(region.name_en or region.name_fr) if region else "",
        subsector_name_fr=subsector.name_fr if subsector else "",
        subsector_name_en=(subsector.name_en or subsector.name_fr) if subsector else "",
    )


def assignable_businesses(*, user):
    """Businesses an admin may assign: in the program and not completed (with their owner's
    language as `owner_language`)."""
    if not can_manage_advisors(user):
        return Business.objects.none()
    return (
        Business.objects.visible_to(user)
        .filter(status__in=CASELOAD_STATUSES)
        .select_related("region", "subsector", "advisor", "cohort")
        .annotate(owner_language=_owner_language_sq())
        .order_by("enrolled_at", "id")
    )


def advisor_suggestions(*, user, business) -> list[rules.Suggestion]:
    """Every advisor with a profile, ranked for `business` (admin only)."""
    if not can_manage_advisors(user):
        return []
    language = (
        BusinessMember.objects.filter(business=business, user__is_active=True)
        .order_by(Case(When(role=BusinessMember.Role.OWNER, then=Value(0)), default=Value(1)), "id")
        .values_list("user__language", flat=True)
        .first()
    )
    facts = business_facts(business, language=language)
    return rules.rank_advisors(facts, advisor_facts(advisor_profiles_with_load()))


def bulk_proposals(*, user, businesses) -> list[rules.Proposal]:
    """Balanced proposals for `businesses` (from `assignable_businesses`, unassigned ones)."""
    if not can_manage_advisors(user):
        return []
    facts = [business_facts(b, language=b.owner_language) for b in businesses]
    return rules.balance_assignments(facts, advisor_facts(advisor_profiles_with_load()))


def advisors_without_profile(*, user):
    if not can_manage_advisors(user):
        return User.objects.none()
    return User.objects.filter(role=Role.ADVISOR, is_active=True, advisor_profile__isnull=True)


def assignment_history(*, user, business):
    return (
        AdvisorAssignment.objects.visible_to(user)
        .filter(business=business)
        .select_related("advisor", "previous_advisor", "assigned_by")
    )


# --- Meetings --------------------------------------------------------------------------------


def meetings_for_business(*, user, business):
    """The staff view of a business's meetings (includes private notes: callers check
    `permissions.can_see_private_notes`)."""
    return Meeting.objects.visible_to(user).filter(business=business).select_related("advisor")


def extensions_for_business(*, user, business):
    return (
        AllowanceExtension.objects.visible_to(user)
        .filter(business=business)
        .select_related("granted_by")
    )


@dataclass(frozen=True)
class MerchantMeeting:
    """A meeting as its merchant sees it: no private notes, by construction."""

    pk: int
    starts_at: datetime
    minutes: int
    mode: str
    mode_label: str
    location: str
    agenda: str
    status: str
    status_label: str
    topics: str
    next_steps: str
    advisor_name: str
    plan_actions: tuple[str, ...] = ()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


MERCHANT_MEETING_FIELDS = (
    "pk",
    "starts_at",
    "planned_minutes",
    "actual_minutes",
    "mode",
    "location",
    "agenda",
    "status",
    "topics",
    "next_steps",
    "advisor__first_name",
    "advisor__last_name",
)


def merchant_meetings(*, business) -> list[MerchantMeeting]:
    """One query (two when plans exist): the fields a merchant may see, never private notes."""
    rows = list(
        Meeting.objects.filter(business=business)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "id")
        .values(*MERCHANT_MEETING_FIELDS)
    )
    titles = integrations.plan_action_titles_by_meeting([r["pk"] for r in rows])
    modes, statuses = dict(Meeting.Mode.choices), dict(Meeting.Status.choices)
    return [
        MerchantMeeting(
            pk=r["pk"],
            starts_at=r["starts_at"],
            minutes=r["actual_minutes"] or r["planned_minutes"],
            mode=r["mode"],
            mode_label=str(modes.get(r["mode"], r["mode"])),
            location=r["location"],
            agenda=r["agenda"],
            status=r["status"],
            status_label=str(statuses.get(r["status"], r["status"])),
            topics=r["topics"] if r["status"] == HELD else "",
            next_steps=r["next_steps"] if r["status"] == HELD else "",
            advisor_name=f"{r['advisor__first_name']} {r['advisor__last_name']}".strip(),
            plan_actions=tuple(titles.get(r["pk"], ())),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class MerchantCoaching:
    business: Business
    advisor: User | None
    allowance: rules.Allowance
    upcoming: list[MerchantMeeting] = field(default_factory=list)
    past: list[MerchantMeeting] = field(default_factory=list)

    @property
    def next_steps(self) -> str:
        """Next steps of the latest meeting held."""
        for meeting in reversed(self.past):
            if meeting.next_steps:
                return meeting.next_steps
        return ""

    @property
    def next_meeting(self) -> MerchantMeeting | None:
        return self.upcoming[0] if self.upcoming else None


def merchant_coaching(*, user, now: datetime | None = None) -> MerchantCoaching | None:
    """The merchant's advisor, allowance, upcoming and past meetings (None: no business)."""
    business = business_for_merchant(user=user)
    if business is None:
        return None
    now = now or timezone.now()
    meetings = merchant_meetings(business=business)
    upcoming = [m for m in meetings if m.status == PLANNED and m.ends_at >= now]
    past = [m for m in meetings if m.status == HELD]
    return MerchantCoaching(
        business=business,
        advisor=business.advisor,
        allowance=allowance_for(business=business),
        upcoming=upcoming,
        past=past,
    )


def coaching_export(*, business) -> dict:
    """The coaching part of a merchant's own-data export (structured, JSON-ready). Holds no
    private notes and no staff-only reasons."""
    meetings = merchant_meetings(business=business)
    current = allowance_for(business=business)
    advisor = business.advisor
    return {
        "advisor": (
            {"name": advisor.get_full_name(), "email": advisor.email, "phone": advisor.phone}
            if advisor
            else None
        ),
        "allowance_minutes": {
            "package": current.allowed,
            "extensions": current.extended,
            "used": current.used,
            "remaining": current.remaining,
        },
        "meetings": [
            {
                "starts_at": m.starts_at.isoformat(),
                "minutes": m.minutes,
                "mode": m.mode,
                "location": m.location,
                "agenda": m.agenda,
                "status": m.status,
                "topics": m.topics,
                "next_steps": m.next_steps,
                "plan_actions": list(m.plan_actions),
                "advisor": m.advisor_name,
            }
            for m in meetings
        ],
    }


# --- Caseload --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseloadRow:
    business: Business
    allowance: rules.Allowance
    last_contact: datetime | None
    days_without_contact: int | None
    next_meeting: datetime | None
    plan: integrations.PlanProgress | None
    trainings_attended: int
    attention: tuple[rules.Reason, ...]

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention)


def _local_date(value: datetime) -> date:
    return timezone.localtime(value).date()


def caseload(*, user, today: date | None = None) -> list[CaseloadRow]:
    """The advisor's assigned businesses still in the program, with what needs attention.

    Four queries whatever the number of businesses: businesses (the columns shown, with
    their extensions and the assignment date), their meetings grouped by business (minutes
    used, last and next meeting), plan progress, trainings attended. The SQL takes under a
    millisecond; the cost is the ORM building queries, so they are kept plain."""
    today = today or timezone.localdate()
    now = timezone.now()
    businesses = list(
        Business.objects.visible_to(user)
        .filter(advisor=user, status__in=CASELOAD_STATUSES)
        .select_related("region")
        .only(
            "id",
            "legal_name",
            "operating_name",
            "status",
            "coaching_minutes_allowed",
            "enrolled_at",
            "advisor_id",
            "region__code",
            "region__name_fr",
            "region__name_en",
        )
        .annotate(
            extended=_extended_minutes_sq(),
            assigned_at=Subquery(
                AdvisorAssignment.objects.filter(
                    business=OuterRef("pk"), advisor=OuterRef("advisor")
                )
                .order_by()
                .values("business")
                .annotate(last=Max("created_at"))
                .values("last")[:1]
            ),
        )
        .order_by("legal_name", "id")
    )
    meetings = {}
    if businesses:
        meetings = {
            row["business_id"]: row
            for row in Meeting.objects.filter(business_id__in=[b.pk for b in businesses])
            .order_by()
            .values("business_id")
            .annotate(
                used=Sum("actual_minutes", filter=Q(status=HELD)),
                last=Max("starts_at", filter=Q(status=HELD)),
                next=Min("starts_at", filter=Q(status=PLANNED, starts_at__gte=now)),
            )
        }
    no_meeting = {"used": None, "last": None, "next": None}
    for b in businesses:
        facts = meetings.get(b.pk, no_meeting)
        b.used, b.last_contact, b.next_meeting = facts["used"] or 0, facts["last"], facts["next"]
    ids = [b.pk for b in businesses]
    # ids are the user's own scope (visible_to above): the bridges do not scope again
    plans = integrations.plan_progress(ids, today=today) if ids else {}
    trainings = integrations.trainings_attended(ids) if ids else {}
    rows = []
    for b in businesses:
        current = rules.allowance(
            allowed=b.coaching_minutes_allowed, extended=b.extended, used=b.used
        )
        reference = b.last_contact or b.assigned_at or b.enrolled_at
        days = (today - _local_date(reference)).days if reference else None
        plan = plans.get(b.pk)
        reasons = rules.attention(
            days_without_contact=days,
            ever_met=b.last_contact is not None,
            overdue_actions=plan.overdue if plan else 0,
            current=current,
        )
        rows.append(
            CaseloadRow(
                business=b,
                allowance=current,
                last_contact=b.last_contact,
                days_without_contact=days,
                next_meeting=b.next_meeting,
                plan=plan,
                trainings_attended=trainings.get(b.pk, 0),
                attention=reasons,
            )
        )
    return rows


# --- Program admin: advisors' load and hours delivered per month -----------------------------


@dataclass(frozen=True)
class AdvisorLoadRow:
    advisor: User
    profile: AdvisorProfile | None
    caseload: int
    months: list[int]
    total: int


@dataclass(frozen=True)
class LoadOverview:
    year: int
    months: list[date]
    rows: list[AdvisorLoadRow]
    month_totals: list[int]
    total: int


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=tz)
    last = calendar.monthrange(year, month)[1]
    end = datetime(year, month, last, tzinfo=tz) + timedelta(days=1)
    return start, end


def advisor_load_overview(*, user, year: int) -> LoadOverview | None:
    """Every advisor's caseload and coaching minutes held per month of `year` (local time),
    credited to the advisor who held the meeting. Two queries (advisors with their sums,
    program totals), whatever the number of advisors and meetings."""
    if not can_manage_advisors(user):
        return None
    months = [date(year, m, 1) for m in range(1, 13)]
    month_q = {}
    for m in months:
        start, end = _month_bounds(year, m.month)
        month_q[m.month] = (start, end)
    year_start, year_end = month_q[1][0], month_q[12][1]
    held = Q(coaching_meetings__status=HELD)
    annotations = {
        f"m{month:02d}": Coalesce(
            Sum(
                "coaching_meetings__actual_minutes",
                filter=held
                & Q(coaching_meetings__starts_at__gte=start, coaching_meetings__starts_at__lt=end),
            ),
            Value(0),
        )
        for month, (start, end) in month_q.items()
    }
    advisors = list(
        User.objects.filter(role=Role.ADVISOR)
        .select_related("advisor_profile")
        .annotate(
            caseload_count=_caseload_count_sq(),
            year_total=Coalesce(
                Sum(
                    "coaching_meetings__actual_minutes",
                    filter=held
                    & Q(
                        coaching_meetings__starts_at__gte=year_start,
                        coaching_meetings__starts_at__lt=year_end,
                    ),
                ),
                Value(0),
            ),
            **annotations,
        )
        .order_by("last_name", "first_name", "id")
    )
    totals = Meeting.objects.filter(
        status=HELD, starts_at__gte=year_start, starts_at__lt=year_end
    ).aggregate(
        total=Coalesce(Sum("actual_minutes"), Value(0)),
        **{
            f"m{month:02d}": Coalesce(
                Sum("actual_minutes", filter=Q(starts_at__gte=start, starts_at__lt=end)), Value(0)
            )
            for month, (start, end) in month_q.items()
        },
    )
    rows = [
        AdvisorLoadRow(
            advisor=a,
            profile=getattr(a, "advisor_profile", None),
            caseload=a.caseload_count,
            months=[getattr(a, f"m{m:02d}") for m in range(1, 13)],
            total=a.year_total,
        )
        for a in advisors
    ]
    return LoadOverview(
        year=year,
        months=months,
        rows=rows,
        month_totals=[totals[f"m{m:02d}"] for m in range(1, 13)],
        total=totals["total"],
    )


def unassigned_count(*, user) -> int:
    return assignable_businesses(user=user).filter(advisor__isnull=True).count()


def meeting_for_staff(*, user, pk):
    """A meeting in the user's scope with its business and advisor (None: out of scope)."""
    return (
        Meeting.objects.visible_to(user)
        .select_related("business", "advisor", "business__advisor")
        .filter(pk=pk)
        .first()
    )
