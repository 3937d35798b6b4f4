"""Every figure on a known dataset, with the expected values worked out by hand in the
comments. Dates are local (America/Toronto)."""

from datetime import UTC, date, datetime

import pytest

from virage.reporting import selectors
from virage.reporting.filters import Filters
from virage.reporting.suppression import HIDDEN as H

from . import dataset as D

pytestmark = pytest.mark.django_db

NOV_30 = date(2026, 11, 30)


# --- funnel ---------------------------------------------------------------------------------


@pytest.fixture
def funnel_data():
    """15 businesses, one or more at each step, and 17 callback-list entries."""
    # callback list: 12 confirmed in Montérégie (16), 3 confirmed in Estrie (05),
    # 2 unconfirmed (not on the list yet) → 15 confirmed in all
    for _ in range(12):
        D.callback(region_code="16")
    for _ in range(3):
        D.callback(region_code="05")
    for _ in range(2):
        D.callback(region_code="16", confirmed=False)
    for _ in range(2):
        D.business(status="invited")
    D.business(status="applied")
    D.business(status="ineligible")
    D.business(status="needs_review")
    D.business(status="eligible")
    for _ in range(2):
        D.business(status="enrolled")
    for status in ("diagnosed", "plan_published", "implementing", "reassessed", "completed"):
        D.business(status=status)
    # withdrew after enrolment, with its T0 submitted: counts up to "diagnosed"
    quitter = D.business(status="withdrawn", enrolled_on=date(2026, 10, 1))
    D.assessment(quitter, time_point="T0")
    # withdrew before applying: counts as invited only
    D.business(status="withdrawn", region_code="05")


def test_funnel_counts(funnel_data):
    counts = selectors.funnel_counts(filters=Filters())
    assert counts == {
        "callback": 15,  # 12 + 3 confirmed
        "invited": 15,  # every business
        # all but the 2 invited and the one that withdrew before applying: 15 − 3
        "applied": 12,
        # eligible 1 + enrolled 2 + diagnosed…completed 5 + withdrawn after enrolment 1
        "eligible": 9,
        # enrolled 2 + 5 further along + the one that withdrew after enrolment
        "enrolled": 8,
        # diagnosed…completed 5 + the withdrawn one with a submitted T0
        "diagnosed": 6,
        "plan_published": 4,  # plan_published, implementing, reassessed, completed
        "implementing": 3,
        "reassessed": 2,
        "completed": 1,
        "withdrawn": 2,
        "ineligible": 1,
        "needs_review": 1,
    }


def test_funnel_report_with_rates_exact_and_suppressed(funnel_data, program):
    exact = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=False)[
        "funnel"
    ]
    assert [(s["key"], s["businesses"], s["rate"]) for s in exact["stages"]] == [
        ("callback", 15, None),
        ("invited", 15, 100.0),  # 15 / 15
        ("applied", 12, 80.0),  # 12 / 15
        ("eligible", 9, 75.0),  # 9 / 12
        ("enrolled", 8, 88.9),  # 8 / 9 = 88.89
        ("diagnosed", 6, 75.0),  # 6 / 8
        ("plan_published", 4, 66.7),  # 4 / 6 = 66.67
        ("implementing", 3, 75.0),  # 3 / 4
        ("reassessed", 2, 66.7),  # 2 / 3
        ("completed", 1, 50.0),  # 1 / 2
    ]
    assert exact["exits"] == {"withdrawn": 2, "ineligible": 1, "needs_review": 1}
    shown = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=True)[
        "funnel"
    ]
    # under 5 businesses: the count and every rate touching it are hidden
    assert [(s["key"], s["businesses"], s["rate"]) for s in shown["stages"]] == [
        ("callback", 15, None),
        ("invited", 15, 100.0),
        ("applied", 12, 80.0),
        ("eligible", 9, 75.0),
        ("enrolled", 8, 88.9),
        ("diagnosed", 6, 75.0),
        ("plan_published", H, H),  # 4
        ("implementing", H, H),  # 3 (and 3 / 4)
        ("reassessed", H, H),
        ("completed", H, H),
    ]
    assert shown["exits"] == {"withdrawn": H, "ineligible": H, "needs_review": H}


def test_funnel_by_region_and_period(funnel_data):
    # Estrie: 3 confirmed callback entries and the one business that withdrew early
    assert selectors.funnel_counts(filters=Filters(region="05")) == {
        "callback": 3,
        "invited": 1,
        "applied": 0,
        "eligible": 0,
        "enrolled": 0,
        "diagnosed": 0,
        "plan_published": 0,
        "implementing": 0,
        "reassessed": 0,
        "completed": 0,
        "withdrawn": 1,
        "ineligible": 0,
        "needs_review": 0,
    }
    # a cohort has no callback list: None, not 0
    c = D.cohort()
    assert selectors.funnel_counts(filters=Filters(cohort=c.pk))["callback"] is None
    # the period applies to the invitation (creation) date: move 2 businesses back to June
    from virage.enterprises.models import Business

    old = list(Business.objects.filter(status="invited").values_list("pk", flat=True))
    Business.objects.filter(pk__in=old).update(created_at=D.local(date(2026, 6, 1)))
    counts = selectors.funnel_counts(
        filters=Filters(start=date(2026, 7, 1), end=date(2026, 12, 31))
    )
    # the 12 + 3 callback entries signed up on 2026-06-01: outside the period
    assert counts["callback"] == 0
    assert counts["invited"] == 13  # 15 − the 2 invited in June
    assert counts["applied"] == 12  # the 2 moved back had not applied


# --- enrolment ------------------------------------------------------------------------------


@pytest.fixture
def enrolments():
    """Enrolments: September 2 (one of them on 1 October at 03:00 UTC, which is still
    30 September in Québec), October 0, November 3 (one in Estrie), December 1."""
    D.business(enrolled_on=date(2026, 9, 10))
    D.business(enrolled_on=datetime(2026, 10, 1, 3, 0, tzinfo=UTC))
    D.business(enrolled_on=date(2026, 11, 2))
    D.business(enrolled_on=date(2026, 11, 20))
    D.business(enrolled_on=date(2026, 11, 25), region_code="05")
    D.business(enrolled_on=date(2026, 12, 3))
    D.business(status="eligible")  # not enrolled


def test_enrolment_by_month_against_the_target_line(enrolments, program):
    # program: 5,000 businesses over 36 months from 2026-09-01; today 2026-12-15
    months = selectors.enrolment_by_month(
        filters=Filters(), program=program, today=date(2026, 12, 15)
    )
    assert months == [
        # target line: 5,000 × 1/36 = 138.9 → 139; × 2/36 → 278; × 3/36 = 416.7 → 417;
        # × 4/36 = 555.6 → 556
        {"month": date(2026, 9, 1), "new": 2, "cumulative": 2, "target": 139},
        {"month": date(2026, 10, 1), "new": 0, "cumulative": 2, "target": 278},
        {"month": date(2026, 11, 1), "new": 3, "cumulative": 5, "target": 417},
        {"month": date(2026, 12, 1), "new": 1, "cumulative": 6, "target": 556},
    ]


def test_enrolment_period_keeps_the_cumulative_since_the_start(enrolments, program):
    months = selectors.enrolment_by_month(
        filters=Filters(start=date(2026, 11, 1), end=date(2027, 3, 31)),
        program=program,
        today=date(2026, 12, 15),
    )
    # November starts from the 2 enrolled before the period; months stop at this month
    assert months == [
        {"month": date(2026, 11, 1), "new": 3, "cumulative": 5, "target": 417},
        {"month": date(2026, 12, 1), "new": 1, "cumulative": 6, "target": 556},
    ]


def test_enrolment_of_a_region_has_no_target(enrolments, program):
    months = selectors.enrolment_by_month(
        filters=Filters(region="05"), program=program, today=date(2026, 12, 15)
    )
    assert [(m["new"], m["cumulative"], m["target"]) for m in months] == [
        (0, 0, None),
        (0, 0, None),
        (1, 1, None),
        (0, 1, None),
    ]


def test_enrolment_by_region_lists_all_17(enrolments):
    from virage.programs.models import Region

    regions = list(Region.objects.order_by("code"))
    D.business(status="completed", region_code="16", enrolled_on=date(2026, 9, 2))
    D.business(status="withdrawn", region_code="16", enrolled_on=date(2026, 9, 3))
    rows = selectors.enrolment_by_region(filters=Filters(), regions=regions)
    assert len(rows) == 17
    by_code = {r["code"]: (r["enrolled"], r["active"], r["completed"]) for r in rows}
    # Montérégie: 5 enrolled + 1 completed + 1 withdrawn after enrolment = 7 enrolled;
    # in the program today: the 5 + the completed one = 6; completed 1
    assert by_code["16"] == (7, 6, 1)
    assert by_code["05"] == (1, 1, 0)
    assert [c for c, v in by_code.items() if v == (0, 0, 0)] == [
        f"{n:02d}" for n in range(1, 18) if n not in (5, 16)
    ]
    # the period applies to the enrolment date only
    rows = selectors.enrolment_by_region(
        filters=Filters(start=date(2026, 11, 1), end=date(2026, 11, 30)), regions=regions
    )
    by_code = {r["code"]: (r["enrolled"], r["active"], r["completed"]) for r in rows}
    assert by_code["16"] == (2, 6, 1)  # 2 and 20 November
    assert by_code["05"] == (1, 1, 0)


# --- hours and attendance -------------------------------------------------------------------


@pytest.fixture
def hours_data(personas):
    a = D.business(coaching_minutes=600, training_minutes=600)
    b = D.business(coaching_minutes=600, training_minutes=600)
    c = D.business(status="diagnosed", coaching_minutes=900, training_minutes=600)
    gone = D.business(status="withdrawn", enrolled_on=date(2026, 9, 5))
    D.extension(a, 120, personas.ada)
    D.extension(gone, 60, personas.ada)  # a withdrawn business is owed nothing
    # coaching held: A 90 + 60, B 45, the withdrawn one 30 (delivered before it left);
    # C's meeting is still planned; one A meeting in August is outside the period
    D.meeting(a, personas.antoine, minutes=90, on=date(2026, 10, 5))
    D.meeting(a, personas.antoine, minutes=60, on=date(2026, 11, 5))
    D.meeting(b, personas.antoine, minutes=45, on=date(2026, 10, 9))
    D.meeting(gone, personas.antoine, minutes=30, on=date(2026, 9, 30))
    D.meeting(c, personas.antoine, minutes=None, on=date(2026, 11, 10))
    D.meeting(a, personas.antoine, minutes=240, on=date(2026, 8, 20))
    # training: S1 (October, closed): a1 attended 120, b1 absent, c1 attended 90;
    # S2 (November, closed): a2 attended 60, b1 attended 120; S3 scheduled: not counted
    a1, a2, b1, c1 = D.person(a), D.person(a), D.person(b), D.person(c)
    s1 = D.session(personas.nadia, on=date(2026, 10, 14))
    s2 = D.session(personas.nadia, on=date(2026, 11, 12))
    s3 = D.session(personas.nadia, on=date(2026, 12, 20), closed=False)
    D.registration(s1, a, a1, status="attended", minutes=120)
    D.registration(s1, b, b1, status="absent")
    D.registration(s1, c, c1, status="attended", minutes=90)
    D.registration(s2, a, a2, status="attended", minutes=60)
    D.registration(s2, b, b1, status="attended", minutes=120)
    D.registration(s3, a, a1, status="registered")
    return {"a": a, "b": b, "c": c}


PERIOD = Filters(start=date(2026, 9, 1), end=date(2026, 11, 30))


def test_coaching_delivered(hours_data):
    # held in the period: 90 + 60 + 45 + 30 = 225 minutes, 4 meetings, businesses A, B and
    # the withdrawn one = 3 (August's 240 minutes are outside)
    assert selectors.coaching_delivered(filters=PERIOD) == {
        "minutes": 225,
        "meetings": 4,
        "businesses": 3,
    }
    # no period: + 240 → 465 minutes, 5 meetings
    assert selectors.coaching_delivered(filters=Filters())["minutes"] == 465


def test_training_delivered(hours_data):
    assert selectors.training_delivered(filters=PERIOD) == {
        "minutes": 390,  # 120 + 90 + 60 + 120
        "attended": 4,  # a1 S1, c1 S1, a2 S2, b1 S2
        "absent": 1,  # b1 S1
        "businesses": 3,  # A, B, C
        "attended_businesses": 3,
        "absent_businesses": 1,  # B
    }


def test_allowances(hours_data):
    # in the program today: A, B (enrolled) and C (diagnosed), not the withdrawn one
    # coaching: 600 + 600 + 900 + A's extension 120 = 2,220 min; training 3 × 600 = 1,800
    assert selectors.allowances(filters=Filters()) == {
        "businesses": 3,
        "coaching": 2220,
        "training": 1800,
    }


def test_hours_report(hours_data, program):
    report = selectors.report(filters=PERIOD, program=program, today=NOV_30, suppress=False)
    assert report["hours"] == {
        "businesses_in_program": 3,
        "coaching": {
            "delivered_hours": 3.8,  # 225 min = 3.75 h → 3.8 (half-up)
            "businesses": 3,
            "per_business_hours": 1.3,  # 225 / 3 = 75 min = 1.25 h → 1.3
            "allowance_hours": 37.0,  # 2,220 / 60
            "used_percent": 10.1,  # 225 / 2,220 = 10.14 %
            "allowance_per_business_hours": 10,
        },
        "training": {
            "delivered_hours": 6.5,  # 390 / 60
            "businesses": 3,
            "per_business_hours": 2.2,  # 390 / 3 = 130 min = 2.17 h
            "allowance_hours": 30.0,  # 1,800 / 60
            "used_percent": 21.7,  # 390 / 1,800 = 21.67 %
            "allowance_per_business_hours": 10,
        },
    }
    # attendance: 4 attended of 4 + 1 = 80.0 %
    assert report["training_attendance"] == {
        "attended": 4,
        "absent": 1,
        "businesses": 3,
        "rate": 80.0,
    }
    hidden = selectors.report(filters=PERIOD, program=program, today=NOV_30, suppress=True)
    # 3 businesses served, 3 in the program: every cell rests on fewer than 5
    assert hidden["hours"]["coaching"]["delivered_hours"] == H
    assert hidden["hours"]["coaching"]["used_percent"] == H
    assert hidden["training_attendance"]["rate"] == H


# --- maturity -------------------------------------------------------------------------------

DIMS = ("D1", "D2", "D3", "D4", "D5", "D6")


def _dims(*values):
    return dict(zip(DIMS, values, strict=True))


@pytest.fixture
def maturity_data():
    p1 = D.business(status="reassessed")
    D.assessment(p1, time_point="T0", overall=30.0, dimensions=_dims(20, 40.2, 30, 10, 0, 50))
    D.assessment(
        p1,
        time_point="T1",
        overall=45.0,
        dimensions=_dims(40, 50, 45, 30, 10, 60),
        submitted_on=date(2026, 11, 10),
    )
    p2 = D.business(status="completed")
    D.assessment(p2, time_point="T0", overall=50.0, dimensions=_dims(60, 60, 50, 30, 20, 80))
    D.assessment(
        p2,
        time_point="T1",
        overall=55.0,
        dimensions=_dims(50, 70, 55, 40, 20, 90),
        submitted_on=date(2026, 12, 10),
    )
    # not paired: a T0 alone; a T1 still in draft
    lone = D.business(status="diagnosed")
    D.assessment(lone, time_point="T0", overall=90.0)
    draft = D.business(status="implementing")
    D.assessment(draft, time_point="T0", overall=10.0)
    D.assessment(draft, time_point="T1", draft=True)


def test_maturity_change_over_paired_businesses(maturity_data):
    raw = selectors.maturity_change(filters=Filters())
    assert raw["businesses"] == 2
    # T0 means: overall (30 + 50) / 2 = 40; D1 (20 + 60) / 2 = 40; D2 (40.2 + 60) / 2 = 50.1
    assert raw["t0"]["overall"] == pytest.approx(40.0)
    assert raw["t0"]["D2"] == pytest.approx(50.1)
    # T1 means: overall (45 + 55) / 2 = 50; D6 (60 + 90) / 2 = 75
    assert raw["t1"]["overall"] == pytest.approx(50.0)
    assert raw["t1"]["D6"] == pytest.approx(75.0)


def test_maturity_report(maturity_data, program):
    shown = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=False)
    m = shown["maturity"]
    assert m["businesses"] == 2
    assert m["overall"] == {"key": "overall", "t0": 40.0, "t1": 50.0, "change": 10.0}
    assert [(d["key"], d["t0"], d["t1"], d["change"]) for d in m["dimensions"]] == [
        ("D1", 40.0, 45.0, 5.0),  # (20+60)/2 → (40+50)/2
        ("D2", 50.1, 60.0, 9.9),  # (40.2+60)/2 → (50+70)/2
        ("D3", 40.0, 50.0, 10.0),  # (30+50)/2 → (45+55)/2
        ("D4", 20.0, 35.0, 15.0),  # (10+30)/2 → (30+40)/2
        ("D5", 10.0, 15.0, 5.0),  # (0+20)/2 → (10+20)/2
        ("D6", 65.0, 75.0, 10.0),  # (50+80)/2 → (60+90)/2
    ]
    # a period takes the pairs whose T1 was submitted in it: November → P1 alone
    november = selectors.report(
        filters=Filters(start=date(2026, 11, 1), end=date(2026, 11, 30)),
        program=program,
        today=NOV_30,
        suppress=False,
    )["maturity"]
    assert november["businesses"] == 1
    assert november["overall"] == {"key": "overall", "t0": 30.0, "t1": 45.0, "change": 15.0}
    # suppressed: 2 businesses → everything hidden
    hidden = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=True)
    assert hidden["maturity"]["overall"] == {"key": "overall", "t0": H, "t1": H, "change": H}


# --- transactional site ---------------------------------------------------------------------


@pytest.fixture
def transactional_data():
    D.business(transactional=True)  # B1: no diagnostic yet → keeps its intake answer: yes
    b2 = D.business(transactional=False)
    D.assessment(b2, time_point="T0", r2_1="yes")  # B2: now yes
    b3 = D.business(status="reassessed", transactional=True)
    D.assessment(b3, time_point="T0", r2_1="yes")
    D.assessment(b3, time_point="T1", r2_1="no", submitted_on=date(2026, 11, 5))  # B3: now no
    b4 = D.business(status="diagnosed")
    D.assessment(b4, time_point="T0", r2_1="partially")  # B4: partially is not a yes
    D.business()  # B5: no, no diagnostic
    b8 = D.business()
    D.assessment(b8, time_point="T0", r2_1="yes", draft=True)  # B8: draft → intake (no)
    b9 = D.business(status="completed")
    D.assessment(b9, time_point="T0", r2_1="no")
    D.assessment(b9, time_point="T1", r2_1="yes", submitted_on=date(2026, 11, 6))  # now yes
    D.business(status="withdrawn", transactional=True, enrolled_on=date(2026, 9, 9))
    D.business(status="invited", transactional=True)  # not in the program


def test_transactional_share(transactional_data, program):
    assert selectors.transactional_share(filters=Filters()) == {
        "businesses": 7,  # B1, B2, B3, B4, B5, B8, B9
        "at_intake": 2,  # B1, B3
        "now": 3,  # B1 (intake), B2 (T0 yes), B9 (T1 yes)
        "assessed": 4,  # B2, B3, B4, B9
    }
    shown = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=False)
    assert shown["transactional_site"] == {
        "businesses": 7,
        "assessed": 4,
        "at_intake": 2,
        "at_intake_percent": 28.6,  # 2 / 7 = 28.57 %
        "now": 3,
        "now_percent": 42.9,  # 3 / 7 = 42.86 %
        "change_points": 14.3,  # 42.9 − 28.6
        "baseline_percent": 36,
    }
    hidden = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=True)[
        "transactional_site"
    ]
    # 7 businesses shown, the small counts (2, 3, 4) and their shares hidden
    assert hidden == {
        "businesses": 7,
        "assessed": H,
        "at_intake": H,
        "at_intake_percent": H,
        "now": H,
        "now_percent": H,
        "change_points": H,
        "baseline_percent": 36,
    }


# --- actions --------------------------------------------------------------------------------


@pytest.fixture
def actions_data():
    oct_, nov = date(2026, 10, 10), date(2026, 11, 10)
    D.plan(
        D.business(status="implementing"),
        implemented=[oct_, oct_, nov],
        other=["dropped", "proposed"],
    )
    D.plan(D.business(status="plan_published"), other=["proposed", "proposed"])
    D.plan(D.business(status="implementing"), implemented=[nov])
    D.plan(D.business(status="implementing"), implemented=[oct_] * 6)
    D.plan(D.business(status="diagnosed"), published=False, implemented=[oct_, oct_])  # draft
    D.plan(D.business(status="implementing"), implemented=[date(2026, 8, 1)])


def test_actions_implemented(actions_data, program):
    # no period: A 3, B 0, C 1, D 6, F 1 (E's plan is a draft: not counted)
    assert selectors.actions_implemented(filters=Filters()) == [
        {"implemented": 0, "businesses": 1},
        {"implemented": 1, "businesses": 2},
        {"implemented": 3, "businesses": 1},
        {"implemented": 6, "businesses": 1},
    ]
    shown = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=False)
    # 11 actions over 5 businesses = 2.2; 4 of 5 with at least one = 80.0 %
    assert {k: v for k, v in shown["actions"].items() if k != "distribution"} == {
        "businesses": 5,
        "implemented": 11,
        "per_business": 2.2,
        "with_one_or_more": 4,
        "with_one_or_more_percent": 80.0,
    }
    # September to November: F's action (1 August) is out → F has 0
    # 3 + 0 + 1 + 6 + 0 = 10 actions / 5 = 2.0; 3 of 5 with one or more = 60.0 %
    period = selectors.report(
        filters=Filters(start=date(2026, 9, 1), end=date(2026, 11, 30)),
        program=program,
        today=NOV_30,
        suppress=False,
    )["actions"]
    assert (period["implemented"], period["per_business"], period["with_one_or_more"]) == (
        10,
        2.0,
        3,
    )
    assert period["with_one_or_more_percent"] == 60.0
    assert [d["businesses"] for d in period["distribution"]] == [2, 1, 0, 1, 0, 1]


# --- capsules -------------------------------------------------------------------------------


@pytest.fixture
def reach_data():
    D.reach(region_code="16", on=date(2026, 9, 15))
    D.reach(region_code="16", on=date(2026, 10, 10))
    D.reach(region_code="16", on=date(2026, 11, 5))
    D.reach(region_code="05", on=date(2026, 10, 20))
    D.reach(region_code=None, on=date(2026, 11, 20))


def test_capsule_reach(reach_data, program):
    assert selectors.capsule_reach(filters=Filters()) == {"in_period": 5, "to_date": 5}
    october = Filters(start=date(2026, 10, 1), end=date(2026, 10, 31))
    # in October: 16 on 10 Oct, 05 on 20 Oct; up to 31 October: those 2 + 16 on 15 Sep
    assert selectors.capsule_reach(filters=october) == {"in_period": 2, "to_date": 3}
    assert selectors.capsule_reach(filters=Filters(region="16")) == {
        "in_period": 3,
        "to_date": 3,
    }
    shown = selectors.report(filters=Filters(), program=program, today=NOV_30, suppress=False)
    # 5 of the 25,000 target = 0.02 %
    assert shown["capsules"] == {
        "reached_in_period": 5,
        "reached": 5,
        "target": 25000,
        "percent_of_target": 0.02,
    }
    region = selectors.region_aggregates(
        region="16", filters=Filters(), program=program, today=NOV_30
    )
    # a region has no share of the program target; its 3 businesses are hidden
    assert region["capsules"] == {
        "reached_in_period": H,
        "reached": H,
        "target": None,
        "percent_of_target": None,
    }


# --- assembled aggregates -------------------------------------------------------------------


def test_program_aggregates_are_json_safe_and_suppressed(funnel_data, program):
    import json

    data = selectors.program_aggregates(filters=Filters(), program=program, today=NOV_30)
    assert data["suppressed"] is True
    assert data["small_cell_threshold"] == 5
    assert data["filters"] == {
        "start": None,
        "end": None,
        "region": None,
        "cohort": None,
        "package": None,
    }
    assert len(data["regions"]["rows"]) == 17
    # Montérégie (16): 13 of the 15 businesses… enrolled: 8 → shown; Estrie 0 → hidden
    by_code = {r["code"]: r for r in data["regions"]["rows"]}
    assert by_code["16"]["enrolled"] == 8
    assert by_code["05"]["enrolled"] == H
    # json round trip keeps every value
    assert json.loads(json.dumps(data)) == data


def test_region_aggregates_have_no_breakdown_and_force_the_region(funnel_data, program):
    data = selectors.region_aggregates(
        region="16", filters=Filters(region="05"), program=program, today=NOV_30
    )
    assert data["filters"]["region"] == "16"
    assert data["regions"] is None
    assert data["enrolment"]["target"] is None
    # Montérégie's funnel: 12 callback entries, 14 businesses (the early quitter is in 05)
    stages = {s["key"]: s["businesses"] for s in data["funnel"]["stages"]}
    assert stages["callback"] == 12
    assert stages["invited"] == 14


def test_key_figures(funnel_data, program, personas):
    figures = selectors.key_figures(filters=Filters(), program=program, suppress=False)
    # enrolled: 8 (enrolment date set); in the program: enrolled 2 + 5 further = 7;
    # completed 1; no meeting, no capsule
    assert figures == {
        "enrolled": 8,
        "target": 5000,
        "percent_of_target": 0.16,  # 8 / 5,000
        "active": 7,
        "completed": 1,
        "coaching_hours": 0.0,
        "capsule_reach": 0,
        "capsule_target": 25000,
    }
    hidden = selectors.key_figures(filters=Filters(region="16"), program=program, suppress=True)
    assert hidden == {
        "enrolled": 8,
        "target": None,
        "percent_of_target": None,
        "active": 7,
        "completed": H,
        "coaching_hours": H,
        "capsule_reach": H,
        "capsule_target": None,
    }
