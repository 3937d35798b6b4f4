"""Program figures, computed in the database (annotate/aggregate with filter=Q; never a loop
over rows counting). Reporting only reads other apps' tables.

Two layers:

- *raw* selectors (`funnel_counts`, `enrolment_by_month`, …) return exact numbers, each with
  the number of businesses it rests on, for the program admin;
- `report()` assembles them into one JSON-safe dict through `presenters.present`, applying
  small-cell suppression when asked. `program_aggregates` and `region_aggregates` are that
  dict, always suppressed: what partners, funders and the API get.

Every selector runs a fixed number of queries whatever the number of businesses (see the
query-count tests). Definitions of each figure: README.md in this folder.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import (
    Avg,
    Count,
    Exists,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone

from virage.capsules.models import BusinessReach
from virage.coaching.models import AllowanceExtension, Meeting
from virage.diagnostics import questionnaire as qn
from virage.diagnostics.models import Assessment
from virage.enterprises import rules as path
from virage.enterprises.models import Business, Decision
from virage.plans import transitions as action_status
from virage.plans.models import PUBLISHED_STATUSES, Plan, PlanAction
from virage.programs.models import Program, Region
from virage.training.models import Registration, TrainingSession
from virage.waitlist.models import CallbackEntry

from . import presenters
from .filters import Filters

SUBMITTED = Assessment.Status.SUBMITTED
ATTENDED = Registration.Status.ATTENDED
ABSENT = Registration.Status.ABSENT
HELD = Meeting.Status.HELD
MAX_MONTHS = 120  # a period longer than ten years is cut (the program lasts three)

# Stages of the funnel (DOMAIN.md §3), in order. "callback" is the callback list (waitlist).
STAGES = (
    "callback",
    path.INVITED,
    path.APPLIED,
    path.ELIGIBLE,
    path.ENROLLED,
    path.DIAGNOSED,
    path.PLAN_PUBLISHED,
    path.IMPLEMENTING,
    path.REASSESSED,
    path.COMPLETED,
)


# --- scoping helpers -------------------------------------------------------------------------


def business_q(filters: Filters, prefix: str = "", *, region: bool = True) -> Q:
    """Region, cohort and package of the businesses, as a Q on a model reaching Business
    through `prefix` ("" for Business itself, "business__" for a meeting…)."""
    q = Q()
    if region and filters.region:
        q &= Q(**{f"{prefix}region__code": filters.region})
    if filters.cohort:
        q &= Q(**{f"{prefix}cohort_id": filters.cohort})
    if filters.package:
        q &= Q(**{f"{prefix}package__key": filters.package})
    return q


def period_q(filters: Filters, field: str, *, is_datetime: bool = True) -> Q:
    """`field` within the period (local dates, both ends included)."""
    lookup = f"{field}__date" if is_datetime else field
    q = Q()
    if filters.start:
        q &= Q(**{f"{lookup}__gte": filters.start})
    if filters.end:
        q &= Q(**{f"{lookup}__lte": filters.end})
    return q


def _reached(stage: str) -> list[str]:
    """Statuses on the main path at or after `stage`."""
    return path.PATH[path.PATH.index(stage) :]


def _month(value) -> date:
    """TruncMonth gives a datetime (local time zone) or a date: the first day, as a date."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _float(path_: str):
    return Cast(KT(path_), FloatField())


# --- the funnel ----------------------------------------------------------------------------


def funnel_counts(*, filters: Filters) -> dict:
    """Businesses that reached each stage of the path (two queries).

    A business counts at a stage when its status is that stage or a later one on the main
    path, *or* when the fact of the stage is recorded (applied_at, an eligible decision,
    enrolled_at, a submitted T0, a published plan, an implemented action, a submitted T1): a
    business that withdrew still counts at the stages it reached. `callback` counts confirmed
    callback-list entries (None under a cohort or package filter: the list has neither).
    The period applies to the date a business entered the funnel (its invitation, i.e. its
    creation) and to the callback-list sign-up date."""
    if filters.cohort or filters.package:
        callback = None
    else:
        entries = CallbackEntry.objects.filter(confirmed_at__isnull=False)
        entries = entries.filter(period_q(filters, "signed_up_at"))
        if filters.region:
            entries = entries.filter(region__code=filters.region)
        callback = entries.aggregate(n=Count("pk"))["n"]

    def has(model_qs) -> Q:
        return Q(Exists(model_qs))

    t0 = Assessment.objects.filter(business=OuterRef("pk"), time_point="T0", status=SUBMITTED)
    t1 = Assessment.objects.filter(business=OuterRef("pk"), time_point="T1", status=SUBMITTED)
    plan = Plan.objects.filter(business=OuterRef("pk"), status__in=PUBLISHED_STATUSES)
    # Nested so that the plan is found by its business first, then its actions by plan: a
    # join filtered on the action status lets SQLite scan every implemented action instead.
    implemented = Plan.objects.filter(
        business=OuterRef("pk"), status__in=PUBLISHED_STATUSES
    ).filter(
        Exists(PlanAction.objects.filter(plan=OuterRef("pk"), status=action_status.IMPLEMENTED))
    )
    accepted = Decision.objects.filter(
        application__business=OuterRef("pk"), outcome=Decision.Outcome.ELIGIBLE
    )
    on_path = {stage: Q(status__in=_reached(stage)) for stage in path.PATH}
    counts = (
        Business.objects.filter(business_q(filters), period_q(filters, "created_at"))
        .order_by()
        .aggregate(
            invited=Count("pk"),
            applied=Count(
                "pk",
                filter=on_path[path.APPLIED]
                | Q(status__in=[path.INELIGIBLE, path.NEEDS_REVIEW])
                | Q(applied_at__isnull=False),
            ),
            eligible=Count(
                "pk",
                filter=on_path[path.ELIGIBLE] | Q(enrolled_at__isnull=False) | has(accepted),
            ),
            enrolled=Count("pk", filter=on_path[path.ENROLLED] | Q(enrolled_at__isnull=False)),
            diagnosed=Count("pk", filter=on_path[path.DIAGNOSED] | has(t0)),
            plan_published=Count("pk", filter=on_path[path.PLAN_PUBLISHED] | has(plan)),
            implementing=Count("pk", filter=on_path[path.IMPLEMENTING] | has(implemented)),
            reassessed=Count("pk", filter=on_path[path.REASSESSED] | has(t1)),
            completed=Count("pk", filter=Q(status=path.COMPLETED)),
            withdrawn=Count("pk", filter=Q(status=path.WITHDRAWN)),
            ineligible=Count("pk", filter=Q(status=path.INELIGIBLE)),
            needs_review=Count("pk", filter=Q(status=path.NEEDS_REVIEW)),
        )
    )
    return {"callback": callback, **counts}


# --- enrolment -----------------------------------------------------------------------------


def enrolment_by_month(*, filters: Filters, program: Program | None, today: date) -> list[dict]:
    """New and cumulative enrolments per calendar month (local time), with the linear target
    line (one query).

    Months run from the period start (default: the program's start month) to the period end
    or this month, whichever comes first. Cumulative figures count every enrolment since the
    beginning, so they compare with the target line: target × months elapsed ÷ program
    duration, rounded half-up, capped at the target; None for a subset (region, cohort,
    package) or without a program. Each row: {month, new, cumulative, target}."""
    first = (filters.start or (program.start_date if program else today)).replace(day=1)
    last = min(filters.end or today, today).replace(day=1)
    if _month_index(last) < _month_index(first):
        return []
    if _month_index(last) - _month_index(first) >= MAX_MONTHS:
        first = _add_months(last, -(MAX_MONTHS - 1))
    last_day = date.fromordinal(_add_months(last, 1).toordinal() - 1)
    rows = (
        Business.objects.filter(
            business_q(filters), enrolled_at__isnull=False, enrolled_at__date__lte=last_day
        )
        .annotate(month=TruncMonth("enrolled_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    per_month: dict[date, int] = {}
    for row in rows:
        month = _month(row["month"])
        per_month[month] = per_month.get(month, 0) + row["n"]
    cumulative = sum(n for m, n in per_month.items() if m < first)
    show_target = program is not None and not filters.is_subset
    result = []
    month = first
    while _month_index(month) <= _month_index(last):
        new = per_month.get(month, 0)
        cumulative += new
        target = None
        if show_target:
            elapsed = _month_index(month) - _month_index(program.start_date) + 1
            target = presenters.linear_target(
                program.target_businesses, elapsed, program.duration_months
            )
        result.append({"month": month, "new": new, "cumulative": cumulative, "target": target})
        month = _add_months(month, 1)
    return result


def enrolment_by_region(*, filters: Filters, regions: list[Region]) -> list[dict]:
    """Every region (all 17, zeros included), in code order (one query): businesses enrolled
    in the period, in the program today (enrolled or further, not withdrawn), completed.
    The region filter does not apply here (this table is the breakdown by region); cohort,
    package and period do (the period: to the enrolment date)."""
    rows = (
        Business.objects.filter(business_q(filters, region=False), region__isnull=False)
        .order_by()
        .values("region_id")
        .annotate(
            enrolled=Count(
                "pk",
                filter=Q(enrolled_at__isnull=False) & period_q(filters, "enrolled_at"),
            ),
            active=Count("pk", filter=Q(status__in=path.ACTIVE)),
            completed=Count("pk", filter=Q(status=path.COMPLETED)),
        )
    )
    by_region = {row["region_id"]: row for row in rows}
    empty = {"enrolled": 0, "active": 0, "completed": 0}
    return [
        {
            "code": region.code,
            "name": region.name,
            **{k: by_region.get(region.pk, empty)[k] for k in empty},
        }
        for region in regions
    ]


# --- hours ---------------------------------------------------------------------------------


def coaching_delivered(*, filters: Filters) -> dict:
    """Coaching minutes held (meetings logged as held, by meeting date) and how many
    businesses they served (one query)."""
    return (
        Meeting.objects.filter(
            business_q(filters, "business__"), period_q(filters, "starts_at"), status=HELD
        )
        .order_by()
        .aggregate(
            minutes=Coalesce(Sum("actual_minutes"), 0),
            meetings=Count("pk"),
            businesses=Count("business", distinct=True),
        )
    )


def training_delivered(*, filters: Filters) -> dict:
    """Training in closed sessions (by session date): credited minutes, attended and absent
    registrations, and the distinct businesses behind each (one query). A registration is a
    person's seat; the attendance rate is attended ÷ (attended + absent)."""
    return (
        Registration.objects.filter(
            business_q(filters, "business__"),
            period_q(filters, "session__starts_at"),
            session__status=TrainingSession.Status.CLOSED,
            status__in=[ATTENDED, ABSENT],
        )
        .order_by()
        .aggregate(
            minutes=Coalesce(Sum("credited_minutes", filter=Q(status=ATTENDED)), 0),
            attended=Count("pk", filter=Q(status=ATTENDED)),
            absent=Count("pk", filter=Q(status=ABSENT)),
            businesses=Count("business", distinct=True),
            attended_businesses=Count("business", filter=Q(status=ATTENDED), distinct=True),
            absent_businesses=Count("business", filter=Q(status=ABSENT), distinct=True),
        )
    )


def allowances(*, filters: Filters) -> dict:
    """Allowances of the businesses in the program today (enrolled or further, not
    withdrawn): coaching (package minutes + extensions granted) and training minutes, and how
    many businesses (two queries). The period does not apply: an allowance is what the
    business is owed over its whole support."""
    in_program = Business.objects.filter(business_q(filters), status__in=path.ACTIVE)
    totals = in_program.order_by().aggregate(
        businesses=Count("pk"),
        coaching=Coalesce(Sum("coaching_minutes_allowed"), 0),
        training=Coalesce(Sum("training_minutes_allowed"), 0),
    )
    extended = AllowanceExtension.objects.filter(
        business_q(filters, "business__"), business__status__in=path.ACTIVE
    ).aggregate(minutes=Coalesce(Sum("minutes"), 0))["minutes"]
    totals["coaching"] += extended
    return totals


# --- outcomes ------------------------------------------------------------------------------


def maturity_change(*, filters: Filters) -> dict:
    """T0 → T1 digital maturity (module M2, 0–100) over the *paired* businesses: those with
    both a submitted T0 and a submitted T1 (the T1 submitted in the period). Means of T0 and
    of T1 per dimension and overall (one query); the change is T1 mean − T0 mean, which over
    the same businesses equals the mean of each business's change.

    {"businesses": n, "t0": {"overall": x, "D1": x, …}, "t1": {…}} (means unrounded)."""
    t0 = Assessment.objects.filter(business=OuterRef("pk"), time_point="T0", status=SUBMITTED)
    t1 = Assessment.objects.filter(
        Q(business=OuterRef("pk"), time_point="T1", status=SUBMITTED)
        & period_q(filters, "submitted_at")
    )
    paired = Business.objects.filter(business_q(filters)).filter(Exists(t0), Exists(t1))
    averages = {"overall": Avg(_float("m2_result__overall"))}
    for key in qn.DIMENSIONS:
        averages[key] = Avg(_float(f"m2_result__dimensions__{key}"))
    rows = (
        Assessment.objects.filter(status=SUBMITTED, business__in=paired)
        .order_by()
        .values("time_point")
        .annotate(businesses=Count("business", distinct=True), **averages)
    )
    by_point = {row["time_point"]: row for row in rows}
    empty = dict.fromkeys(averages)
    t0_row = by_point.get("T0", {"businesses": 0, **empty})
    t1_row = by_point.get("T1", {"businesses": 0, **empty})
    return {
        "businesses": t1_row["businesses"],
        "t0": {k: t0_row[k] for k in averages},
        "t1": {k: t1_row[k] for k in averages},
    }


def transactional_share(*, filters: Filters) -> dict:
    """Businesses in the program today with a transactional web site (order and pay online)
    at intake and now (one query).

    At intake: the business's own answer when it applied (`Business.has_transactional_site`,
    editable only until submission). Now: the answer to item r2_1 ("transactional web site")
    of its latest submitted diagnostic (T1 when done, else T0) is "yes" ("partially" is not a
    transactional site); a business not yet diagnosed keeps its intake answer. The period does
    not apply (a snapshot today)."""
    latest_answer = (
        Assessment.objects.filter(business=OuterRef("pk"), status=SUBMITTED)
        .order_by("-time_point", "-submitted_at", "-pk")
        .annotate(answer=KT("answers__r2_1"))
        .values("answer")[:1]
    )
    return (
        Business.objects.filter(business_q(filters), status__in=path.ACTIVE)
        .annotate(latest_r2_1=Subquery(latest_answer))
        .order_by()
        .aggregate(
            businesses=Count("pk"),
            at_intake=Count("pk", filter=Q(has_transactional_site=True)),
            now=Count(
                "pk",
                filter=Q(latest_r2_1="yes")
                | Q(latest_r2_1__isnull=True, has_transactional_site=True),
            ),
            assessed=Count("pk", filter=Q(latest_r2_1__isnull=False)),
        )
    )


def actions_implemented(*, filters: Filters) -> list[dict]:
    """How many actions each business with a published plan has implemented (gone live in
    the period), as a distribution: [{"implemented": k, "businesses": n_k}], k ascending
    (one query). Totals and the mean follow from it (presenters)."""
    # Only the plans are in the WHERE clause (the actions' plan index); the status and the
    # period are the count's filter. With them in the WHERE clause SQLite walks the status
    # index over every implemented action of the program, for each business (10 s at 5,000
    # businesses with a period).
    published_plans = Plan.objects.filter(
        business=OuterRef(OuterRef("pk")), status__in=PUBLISHED_STATUSES
    ).values("pk")
    implemented = (
        PlanAction.objects.filter(plan__in=published_plans)
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(
            n=Count(
                "pk",
                filter=Q(status=action_status.IMPLEMENTED)
                & period_q(filters, "implemented_at", is_datetime=False),
            )
        )
        .values("n")
    )
    with_plan = Plan.objects.filter(business=OuterRef("pk"), status__in=PUBLISHED_STATUSES)
    return list(
        Business.objects.filter(business_q(filters))
        .filter(Exists(with_plan))
        .annotate(
            implemented=Coalesce(Subquery(implemented, output_field=IntegerField()), Value(0))
        )
        .order_by()
        .values("implemented")
        .annotate(businesses=Count("pk"))
        .order_by("implemented")
    )


def capsule_reach(*, filters: Filters) -> dict:
    """Distinct businesses reached by the capsules (at least one capsule completed; program
    businesses and other businesses alike): first completion in the period, and in total up
    to the period end (one query). Region: the business's region as recorded at its first
    completion; cohort and package keep program businesses only."""
    qs = BusinessReach.objects.all()
    if filters.region:
        qs = qs.filter(region__code=filters.region)
    if filters.cohort or filters.package:
        qs = qs.filter(business_q(filters, "business__", region=False))
    to_date = Q(first_completed_at__date__lte=filters.end) if filters.end else Q()
    return qs.order_by().aggregate(
        in_period=Count("pk", filter=period_q(filters, "first_completed_at")),
        to_date=Count("pk", filter=to_date),
    )


# --- assembled reports ---------------------------------------------------------------------


def raw_figures(
    *,
    filters: Filters,
    program: Program | None,
    today: date,
    regions: list[Region] | None = None,
) -> dict:
    """Every raw figure of the dashboard (exact numbers). With `regions` (the 17 regions),
    the breakdown by region too. Fixed query count: 13, plus 1 with regions."""
    return {
        "funnel": funnel_counts(filters=filters),
        "months": enrolment_by_month(filters=filters, program=program, today=today),
        "regions": (
            enrolment_by_region(filters=filters, regions=regions) if regions is not None else None
        ),
        "coaching": coaching_delivered(filters=filters),
        "training": training_delivered(filters=filters),
        "allowances": allowances(filters=filters),
        "maturity": maturity_change(filters=filters),
        "transactional": transactional_share(filters=filters),
        "actions": actions_implemented(filters=filters),
        "capsules": capsule_reach(filters=filters),
    }


def report(
    *,
    filters: Filters,
    program: Program | None,
    today: date,
    suppress: bool,
    regions: list[Region] | None = None,
) -> dict:
    """The dashboard's figures as one JSON-safe dict (see presenters.present). `suppress`
    hides every cell under 5 businesses ("< 5") and what is derived from it. The raw figures
    come from the scope's snapshot when fresh (snapshots.py: one query); "computed_at" (ISO
    date-time, or None when computed for this request) says when they were computed."""
    from . import snapshots

    scope = snapshots.scope_of(
        snapshots.REPORT,
        filters=filters,
        program_id=program.pk if program else None,
        today=today,
        with_regions=regions is not None,
    )
    figures = snapshots.cached(
        scope,
        lambda: raw_figures(filters=filters, program=program, today=today, regions=regions),
        encode=snapshots.encode_report,
        decode=lambda data: snapshots.decode_report(data, regions),
    )
    result = presenters.present(
        figures.raw,
        filters=filters,
        suppress=suppress,
        targets=presenters.Targets.of(program, subset=filters.is_subset),
    )
    result["computed_at"] = figures.computed_at.isoformat() if figures.computed_at else None
    return result


def refresh_scope(scope: dict, *, program: Program | None, today: date, regions: list) -> None:
    """Recompute and store the snapshot of `scope` (snapshots.refresh_snapshots)."""
    from . import snapshots

    filters = snapshots.filters_of(scope)
    if scope["kind"] == snapshots.REPORT:
        with_regions = regions if scope["regions"] else None
        snapshots.store(
            scope,
            lambda: raw_figures(
                filters=filters, program=program, today=today, regions=with_regions
            ),
            encode=snapshots.encode_report,
        )
    elif scope["kind"] == snapshots.KEY_FIGURES:
        snapshots.store(scope, lambda: raw_key_figures(filters=filters))


def _current_program() -> Program | None:
    from virage.programs.selectors import program_current

    return program_current()


def program_aggregates(
    *, filters: Filters, program: Program | None = None, today: date | None = None
) -> dict:
    """Program-wide figures, small cells suppressed: what funders see (and the API gives).

    JSON-safe: numbers are int or float, dates ISO strings ("2026-10" for months); a hidden
    cell is the string "< 5"; None (null) means nothing to show (no data, a rate over zero,
    a target that does not apply to a subset). Includes the 17 regions."""
    program = program if program is not None else _current_program()
    today = today or timezone.localdate()
    regions = list(Region.objects.order_by("code"))
    return report(filters=filters, program=program, today=today, suppress=True, regions=regions)


def region_aggregates(
    *,
    region: Region | str,
    filters: Filters,
    program: Program | None = None,
    today: date | None = None,
) -> dict:
    """One region's figures, small cells suppressed: what its regional partner sees (and the
    API gives). `region` is a Region or its code; the filters' own region is replaced by it.
    Same shape as `program_aggregates`, without the breakdown by region ("regions": None)
    and without program-wide targets."""
    code = region.code if isinstance(region, Region) else str(region)
    program = program if program is not None else _current_program()
    today = today or timezone.localdate()
    return report(filters=filters.with_region(code), program=program, today=today, suppress=True)


def raw_key_figures(*, filters: Filters) -> dict:
    """The raw figures of a home panel (three queries)."""
    counts = (
        Business.objects.filter(business_q(filters))
        .order_by()
        .aggregate(
            enrolled=Count("pk", filter=Q(enrolled_at__isnull=False)),
            active=Count("pk", filter=Q(status__in=path.ACTIVE)),
            completed=Count("pk", filter=Q(status=path.COMPLETED)),
        )
    )
    return {
        "counts": counts,
        "coaching": coaching_delivered(filters=filters),
        "reach": capsule_reach(filters=filters),
    }


def key_figures(
    *, filters: Filters, program: Program | None, suppress: bool, today: date | None = None
) -> dict:
    """The few figures of a home panel: businesses enrolled, in the program, completed;
    coaching hours held; businesses reached by capsules. From the scope's snapshot when fresh
    (one query), else three queries."""
    from . import snapshots

    scope = snapshots.scope_of(
        snapshots.KEY_FIGURES,
        filters=filters,
        program_id=program.pk if program else None,
        today=today or timezone.localdate(),
        with_regions=False,
    )
    raw = snapshots.cached(scope, lambda: raw_key_figures(filters=filters)).raw
    return presenters.present_key_figures(
        raw["counts"],
        raw["coaching"],
        raw["reach"],
        suppress=suppress,
        targets=presenters.Targets.of(program, subset=filters.is_subset),
    )


def businesses_queryset(*, filters: Filters) -> QuerySet[Business]:
    """Businesses of the filters (region, cohort, package), for the program admin's export."""
    return Business.objects.filter(business_q(filters))


# --- funders -------------------------------------------------------------------------------


def funders_for(user) -> list:
    """The funders a funder user acts for (Funder.users), by name (one query)."""
    from virage.funding.models import Funder

    if user is None or not user.is_authenticated or user.role != "funder":
        return []
    return list(Funder.objects.filter(users=user).order_by("name_fr"))


def funder_contributions(*, funders: list) -> list:
    """The contributions of these funders, oldest first (one query)."""
    from virage.funding.models import Contribution

    return list(
        Contribution.objects.filter(funder__in=funders)
        .select_related("funder")
        .order_by("funder__name_fr", "starts_on", "pk")
    )


def funder_lines(*, funders: list, filters: Filters) -> list[dict]:
    """The budget lines these funders pay for, with what was committed and spent on each, in
    the period and up to its end (one query). Amounts in cents."""
    from virage.funding.models import BudgetLine, Expense

    spent = Q(expenses__kind=Expense.Kind.SPENT)
    committed = Q(expenses__kind=Expense.Kind.COMMITMENT)
    in_period = period_q(filters, "expenses__incurred_on", is_datetime=False)
    to_end = Q(expenses__incurred_on__lte=filters.end) if filters.end else Q()
    rows = (
        BudgetLine.objects.filter(funder__in=funders)
        .select_related("funder")
        .annotate(
            spent_in_period=Coalesce(Sum("expenses__amount_cents", filter=spent & in_period), 0),
            spent_to_date=Coalesce(Sum("expenses__amount_cents", filter=spent & to_end), 0),
            committed_to_date=Coalesce(Sum("expenses__amount_cents", filter=committed & to_end), 0),
        )
        .order_by("funder__name_fr", "category", "pk")
    )
    return [
        {
            "funder": line.funder.name,
            "category": line.category,
            "category_label": str(line.get_category_display()),
            "planned": line.planned_cents,
            "committed": line.committed_to_date,
            "spent_in_period": line.spent_in_period,
            "spent": line.spent_to_date,
            "remaining": line.planned_cents - line.committed_to_date - line.spent_to_date,
        }
        for line in rows
    ]


def program_money(*, filters: Filters) -> dict:
    """Program-wide spending (all lines, every funder) up to the period end, and in the
    period (one query). Amounts in cents."""
    from virage.funding.models import Expense

    spent = Q(kind=Expense.Kind.SPENT)
    to_end = Q(incurred_on__lte=filters.end) if filters.end else Q()
    return Expense.objects.order_by().aggregate(
        spent=Coalesce(Sum("amount_cents", filter=spent & to_end), 0),
        spent_in_period=Coalesce(
            Sum("amount_cents", filter=spent & period_q(filters, "incurred_on", is_datetime=False)),
            0,
        ),
    )


# --- the program admin's export of all businesses -------------------------------------------


def _sum_sq(qs, field: str):
    return Coalesce(
        Subquery(
            qs.order_by().values("business").annotate(total=Sum(field)).values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def business_export_rows(*, filters: Filters, contact: bool):
    """One dict per business (region, cohort, package filters), for the program admin's
    export, in id order: one query, read in chunks (`iterator`), so 30,000 businesses never
    sit in memory at once. Contact details (names, NEQ, owner's e-mail and phone) only with
    `contact=True`."""
    from virage.enterprises.models import BusinessMember
    from virage.training.models import Registration as Reg

    def assessment(time_point: str):
        return Assessment.objects.filter(
            business=OuterRef("pk"), time_point=time_point, status=SUBMITTED
        ).order_by("-submitted_at", "-pk")

    def overall(time_point: str):
        return Subquery(
            assessment(time_point).annotate(v=_float("m2_result__overall")).values("v")[:1],
            output_field=FloatField(),
        )

    def submitted_on(time_point: str):
        return Subquery(assessment(time_point).values("submitted_at")[:1])

    latest_answer = (
        Assessment.objects.filter(business=OuterRef("pk"), status=SUBMITTED)
        .order_by("-time_point", "-submitted_at", "-pk")
        .annotate(answer=KT("answers__r2_1"))
        .values("answer")[:1]
    )
    published_actions = PlanAction.objects.filter(
        plan__business=OuterRef("pk"), plan__status__in=PUBLISHED_STATUSES
    )

    def action_count(qs):
        return Coalesce(
            Subquery(
                qs.order_by().values("plan__business").annotate(n=Count("pk")).values("n")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        )

    annotations = {
        "coaching_used": _sum_sq(
            Meeting.objects.filter(business=OuterRef("pk"), status=HELD), "actual_minutes"
        ),
        "coaching_extended": _sum_sq(
            AllowanceExtension.objects.filter(business=OuterRef("pk")), "minutes"
        ),
        "training_used": _sum_sq(
            Reg.objects.filter(
                business=OuterRef("pk"),
                status=ATTENDED,
                session__status=TrainingSession.Status.CLOSED,
            ),
            "credited_minutes",
        ),
        "t0_overall": overall("T0"),
        "t0_on": submitted_on("T0"),
        "t1_overall": overall("T1"),
        "t1_on": submitted_on("T1"),
        "actions_implemented": action_count(
            published_actions.filter(status=action_status.IMPLEMENTED)
        ),
        "actions_total": action_count(published_actions.exclude(status=action_status.DROPPED)),
        "transactional_now": Subquery(latest_answer),
    }
    fields = [
        "pk",
        "status",
        "region__code",
        "package__key",
        "cohort__name",
        "created_at",
        "applied_at",
        "enrolled_at",
        "status_changed_at",
        "coaching_minutes_allowed",
        "training_minutes_allowed",
        "has_transactional_site",
    ]
    if contact:
        owner = BusinessMember.objects.filter(business=OuterRef("pk")).order_by(
            # owners first, then the oldest membership
            "-role",
            "pk",
        )
        annotations.update(
            owner_first_name=Subquery(owner.values("user__first_name")[:1]),
            owner_last_name=Subquery(owner.values("user__last_name")[:1]),
            owner_email=Subquery(owner.values("user__email")[:1]),
            owner_phone=Subquery(owner.values("user__phone")[:1]),
        )
        fields += ["legal_name", "operating_name", "neq"]
    return (
        Business.objects.filter(business_q(filters))
        .annotate(**annotations)
        .order_by("pk")
        .values(*fields, *annotations)
        .iterator(chunk_size=2000)
    )


def funder_money_summary(*, funders: list) -> dict:
    """Total contributed by these funders and spent on their lines (two queries; none
    without funders). Amounts in cents."""
    from virage.funding.models import Contribution, Expense

    if not funders:
        return {"contributed": 0, "spent": 0}
    contributed = Contribution.objects.filter(funder__in=funders).aggregate(
        total=Coalesce(Sum("amount_cents"), 0)
    )["total"]
    spent = Expense.objects.filter(line__funder__in=funders, kind=Expense.Kind.SPENT).aggregate(
        total=Coalesce(Sum("amount_cents"), 0)
    )["total"]
    return {"contributed": contributed, "spent": spent}
