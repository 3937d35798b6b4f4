from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from virage.funding.rules import ForecastInput, add_months, forecast


def make(**kw):
    base = dict(
        today=date(2026, 11, 26),
        budget_cents=2_250_000_000,
        spent_cents=300_000_000,
        committed_cents=50_000_000,
        enrolled=1000,
        target=5000,
        monthly_spent_cents=(40_000_000, 50_000_000, 60_000_000),
        monthly_enrolments=(150, 200, 250),
        program_end=date(2029, 8, 31),
    )
    base.update(kw)
    return ForecastInput(**base)


def test_forecast_worked_by_hand():
    f = forecast(make())
    # spend 150M / 3 = 50M a month; 600 / 3 = 200 enrolments a month
    assert f.spend_rate_cents == 50_000_000
    assert f.enrolment_rate == 200.0
    # 4000 remaining / 200 = 20 months → July 2028
    assert f.months_to_target == 20
    assert f.target_date == date(2028, 7, 1)
    # 300M + 20 × 50M = 1,300M ≤ 2,250M
    assert f.projected_spent_at_target_cents == 1_300_000_000
    assert f.budget_lasts_to_target is True
    # (2,250M − 300M) / 50M = 39 months
    assert f.months_of_budget_left == 39
    assert f.cost_per_enrolled_cents == 300_000
    assert f.planned_cost_per_business_cents == 450_000
    assert f.target_before_program_end is True


def test_budget_does_not_last_when_spending_is_fast():
    f = forecast(make(monthly_spent_cents=(120_000_000, 120_000_000, 120_000_000)))
    # 300M + 20 × 120M = 2,700M > 2,250M
    assert (f.projected_spent_at_target_cents, f.budget_lasts_to_target) == (2_700_000_000, False)


def test_no_enrolment_means_no_target_date():
    f = forecast(make(monthly_enrolments=(0, 0, 0)))
    assert (f.months_to_target, f.target_date, f.budget_lasts_to_target) == (None, None, None)


def test_target_reached_and_nothing_spent():
    f = forecast(make(enrolled=5000, monthly_spent_cents=(0, 0, 0), spent_cents=0))
    assert (f.months_to_target, f.months_of_budget_left, f.projected_spent_at_target_cents) == (
        0,
        None,
        0,
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 26), 0, date(2026, 11, 1)),
        (date(2026, 11, 26), 2, date(2027, 1, 1)),
        (date(2026, 1, 31), 23, date(2027, 12, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@given(st.integers(0, 10_000), st.integers(1, 500))
def test_more_enrolments_per_month_never_delay_the_target(enrolled, rate):
    slow = forecast(make(enrolled=enrolled, monthly_enrolments=(rate,)))
    fast = forecast(make(enrolled=enrolled, monthly_enrolments=(rate + 1,)))
    assert fast.months_to_target <= slow.months_to_target
