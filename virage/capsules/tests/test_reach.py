"""Reach: distinct businesses with at least one completed capsule, by region and month of
their first completion, on a dataset worked out by hand."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from virage.capsules.models import BusinessReach, ReachCount
from virage.capsules.selectors import capsule_reach
from virage.capsules.services import quiz_submit, rebuild_reach_counts

from .factories import make_capsule, make_light_learner, right_answers, wrong_answers

pytestmark = pytest.mark.django_db
MONTREAL = ZoneInfo("America/Toronto")


def at(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=MONTREAL)


@pytest.fixture
def dataset(personas, businesses, program, client, learner_client):
    """Hand-worked: 4 businesses reached.

    business             learners                       first completion   region
    Boutique Marie (b:M) Marie (merchant) + an employee  2026-01-15        16
                         signed up lightly as « boutique marie inc »
    Fleuriste Léa (12)   two people, « Fleuriste Léa » and       2026-01-31 23:30 local
                         « fleuriste léa inc. » (same business)  (Feb 1 in UTC) 12
    Fleuriste Léa (05)   same name, another region: another business 2026-02-14  05
    Épicerie du Golfe    one person failed, then a colleague passed  2026-03-03  11
    Not reached: Luc only failed a quiz and read pages; a light learner only read pages.
    """
    from virage.programs.models import Region

    program.capsule_reach_target = 8
    program.save()
    regions = {r.code: r for r in Region.objects.filter(code__in=["05", "11", "12", "16"])}
    a, b = make_capsule("a"), make_capsule("b")
    ok_a, ok_b = right_answers(a), right_answers(b)

    def passes(learner, capsule, answers, when, user=None):
        quiz_submit(capsule=capsule, answers=answers, learner=learner, user=user, at=when)

    passes(None, a, ok_a, at(2026, 1, 15), user=personas.marie)
    passes(None, b, ok_b, at(2026, 2, 10), user=personas.marie)
    employee = make_light_learner("emp@boutiquemarie.example", "x", regions["16"])
    employee.business_key = f"b:{businesses.marie.pk}"  # as the sign-up matched it
    employee.save()
    passes(employee, a, ok_a, at(2026, 3, 1))

    lea_1 = make_light_learner("lea@example.com", "Fleuriste Léa", regions["12"])
    lea_2 = make_light_learner("alex@example.com", "fleuriste léa inc.", regions["12"])
    passes(lea_1, a, ok_a, at(2026, 1, 31, 23, 30))
    passes(lea_2, b, ok_b, at(2026, 2, 5))
    lea_05 = make_light_learner("lea@estrie.example", "Fleuriste Léa", regions["05"])
    passes(lea_05, a, ok_a, at(2026, 2, 14))

    golfe_1 = make_light_learner("a@golfe.example", "Épicerie du Golfe", regions["11"])
    golfe_2 = make_light_learner("b@golfe.example", "Epicerie du golfe", regions["11"])
    passes(golfe_1, a, wrong_answers(a), at(2026, 2, 20))
    passes(golfe_2, a, ok_a, at(2026, 3, 3))

    passes(None, a, wrong_answers(a), at(2026, 1, 5), user=personas.luc)
    reader = make_light_learner("reader@example.com", "Lecteur assidu", regions["05"])
    reader_client = learner_client(reader)
    for key in ("a", "b"):
        assert reader_client.get(reverse("capsules:detail", kwargs={"key": key})).status_code == 200
    return program


def test_reach_counts_businesses_not_people_or_views(dataset, personas):
    report = capsule_reach(user=personas.ada, program=dataset)
    assert (report.total, report.target, report.percent, report.suppressed) == (4, 8, 50.0, False)
    assert report.by_month == [
        {"month": date(2026, 1, 1), "businesses": 2, "cumulative": 2},
        {"month": date(2026, 2, 1), "businesses": 1, "cumulative": 3},
        {"month": date(2026, 3, 1), "businesses": 1, "cumulative": 4},
    ]
    assert [(r["region_code"], r["businesses"]) for r in report.by_region] == [
        ("05", 1),
        ("11", 1),
        ("12", 1),
        ("16", 1),
    ]
    assert [(c["month"], c["region_code"], c["businesses"]) for c in report.cells] == [
        (date(2026, 1, 1), "12", 1),
        (date(2026, 1, 1), "16", 1),
        (date(2026, 2, 1), "05", 1),
        (date(2026, 3, 1), "11", 1),
    ]
    assert BusinessReach.objects.count() == 4


def test_the_business_keeps_the_date_of_its_first_completion(dataset, businesses):
    reach = BusinessReach.objects.get(business_key=f"b:{businesses.marie.pk}")
    assert reach.first_completed_at == at(2026, 1, 15)
    assert (reach.business, reach.region.code, reach.first_capsule.key) == (
        businesses.marie,
        "16",
        "a",
    )


def test_funders_see_small_cells_hidden(dataset, personas):
    report = capsule_reach(user=personas.fatou, program=dataset)
    assert (report.total, report.suppressed) == (4, True)
    assert [r["businesses"] for r in report.by_month] == [None, None, None]
    assert [r["cumulative"] for r in report.by_month] == [2, 3, 4]
    assert {r["businesses"] for r in report.by_region} == {None}


def test_partners_see_their_region_only(dataset, personas):
    report = capsule_reach(user=personas.paul, program=dataset)  # Montérégie (16)
    assert (report.total, report.region_code) == (1, "16")
    assert [(r["region_code"], r["businesses"]) for r in report.by_region] == [("16", None)]


@pytest.mark.parametrize("key", ["marie", "antoine", "nadia"])
def test_others_cannot_read_reach(dataset, personas, key):
    with pytest.raises(PermissionDenied):
        capsule_reach(user=getattr(personas, key))


def test_reach_is_one_query(dataset, personas, assert_queries):
    # the reach counters (region names joined)
    with assert_queries(1):
        capsule_reach(user=personas.ada, program=dataset)


def raw_reach_counts() -> dict[tuple, int]:
    """The reference: businesses reached grouped by local month and region, counted by the
    database from the raw rows (the report's former query)."""
    rows = (
        BusinessReach.objects.annotate(
            month=TruncMonth("first_completed_at", tzinfo=ZoneInfo("America/Toronto"))
        )
        .order_by()
        .values("month", "region_id")
        .annotate(n=Count("id"))
    )
    return {(timezone.localtime(r["month"], MONTREAL).date(), r["region_id"]): r["n"] for r in rows}


def counters() -> dict[tuple, int]:
    return {
        (r.month, r.region_id): r.businesses for r in ReachCount.objects.filter(businesses__gt=0)
    }


def test_the_counters_equal_the_raw_computation(dataset):
    assert counters() == raw_reach_counts()
    assert sum(counters().values()) == BusinessReach.objects.count() == 4
    # January holds the completion at 23:30 on Jan 31 in Montréal (Feb 1 in UTC)
    jan = {region_id for (month, region_id) in counters() if month == date(2026, 1, 1)}
    assert len(jan) == 2


def test_rebuilding_the_counters_changes_nothing(dataset):
    before = counters()
    out = StringIO()
    call_command("rebuild_reach_counts", stdout=out)
    call_command("rebuild_reach_counts", stdout=out)
    assert counters() == before == raw_reach_counts()
    assert "4 businesses reached" in out.getvalue()


def bulk_reach(n: int, *, start: datetime) -> None:
    """Reach rows written without the quiz service (as `seed_scale` does)."""
    from virage.programs.models import Region

    regions = list(Region.objects.order_by("code")[:3])
    BusinessReach.objects.bulk_create(
        BusinessReach(
            business_key=f"n:bulk:{i}",
            region=regions[i % 3] if i % 4 else None,
            first_completed_at=start + timedelta(days=11 * i, hours=7 * i),
        )
        for i in range(n)
    )


def test_after_a_bulk_import_the_rebuild_makes_the_report_exact(dataset, personas):
    bulk_reach(40, start=at(2025, 12, 31, 22))
    assert capsule_reach(user=personas.ada, program=dataset).total == 4  # not rebuilt yet
    assert rebuild_reach_counts() == 44
    assert counters() == raw_reach_counts()
    report = capsule_reach(user=personas.ada, program=dataset)
    assert report.total == 44
    assert [r["cumulative"] for r in report.by_month][-1] == 44
    assert sum(r["businesses"] for r in report.by_region) == 44
    unknown = [r for r in report.by_region if r["region_code"] is None]
    assert unknown[0]["businesses"] == 10  # every fourth row has no region


def test_businesses_without_region_share_one_counter_per_month(db):
    from virage.capsules.services import _reach_count_add

    for _ in range(3):
        _reach_count_add(month=date(2026, 5, 1), region_id=None)
    assert list(ReachCount.objects.values_list("month", "region", "businesses")) == [
        (date(2026, 5, 1), None, 3)
    ]


def test_a_second_completion_of_a_business_adds_nothing(dataset, personas):
    capsule = make_capsule("c")
    outcome = quiz_submit(
        capsule=capsule, answers=right_answers(capsule), learner=None, user=personas.marie
    )
    assert outcome.newly_completed
    assert counters() == raw_reach_counts()
    assert sum(counters().values()) == 4


def test_small_cells_are_hidden_from_funders_with_counters(dataset, personas):
    bulk_reach(40, start=at(2025, 12, 31, 22))
    rebuild_reach_counts()
    report = capsule_reach(user=personas.fatou, program=dataset)
    for row in report.by_region + report.by_month + report.cells:
        assert row["businesses"] is None or row["businesses"] >= 5
    raw = raw_reach_counts()
    hidden = [n for n in raw.values() if n < 5]
    assert sum(c["businesses"] is None for c in report.cells) == len(hidden)


def test_reach_page_queries_do_not_grow_with_businesses(dataset, client_for, assert_queries):
    client = client_for("fatou")
    client.get(reverse("capsules:reach"))  # warm the session
    # session, user, program, reach counters
    with assert_queries(4):
        client.get(reverse("capsules:reach"))
    bulk_reach(20, start=at(2025, 6, 1))
    rebuild_reach_counts()
    with assert_queries(4):
        body = client.get(reverse("capsules:reach")).content.decode()
    assert "24 entreprises jointes" in body


def test_reach_page_shows_the_same_numbers_as_a_table(dataset, client_for):
    content = client_for("ada").get(reverse("capsules:reach")).content.decode()
    assert "4 entreprises jointes sur une cible de 8 (50,0 %)." in content
    assert '<td class="num">2</td><td class="num">2</td>' in content
    assert '<tr><td>janvier 2026</td><td>16 Montérégie</td><td class="num">1</td></tr>' in content
    funder = client_for("fatou").get(reverse("capsules:reach")).content.decode()
    assert "moins de 5" in funder
    assert "<tr><td>mars 2026</td><td>11 Gaspésie" in funder
    assert '<td class="num">moins de 5</td></tr>' in funder
