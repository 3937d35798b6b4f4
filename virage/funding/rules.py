"""Budget forecast at current rates: a pure function on plain numbers (no ORM).

Assumptions (shown next to the figures): spending and enrolments continue at the average
monthly rate of the last `window` full months; unit costs stay as they are; the budget is the
program budget (contributions may add up to more or less — shown separately)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ForecastInput:
    today: date
    budget_cents: int
    spent_cents: int
    committed_cents: int
    enrolled: int
    target: int
    monthly_spent_cents: tuple[int, ...]  # last full months, oldest first
    monthly_enrolments: tuple[int, ...]  # same months
    program_end: date


@dataclass(frozen=True)
class Forecast:
    spend_rate_cents: int  # per month
    enrolment_rate: float  # businesses per month
    months_to_target: int | None  # None: no enrolments in the window
    target_date: date | None
    projected_spent_at_target_cents: int | None
    budget_lasts_to_target: bool | None
    months_of_budget_left: int | None  # None: nothing spent in the window
    cost_per_enrolled_cents: int | None
    planned_cost_per_business_cents: int
    target_before_program_end: bool | None


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, 1)


def forecast(data: ForecastInput) -> Forecast:
    window = max(len(data.monthly_spent_cents), 1)
    spend_rate = round(sum(data.monthly_spent_cents) / window)
    enrol_rate = sum(data.monthly_enrolments) / max(len(data.monthly_enrolments), 1)
    remaining = max(data.target - data.enrolled, 0)
    if remaining == 0:
        months_to_target = 0
    elif enrol_rate > 0:
        months_to_target = math.ceil(remaining / enrol_rate)
    else:
        months_to_target = None
    target_date = add_months(data.today, months_to_target) if months_to_target is not None else None
    projected = (
        data.spent_cents + spend_rate * months_to_target if months_to_target is not None else None
    )
    left = data.budget_cents - data.spent_cents
    months_left = math.floor(left / spend_rate) if spend_rate > 0 else None
    return Forecast(
        spend_rate_cents=spend_rate,
        enrolment_rate=round(enrol_rate, 1),
        months_to_target=months_to_target,
        target_date=target_date,
        projected_spent_at_target_cents=projected,
        budget_lasts_to_target=(projected <= data.budget_cents) if projected is not None else None,
        months_of_budget_left=months_left,
        cost_per_enrolled_cents=(data.spent_cents // data.enrolled) if data.enrolled else None,
        planned_cost_per_business_cents=(data.budget_cents // data.target) if data.target else 0,
        target_before_program_end=(target_date <= data.program_end) if target_date else None,
    )
