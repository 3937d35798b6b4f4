"""Writes on the budget: every one by a program admin (or the system for accruals), audited."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from virage.accounts.permissions import is_program_admin
from virage.core.services import audit_log

from .models import BudgetLine, Expense, UnitCost
from .rules import add_months
from .selectors import unit_cost


def expense_record(
    *, actor, line: BudgetLine, kind: str, incurred_on: date, amount_cents: int, description: str
) -> Expense:
    """The program admin enters an expense or a commitment on a budget line."""
    if not is_program_admin(actor):
        raise PermissionDenied
    if amount_cents <= 0:
        raise ValidationError({"amount": _("Enter an amount greater than zero.")})
    with transaction.atomic():
        expense = Expense.objects.create(
            line=line,
            kind=kind,
            incurred_on=incurred_on,
            amount_cents=amount_cents,
            description=description,
            created_by=actor,
            source=Expense.Source.ENTERED,
        )
        audit_log(
            actor=actor,
            verb="expense.recorded",
            obj=expense,
            after={
                "line": line.pk,
                "kind": kind,
                "amount_cents": amount_cents,
                "incurred_on": incurred_on.isoformat(),
            },
        )
    return expense


def _cost(minutes: int, hourly_cents: int) -> int:
    value = Decimal(minutes) * Decimal(hourly_cents) / Decimal(60)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def expenses_accrue(*, month: date, actor=None) -> list[Expense]:
    """Accrue the month's delivered coaching minutes and attended training seat-minutes as
    spent amounts on the advisors and training lines (unit costs of that month).

    Idempotent: one accrual per kind and month (`source_key`); running it again changes
    nothing. Needs a budget line without funder for each category (created if missing)."""
    if actor is not None and not is_program_admin(actor):
        raise PermissionDenied
    from virage.coaching.selectors import coaching_minutes_delivered
    from virage.training.selectors import training_minutes_attended

    start = month.replace(day=1)
    end = add_months(start, 1)
    specs = [
        (
            Expense.Source.COACHING,
            BudgetLine.Category.ADVISORS,
            UnitCost.Kind.ADVISOR_HOUR,
            coaching_minutes_delivered(start=start, end=end),
        ),
        (
            Expense.Source.TRAINING,
            BudgetLine.Category.TRAINING,
            UnitCost.Kind.TRAINING_SEAT_HOUR,
            training_minutes_attended(start=start, end=end),
        ),
    ]
    created = []
    for source, category, kind, minutes in specs:
        hourly = unit_cost(kind, start)
        if not minutes or hourly is None:
            continue
        key = f"accrual:{source}:{start:%Y-%m}"
        try:
            with transaction.atomic():
                line, _created = BudgetLine.objects.get_or_create(
                    category=category, funder=None, defaults={"planned_cents": 0}
                )
                expense = Expense.objects.create(
                    line=line,
                    kind=Expense.Kind.SPENT,
                    source=source,
                    source_key=key,
                    incurred_on=end - timedelta(days=1),
                    amount_cents=_cost(minutes, hourly),
                    quantity=(Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01")),
                    description=f"{source} {start:%Y-%m}: {minutes} min × {hourly / 100:.2f} $/h",
                )
                audit_log(
                    actor=actor,
                    verb="expense.accrued",
                    obj=expense,
                    after={
                        "minutes": minutes,
                        "unit_cents": hourly,
                        "amount_cents": expense.amount_cents,
                    },
                )
            created.append(expense)
        except IntegrityError:
            continue  # already accrued for that month
    return created
