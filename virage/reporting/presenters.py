"""From raw figures to the report dict: rates, hours, means, and small-cell suppression.
Pure functions on plain data (no ORM), so every rule is tested on hand-made numbers.

The report dict is JSON-safe: int, float (one decimal), str, None, lists and dicts. A cell
hidden by suppression is the string "< 5" (`suppression.HIDDEN`); None means there is
nothing to show (a rate over zero, a target that does not apply to a subset)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from virage.diagnostics import questionnaire as qn

from . import suppression as S
from .filters import Filters

FUNNEL_STAGES = (
    "callback",
    "invited",
    "applied",
    "eligible",
    "enrolled",
    "diagnosed",
    "plan_published",
    "implementing",
    "reassessed",
    "completed",
)
FUNNEL_EXITS = ("withdrawn", "ineligible", "needs_review")
ACTION_BUCKETS = 5  # 0, 1, 2, 3, 4 and "5+" implemented actions


@dataclass(frozen=True)
class Targets:
    """The program's targets and references (data of `programs.Program`). Targets that count
    businesses program-wide (enrolment, capsule reach) do not apply to a subset."""

    businesses: int | None = None
    capsule_reach: int | None = None
    transactional_baseline_percent: int | None = None
    coaching_hours: int | None = None
    training_hours: int | None = None

    @classmethod
    def of(cls, program, *, subset: bool) -> Targets:
        if program is None:
            return cls()
        return cls(
            businesses=None if subset else program.target_businesses,
            capsule_reach=None if subset else program.capsule_reach_target,
            transactional_baseline_percent=program.transactional_baseline_percent,
            coaching_hours=program.coaching_hours_default,
            training_hours=program.training_hours_default,
        )


def linear_target(target: int, elapsed_months: int, duration_months: int) -> int:
    """Where a straight line from 0 (program start) to `target` (program end) stands after
    `elapsed_months` months, rounded half-up: 5,000 over 36 months → 139 after one month."""
    if elapsed_months <= 0 or duration_months <= 0:
        return 0
    if elapsed_months >= duration_months:
        return target
    exact = Decimal(target) * elapsed_months / duration_months
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def hours(minutes: int | float | None) -> float | None:
    """Minutes → hours, one decimal, half-up (90 → 1.5)."""
    if minutes is None:
        return None
    return S.round_half_up(Decimal(str(minutes)) / 60, 1)


def one_decimal(value: float | None) -> float | None:
    return None if value is None else S.round_half_up(value, 1)


def difference(after, before):
    """after − before of two shown (one-decimal) values, exactly; hidden or missing stays so."""
    if S.is_hidden(after) or S.is_hidden(before):
        return S.HIDDEN
    if after is None or before is None:
        return None
    return float(Decimal(str(after)) - Decimal(str(before)))


def _month_key(month) -> str:
    return month.strftime("%Y-%m")


def present_funnel(raw: dict, *, suppress: bool) -> dict:
    stages = []
    previous = None
    for key in FUNNEL_STAGES:
        n = raw[key]
        rate = None
        if n is not None and previous is not None:
            rate = S.rate(n, previous, suppress=suppress)
        stages.append(
            {
                "key": key,
                "businesses": None if n is None else S.count(n, suppress=suppress),
                "rate": rate,
            }
        )
        previous = n
    exits = {key: S.count(raw[key], suppress=suppress) for key in FUNNEL_EXITS}
    return {"stages": stages, "exits": exits}


def present_enrolment(months: list[dict], *, suppress: bool, targets: Targets) -> dict:
    before = months[0]["cumulative"] - months[0]["new"] if months else 0
    cumulative, new = S.suppress_series(
        [m["cumulative"] for m in months], before=before, suppress=suppress
    )
    rows = [
        {
            "month": _month_key(m["month"]),
            "new": new[i],
            "cumulative": cumulative[i],
            "target": m["target"],
        }
        for i, m in enumerate(months)
    ]
    enrolled = months[-1]["cumulative"] if months else 0
    target = targets.businesses
    return {
        "enrolled": S.count(enrolled, suppress=suppress),
        "target": target,
        "percent_of_target": (
            S.rate(enrolled, target, suppress=suppress, denominator_businesses=target, digits=2)
            if target
            else None
        ),
        "target_to_date": months[-1]["target"] if months else None,
        "months": rows,
    }


def present_regions(regions: list[dict] | None, *, suppress: bool) -> dict | None:
    if regions is None:
        return None
    columns = ("enrolled", "active", "completed")
    shown = {c: S.suppress_breakdown([r[c] for r in regions], suppress=suppress) for c in columns}
    rows = [
        {"code": r["code"], "name": r["name"], **{c: shown[c][i] for c in columns}}
        for i, r in enumerate(regions)
    ]
    totals = {c: S.count(sum(r[c] for r in regions), suppress=suppress) for c in columns}
    return {"rows": rows, "total": totals}


def present_hours(
    coaching: dict, training: dict, allowed: dict, *, suppress: bool, targets: Targets
) -> dict:
    in_program = allowed["businesses"]

    def part(minutes, businesses, allowance_minutes, default_hours):
        delivered = S.value(hours(minutes), businesses=businesses, suppress=suppress)
        per_business = None
        if businesses:
            per_business = S.value(
                hours(Decimal(minutes) / businesses), businesses=businesses, suppress=suppress
            )
        elif suppress:
            per_business = S.HIDDEN
        return {
            "delivered_hours": delivered,
            "businesses": S.count(businesses, suppress=suppress),
            "per_business_hours": per_business,
            "allowance_hours": S.value(
                hours(allowance_minutes), businesses=in_program, suppress=suppress
            ),
            "used_percent": S.rate(
                minutes,
                allowance_minutes,
                suppress=suppress,
                numerator_businesses=businesses,
                denominator_businesses=in_program,
            ),
            "allowance_per_business_hours": default_hours,
        }

    return {
        "businesses_in_program": S.count(in_program, suppress=suppress),
        "coaching": part(
            coaching["minutes"], coaching["businesses"], allowed["coaching"], targets.coaching_hours
        ),
        "training": part(
            training["minutes"],
            training["attended_businesses"],
            allowed["training"],
            targets.training_hours,
        ),
    }


def present_attendance(training: dict, *, suppress: bool) -> dict:
    attended, absent = training["attended"], training["absent"]
    return {
        "attended": S.value(
            attended, businesses=training["attended_businesses"], suppress=suppress
        ),
        "absent": S.value(absent, businesses=training["absent_businesses"], suppress=suppress),
        "businesses": S.count(training["businesses"], suppress=suppress),
        "rate": S.rate(
            attended,
            attended + absent,
            suppress=suppress,
            numerator_businesses=training["attended_businesses"],
            denominator_businesses=training["businesses"],
        ),
    }


def present_maturity(raw: dict, *, suppress: bool) -> dict:
    n = raw["businesses"]

    def point(key):
        t0 = S.value(one_decimal(raw["t0"][key]), businesses=n, suppress=suppress)
        t1 = S.value(one_decimal(raw["t1"][key]), businesses=n, suppress=suppress)
        return {"key": key, "t0": t0, "t1": t1, "change": difference(t1, t0)}

    return {
        "businesses": S.count(n, suppress=suppress),
        "overall": point("overall"),
        "dimensions": [point(key) for key in qn.DIMENSIONS],
    }


def present_transactional(raw: dict, *, suppress: bool, targets: Targets) -> dict:
    n = raw["businesses"]
    intake_percent = S.rate(raw["at_intake"], n, suppress=suppress)
    now_percent = S.rate(raw["now"], n, suppress=suppress)
    return {
        "businesses": S.count(n, suppress=suppress),
        "assessed": S.count(raw["assessed"], suppress=suppress),
        "at_intake": S.count(raw["at_intake"], suppress=suppress),
        "at_intake_percent": intake_percent,
        "now": S.count(raw["now"], suppress=suppress),
        "now_percent": now_percent,
        "change_points": difference(now_percent, intake_percent),
        "baseline_percent": targets.transactional_baseline_percent,
    }


def present_actions(distribution: list[dict], *, suppress: bool) -> dict:
    businesses = sum(row["businesses"] for row in distribution)
    implemented = sum(row["implemented"] * row["businesses"] for row in distribution)
    with_one = sum(row["businesses"] for row in distribution if row["implemented"] >= 1)
    buckets = [0] * (ACTION_BUCKETS + 1)
    for row in distribution:
        buckets[min(row["implemented"], ACTION_BUCKETS)] += row["businesses"]
    implemented_cell = S.value(implemented, businesses=with_one, suppress=suppress)
    mean = None
    if businesses:
        mean = S.round_half_up(Decimal(implemented) / businesses, 2)
    per_business = S.derived(
        S.value(mean, businesses=businesses, suppress=suppress), implemented_cell
    )
    shown = S.suppress_breakdown(buckets, suppress=suppress)
    labels = [str(k) for k in range(ACTION_BUCKETS)] + [f"{ACTION_BUCKETS}+"]
    return {
        "businesses": S.count(businesses, suppress=suppress),
        "implemented": implemented_cell,
        "per_business": per_business,
        "with_one_or_more": S.count(with_one, suppress=suppress),
        "with_one_or_more_percent": S.rate(with_one, businesses, suppress=suppress),
        "distribution": [
            {"implemented": label, "businesses": cell}
            for label, cell in zip(labels, shown, strict=True)
        ],
    }


def present_capsules(raw: dict, *, suppress: bool, targets: Targets) -> dict:
    target = targets.capsule_reach
    return {
        "reached_in_period": S.count(raw["in_period"], suppress=suppress),
        "reached": S.count(raw["to_date"], suppress=suppress),
        "target": target,
        "percent_of_target": (
            S.rate(
                raw["to_date"], target, suppress=suppress, denominator_businesses=target, digits=2
            )
            if target
            else None
        ),
    }


def present(raw: dict, *, filters: Filters, suppress: bool, targets: Targets) -> dict:
    """The whole report dict (see the module docstring for the value conventions)."""
    return {
        "filters": filters.as_dict(),
        "suppressed": suppress,
        "small_cell_threshold": S.SMALL_CELL,
        "funnel": present_funnel(raw["funnel"], suppress=suppress),
        "enrolment": present_enrolment(raw["months"], suppress=suppress, targets=targets),
        "regions": present_regions(raw["regions"], suppress=suppress),
        "hours": present_hours(
            raw["coaching"], raw["training"], raw["allowances"], suppress=suppress, targets=targets
        ),
        "training_attendance": present_attendance(raw["training"], suppress=suppress),
        "maturity": present_maturity(raw["maturity"], suppress=suppress),
        "transactional_site": present_transactional(
            raw["transactional"], suppress=suppress, targets=targets
        ),
        "actions": present_actions(raw["actions"], suppress=suppress),
        "capsules": present_capsules(raw["capsules"], suppress=suppress, targets=targets),
    }


def present_key_figures(
    counts: dict, coaching: dict, reach: dict, *, suppress: bool, targets: Targets
) -> dict:
    target = targets.businesses
    return {
        "enrolled": S.count(counts["enrolled"], suppress=suppress),
        "target": target,
        "percent_of_target": (
            S.rate(
                counts["enrolled"],
                target,
                suppress=suppress,
                denominator_businesses=target,
                digits=2,
            )
            if target
            else None
        ),
        "active": S.count(counts["active"], suppress=suppress),
        "completed": S.count(counts["completed"], suppress=suppress),
        "coaching_hours": S.value(
            hours(coaching["minutes"]), businesses=coaching["businesses"], suppress=suppress
        ),
        "capsule_reach": S.count(reach["to_date"], suppress=suppress),
        "capsule_target": targets.capsule_reach,
    }
