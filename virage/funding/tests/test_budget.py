"""Budget figures on a small dataset worked out by hand, services and query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from virage.core.models import AuditEvent
from virage.funding import selectors, services
from virage.funding.models import BudgetLine, Contribution, Expense, Funder

pytestmark = pytest.mark.django_db


@pytest.fixture
def money(db):
    otn = Funder.objects.create(key="otn", name_fr="Offensive", name_en="Offensive")
    cerii = Funder.objects.create(key="cerii", name_fr="CERII", name_en="REGI")
    Contribution.objects.create(
        funder=otn, amount_cents=900_000_000, starts_on=date(2026, 9, 1), ends_on=date(2029, 8, 31)
    )
    Contribution.objects.create(
        funder=cerii,
        amount_cents=930_000_000,
        starts_on=date(2026, 9, 1),
        ends_on=date(2029, 8, 31),
    )
    adv = BudgetLine.objects.create(category="advisors", funder=cerii, planned_cents=500_000_00)
    trn = BudgetLine.objects.create(category="training", funder=otn, planned_cents=200_000_00)
    Expense.objects.create(
        line=adv, incurred_on=date(2026, 9, 30), amount_cents=10_000_00, description="a"
    )
    Expense.objects.create(
        line=adv, incurred_on=date(2026, 10, 31), amount_cents=15_000_00, description="b"
    )
    Expense.objects.create(
        line=trn, incurred_on=date(2026, 10, 2), amount_cents=5_000_00, description="c"
    )
    Expense.objects.create(
        line=trn,
        kind="commitment",
        incurred_on=date(2026, 10, 2),
        amount_cents=40_000_00,
        description="d",
    )
    return {"otn": otn, "cerii": cerii, "adv": adv, "trn": trn}


def test_lines_planned_committed_spent(money):
    rows = {
        r.line.category: (r.planned, r.committed, r.spent, r.remaining)
        for r in selectors.budget_lines()
    }
    assert rows == {
        "advisors": (50_000_000, 0, 2_500_000, 47_500_000),
        "training": (20_000_000, 4_000_000, 500_000, 15_500_000),
    }
    assert selectors.budget_totals(selectors.budget_lines()) == {
        "planned": 70_000_000,
        "committed": 4_000_000,
        "spent": 3_000_000,
    }


def test_burn_by_month_and_spent_by_funder(money):
    assert [(r["month"].strftime("%Y-%m"), r["spent"]) for r in selectors.burn_by_month()] == [
        ("2026-09", 1_000_000),
        ("2026-10", 2_000_000),
    ]
    spent = selectors.funder_spent()
    assert (spent[money["cerii"].pk], spent[money["otn"].pk]) == (2_500_000, 500_000)
    assert selectors.contributions_total() == 1_830_000_000


def test_forecast_from_the_database(money, program, businesses):
    f = selectors.budget_forecast(program=program, today=date(2026, 11, 15))
    # window Aug, Sep, Oct: spent 0 + 1.0M + 2.0M → 1.0M a month
    assert f.spend_rate_cents == 1_000_000
    assert f.cost_per_enrolled_cents == 3_000_000 // 2


def test_budget_page_shows_the_figures(client_for, money):
    body = client_for("ada").get("/fr/funding/").content.decode()
    assert "500\u00a0000\u00a0$" in body  # planned on the advisors line
    assert "25\u00a0000\u00a0$" in body  # spent on it
    assert "2026-10" in body


def test_budget_page_queries_do_not_grow_with_the_data(
    client_for, money, businesses, assert_queries
):
    client = client_for("ada")
    client.get("/fr/funding/")  # warm the session
    # session, user, program, budget lines (with committed and spent), spent per day,
    # businesses enrolled, enrolments per month of the forecast window, funders (with their
    # contributions), latest expenses
    with assert_queries(9):
        client.get("/fr/funding/")
    extra = Funder.objects.create(key="x", name_fr="X")
    line = BudgetLine.objects.create(category="promotion", funder=extra, planned_cents=100)
    for i in range(20):
        Contribution.objects.create(
            funder=extra, amount_cents=100, starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 1)
        )
        Expense.objects.create(
            line=line if i % 2 else money["adv"],
            kind="commitment" if i % 3 == 0 else "spent",
            incurred_on=date(2026, 1 + i % 12, 1 + i),
            amount_cents=100,
            description=f"x{i}",
        )
    with assert_queries(9):
        body = client.get("/fr/funding/").content.decode()
    assert "x19" in body


def test_funders_count_every_contribution(money):
    # two contributions of the same amount are two contributions
    Contribution.objects.create(
        funder=money["otn"],
        amount_cents=900_000_000,
        starts_on=date(2029, 9, 1),
        ends_on=date(2030, 8, 31),
    )
    contributed = {f.key: f.contributed for f in selectors.funders_with_contributions()}
    assert contributed == {"cerii": 930_000_000, "otn": 1_800_000_000}


def test_enrolments_count_by_local_month(businesses):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from virage.enterprises.models import Business

    toronto = ZoneInfo("America/Toronto")
    # 23:30 on Sept 30 in Montréal is Oct 1 in UTC: it counts in September
    Business.objects.filter(pk=businesses.marie.pk).update(
        enrolled_at=datetime(2026, 9, 30, 23, 30, tzinfo=toronto)
    )
    Business.objects.filter(pk=businesses.luc.pk).update(
        enrolled_at=datetime(2026, 10, 1, 0, 0, tzinfo=toronto)
    )
    enrolled, by_month = selectors.enrolment_counts(
        months=[date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
    )
    assert (enrolled, by_month) == (
        2,
        {date(2026, 8, 1): 0, date(2026, 9, 1): 1, date(2026, 10, 1): 1},
    )


def test_budget_dashboard_matches_the_separate_reads(money, program, businesses):
    today = date(2026, 11, 15)
    board = selectors.budget_dashboard(program=program, today=today)
    assert board.totals == selectors.budget_totals(selectors.budget_lines())
    assert board.burn == selectors.burn_by_month()
    assert board.contributions_total == selectors.contributions_total() == 1_830_000_000
    spent = selectors.funder_spent()
    assert [(f["funder"].key, f["spent"]) for f in board.funders] == [
        ("cerii", spent[money["cerii"].pk]),
        ("otn", spent[money["otn"].pk]),
    ]
    assert board.unassigned_spent == spent.get(None, 0) == 0
    assert (board.enrolled, board.cost_per_enrolled) == (2, 3_000_000 // 2)
    assert board.forecast == selectors.budget_forecast(program=program, today=today)
    assert [e.description for e in board.recent] == ["b", "d", "c", "a"]  # newest first


def test_expense_record_is_admin_only_validated_and_audited(personas, money):
    with pytest.raises(PermissionDenied):
        services.expense_record(
            actor=personas.fatou,
            line=money["adv"],
            kind="spent",
            incurred_on=date(2026, 11, 1),
            amount_cents=100,
            description="x",
        )
    with pytest.raises(ValidationError):
        services.expense_record(
            actor=personas.ada,
            line=money["adv"],
            kind="spent",
            incurred_on=date(2026, 11, 1),
            amount_cents=0,
            description="x",
        )
    expense = services.expense_record(
        actor=personas.ada,
        line=money["adv"],
        kind="spent",
        incurred_on=date(2026, 11, 1),
        amount_cents=12_345,
        description="Frais",
    )
    assert (
        AuditEvent.objects.filter(verb="expense.recorded", object_id=str(expense.pk)).count() == 1
    )


def test_expense_form_keeps_input_and_explains_in_french(client_for, money):
    response = client_for("ada").post(
        "/fr/funding/expenses/new/",
        {
            "line": money["adv"].pk,
            "kind": "spent",
            "incurred_on": "2026-11-02",
            "amount": "douze",
            "description": "Location de salle",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Location de salle" in body
    assert "Entrez un montant en dollars" in body
    assert Expense.objects.filter(description="Location de salle").count() == 0
    ok = client_for("ada").post(
        "/fr/funding/expenses/new/",
        {
            "line": money["adv"].pk,
            "kind": "spent",
            "incurred_on": "2026-11-02",
            "amount": "1\u00a0250,50",
            "description": "Location de salle",
        },
    )
    assert ok.status_code == 302
    assert Expense.objects.get(description="Location de salle").amount_cents == 125_050


def test_seed_demo_money_is_idempotent(personas):
    from io import StringIO

    from virage.funding import demo

    demo.seed(users=vars(personas), stdout=StringIO())
    demo.seed(users=vars(personas), stdout=StringIO())
    assert (Funder.objects.count(), BudgetLine.objects.count(), Expense.objects.count()) == (
        2,
        8,
        5,
    )
    assert list(personas.fatou.funders.values_list("key", flat=True)) == ["otn"]
