"""Reads of the budget: planned vs committed vs spent by line and funder, burn per month,
cost per enrolled business and the forecast inputs. Aggregates only (no loops counting)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth

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


def budget_lines() -> list[LineRow]:
    """One query: every budget line with its committed and spent totals."""
    rows = (
        BudgetLine.objects.select_related("funder")
        .annotate(
            committed=Coalesce(
                Sum("expenses__amount_cents", filter=Q(expenses__kind=Expense.Kind.COMMITMENT)), 0
            ),
            spent=Coalesce(
                Sum("expenses__amount_cents", filter=Q(expenses__kind=Expense.Kind.SPENT)), 0
            ),
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
    """One query per call: funders with their contributions total and spent on their lines."""
    return Funder.objects.annotate(
        contributed=Coalesce(Sum("contributions__amount_cents", distinct=True), 0),
    ).order_by("name_fr")


def funder_spent() -> dict[int | None, int]:
    rows = (
        Expense.objects.filter(kind=Expense.Kind.SPENT)
        .values("line__funder")
        .annotate(total=Sum("amount_cents"))
    )
    return {r["line__funder"]: r["total"] for r in rows}


def contributions_total() -> int:
    return Contribution.objects.aggregate(total=Coalesce(Sum("amount_cents"), 0))["total"]


def burn_by_month(*, start: date | None = None, end: date | None = None) -> list[dict]:
    """Spent per calendar month (one query): [{"month": date, "spent": cents}, …]."""
    qs = Expense.objects.filter(kind=Expense.Kind.SPENT)
    if start:
        qs = qs.filter(incurred_on__gte=start)
    if end:
        qs = qs.filter(incurred_on__lt=end)
    rows = (
        qs.annotate(month=TruncMonth("incurred_on"))
        .values("month")
        .annotate(spent=Sum("amount_cents"))
        .order_by("month")
    )
    return [{"month": r["month"], "spent": r["spent"]} for r in rows]


def unit_cost(kind: str, on: date) -> int | None:
    cost = UnitCost.objects.filter(kind=kind, valid_from__lte=on).order_by("-valid_from").first()
    return cost.amount_cents if cost else None


def enrolments_by_month(*, start: date, end: date) -> dict[date, int]:
    rows = (
        Business.objects.filter(enrolled_at__date__gte=start, enrolled_at__date__lt=end)
        .annotate(month=TruncMonth("enrolled_at"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    return {
        (r["month"].date() if hasattr(r["month"], "date") else r["month"]): r["n"] for r in rows
    }


def budget_forecast(
    *, program, today: date, window: int = 3, enrolled: int | None = None
) -> Forecast:
    """Forecast from the last `window` full months (see rules.forecast for assumptions)."""
    first_of_month = today.replace(day=1)
    start = add_months(first_of_month, -window)
    months = [add_months(start, i) for i in range(window)]
    spent_by_month = {
        row["month"]: row["spent"] for row in burn_by_month(start=start, end=first_of_month)
    }
    spent_by_month = {(k.date() if hasattr(k, "date") else k): v for k, v in spent_by_month.items()}
    enrol_by_month = enrolments_by_month(start=start, end=first_of_month)
    totals = Expense.objects.aggregate(
        spent=Coalesce(Sum("amount_cents", filter=Q(kind=Expense.Kind.SPENT)), 0),
        committed=Coalesce(Sum("amount_cents", filter=Q(kind=Expense.Kind.COMMITMENT)), 0),
    )
    if enrolled is None:
        enrolled = Business.objects.filter(enrolled_at__isnull=False).count()
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
