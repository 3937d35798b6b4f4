"""Reads of the budget: planned vs committed vs spent by line and funder, burn per month,
cost per enrolled business and the forecast inputs. Aggregates only (no loops counting)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import BigIntegerField, Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from virage.enterprises.models import Business

from .models import BudgetLine, Contribution, Expense, Funder, UnitCost
from .rules import Forecast, ForecastInput, add_months, forecast


@dataclass(frozen=True)
class LineRow:
    line: BudgetLine
    planned: int
    committed: int
    spent: int

    @property
    def remaining(self) -> int:
        return self.planned - self.committed - self.spent


def _line_total(kind: str):
    """Sum of a line's expenses of one kind: a correlated subquery that reads the covering
    index (line, kind, amount) only, instead of grouping every expense row of the join."""
    total = (
        Expense.objects.filter(line=OuterRef("pk"), kind=kind)
        .order_by()
        .values("line")
        .annotate(total=Sum("amount_cents"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=BigIntegerField()), 0)


def budget_lines() -> list[LineRow]:
    """One query: every budget line with its committed and spent totals."""
    rows = (
        BudgetLine.objects.select_related("funder")
        .annotate(
            committed=_line_total(Expense.Kind.COMMITMENT),
            spent=_line_total(Expense.Kind.SPENT),
        )
        .order_by("category", "funder__name_fr")
    )
    return [
        LineRow(line=r, planned=r.planned_cents, committed=r.committed, spent=r.spent) for r in rows
    ]


def budget_totals(rows: list[LineRow]) -> dict[str, int]:
    return {
        "planned": sum(r.planned for r in rows),
        "committed": sum(r.committed for r in rows),
        "spent": sum(r.spent for r in rows),
    }


def funders_with_contributions():
    """One query: funders with the total of their contributions (`contributed`)."""
    return Funder.objects.annotate(
        contributed=Coalesce(Sum("contributions__amount_cents"), 0),
    ).order_by("name_fr")


def funder_spent(rows: list[LineRow] | None = None) -> dict[int | None, int]:
    """Spent per funder of the budget lines ({None: lines without a funder}): from the rows of
    `budget_lines()` when given (no query; every expense has a line), else one query."""
    if rows is not None:
        spent: dict[int | None, int] = {}
        for r in rows:
            spent[r.line.funder_id] = spent.get(r.line.funder_id, 0) + r.spent
        return spent
    rows = (
        Expense.objects.filter(kind=Expense.Kind.SPENT)
        .values("line__funder")
        .annotate(total=Sum("amount_cents"))
    )
    return {r["line__funder"]: r["total"] for r in rows}


def contributions_total() -> int:
    return Contribution.objects.aggregate(total=Coalesce(Sum("amount_cents"), 0))["total"]


def burn_by_month(*, start: date | None = None, end: date | None = None) -> list[dict]:
    """Spent per calendar month, oldest first (one query): [{"month": date, "spent": cents}].

    Grouped by day in the database (a plain date column: no per-row date function, which
    SQLite runs in Python) and summed per month here: at most one row per calendar day, however
    many expenses there are."""
    qs = Expense.objects.filter(kind=Expense.Kind.SPENT)
    if start:
        qs = qs.filter(incurred_on__gte=start)
    if end:
        qs = qs.filter(incurred_on__lt=end)
    months: dict[date, int] = {}
    for day, spent in (
        qs.order_by()
        .values("incurred_on")
        .annotate(spent=Sum("amount_cents"))
        .values_list("incurred_on", "spent")
    ):
        month = day.replace(day=1)
        months[month] = months.get(month, 0) + spent
    return [{"month": month, "spent": months[month]} for month in sorted(months)]


def unit_cost(kind: str, on: date) -> int | None:
    cost = UnitCost.objects.filter(kind=kind, valid_from__lte=on).order_by("-valid_from").first()
    return cost.amount_cents if cost else None


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())


def enrolment_counts(*, months: list[date]) -> tuple[int, dict[date, int]]:
    """(businesses enrolled, {first day of month: businesses enrolled that calendar month in
    local time}) in two queries on the `enrolled_at` index: a plain count, and a count per
    month over the range of `months` only (no per-row date function)."""
    enrolled = Business.objects.filter(enrolled_at__isnull=False).count()
    if not months:
        return enrolled, {}
    bounds = [_local_midnight(m) for m in months] + [_local_midnight(add_months(months[-1], 1))]
    row = Business.objects.filter(enrolled_at__gte=bounds[0], enrolled_at__lt=bounds[-1]).aggregate(
        **{
            f"m{i}": Count(
                "pk", filter=Q(enrolled_at__gte=bounds[i], enrolled_at__lt=bounds[i + 1])
            )
            for i in range(len(months))
        }
    )
    return enrolled, {month: row[f"m{i}"] for i, month in enumerate(months)}


def _expense_totals() -> dict[str, int]:
    return Expense.objects.aggregate(
        spent=Coalesce(Sum("amount_cents", filter=Q(kind=Expense.Kind.SPENT)), 0),
        committed=Coalesce(Sum("amount_cents", filter=Q(kind=Expense.Kind.COMMITMENT)), 0),
    )


def _forecast_months(today: date, window: int) -> list[date]:
    start = add_months(today.replace(day=1), -window)
    return [add_months(start, i) for i in range(window)]


def budget_forecast(
    *,
    program,
    today: date,
    window: int = 3,
    burn: list[dict] | None = None,
    totals: dict[str, int] | None = None,
    enrolments: tuple[int, dict[date, int]] | None = None,
) -> Forecast:
    """Forecast from the last `window` full months (see rules.forecast for assumptions).
    `burn` (from `burn_by_month`, covering the window), `totals` (spent and committed) and
    `enrolments` (from `enrolment_counts` for the window) are read when not given: one query
    each."""
    months = _forecast_months(today, window)
    if burn is None:
        burn = burn_by_month(start=months[0], end=add_months(months[-1], 1))
    spent_by_month = {row["month"]: row["spent"] for row in burn}
    if totals is None:
        totals = _expense_totals()
    enrolled, enrol_by_month = enrolments or enrolment_counts(months=months)
    end = add_months(program.start_date.replace(day=1), program.duration_months)
    return forecast(
        ForecastInput(
            today=today,
            budget_cents=program.budget_cents,
            spent_cents=totals["spent"],
            committed_cents=totals["committed"],
            enrolled=enrolled,
            target=program.target_businesses,
            monthly_spent_cents=tuple(spent_by_month.get(m, 0) for m in months),
            monthly_enrolments=tuple(enrol_by_month.get(m, 0) for m in months),
            program_end=end,
        )
    )


@dataclass(frozen=True)
class BudgetDashboard:
    rows: list[LineRow]
    totals: dict[str, int]
    burn: list[dict]
    funders: list[dict]
    unassigned_spent: int
    contributions_total: int
    enrolled: int
    cost_per_enrolled: int | None
    forecast: Forecast
    recent: list[Expense]


def budget_dashboard(*, program, today: date, recent: int = 15) -> BudgetDashboard:
    """Everything the budget page shows, in six queries whatever the data: budget lines with
    their committed and spent totals, spending per month, enrolments (total; per month of the
    forecast window), funders with their contributions, the latest expenses. Totals, spent
    per funder and the forecast inputs are derived from those rows (every expense has a budget
    line; every contribution a funder)."""
    rows = budget_lines()
    totals = budget_totals(rows)
    burn = burn_by_month()
    months = _forecast_months(today, 3)
    enrolled, enrol_by_month = enrolment_counts(months=months)
    spent_by_funder = funder_spent(rows)
    funders = [
        {"funder": f, "contributed": f.contributed, "spent": spent_by_funder.get(f.pk, 0)}
        for f in funders_with_contributions()
    ]
    return BudgetDashboard(
        rows=rows,
        totals=totals,
        burn=burn,
        funders=funders,
        unassigned_spent=spent_by_funder.get(None, 0),
        contributions_total=sum(f["contributed"] for f in funders),
        enrolled=enrolled,
        cost_per_enrolled=(totals["spent"] // enrolled) if enrolled else None,
        forecast=budget_forecast(
            program=program,
            today=today,
            burn=burn,
            totals=totals,
            enrolments=(enrolled, enrol_by_month),
        ),
        recent=list(Expense.objects.select_related("line", "line__funder")[:recent]),
    )
