"""The dashboards' query counts do not grow with the number of businesses: the same exact
count with 1 and with 20 businesses, each with meetings, training, diagnostics, a plan and a
capsule completion."""

from datetime import date

import pytest
from django.urls import reverse

from . import dataset as D

pytestmark = pytest.mark.django_db


def populate(n: int, personas) -> None:
    closed = D.session(personas.nadia, on=date(2026, 10, 14))
    for i in range(n):
        b = D.business(status="reassessed", region_code="16" if i % 2 else "05")
        D.meeting(b, personas.antoine, minutes=60, on=date(2026, 10, 1))
        D.extension(b, 30, personas.ada)
        D.registration(closed, b, D.person(b), status="attended", minutes=120)
        D.assessment(b, time_point="T0", overall=30.0)
        D.assessment(b, time_point="T1", overall=40.0, submitted_on=date(2026, 11, 1))
        D.plan(b, implemented=[date(2026, 11, 2)], other=["proposed"])
        D.reach(region_code="16", on=date(2026, 10, 3), b=b)
        D.callback(region_code="16")


# the request: 1 session, 1 user; the page: 1 program, 3 filter choices (regions, cohorts,
# packages; the regions also serve the breakdown by region); the figures: 2 funnel
# (callback list, businesses), 1 enrolment by month, 1 by region, 1 coaching, 1 training,
# 2 allowances (businesses, extensions), 1 maturity, 1 transactional site, 1 actions,
# 1 capsules
PROGRAM_DASHBOARD = 2 + 1 + 3 + 12
# the same without the breakdown by region, plus the partner's referral counts
PARTNER_DASHBOARD = 2 + 1 + 3 + 11 + 1
# the program figures + the funder's funders, contributions, lines and program spending
FUNDER_DASHBOARD = 2 + 1 + 3 + 12 + 4


@pytest.mark.parametrize("n", [1, 20])
def test_program_dashboard_query_count(n, personas, client_for, assert_queries):
    populate(n, personas)
    client = client_for("ada")
    with assert_queries(PROGRAM_DASHBOARD):
        response = client.get(reverse("reporting:program"))
    assert response.context["report"]["enrolment"]["enrolled"] == n


@pytest.mark.parametrize("n", [1, 20])
def test_partner_dashboard_query_count(n, personas, client_for, assert_queries):
    populate(n, personas)
    client = client_for("paul")
    with assert_queries(PARTNER_DASHBOARD):
        client.get(reverse("reporting:partner"))


@pytest.mark.parametrize("n", [1, 20])
def test_funder_dashboard_query_count(n, personas, client_for, assert_queries):
    from virage.funding.models import Funder

    Funder.objects.create(key="otn", name_fr="Offensive").users.add(personas.fatou)
    populate(n, personas)
    client = client_for("fatou")
    with assert_queries(FUNDER_DASHBOARD):
        client.get(reverse("reporting:funder"))


@pytest.mark.parametrize("n", [1, 20])
def test_aggregates_query_count(n, personas, program, assert_queries):
    from virage.reporting import selectors
    from virage.reporting.filters import Filters

    populate(n, personas)
    today = date(2026, 11, 30)
    # the 17 regions + the 12 figure queries
    with assert_queries(13):
        selectors.program_aggregates(filters=Filters(), program=program, today=today)
    # the 11 figure queries (no breakdown by region)
    with assert_queries(11):
        selectors.region_aggregates(region="16", filters=Filters(), program=program, today=today)
    # home panels: businesses (enrolled, active, completed), coaching, capsules
    with assert_queries(3):
        selectors.key_figures(filters=Filters(), program=program, suppress=True)
