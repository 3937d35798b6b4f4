"""Reach: distinct businesses with at least one completed capsule, by region and month of
their first completion, on a dataset worked out by hand."""

import random
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
from virage.capsules.selectors import capsule_reach, reach_figures
from virage.capsules.services import quiz_submit, rebuild_reach_counts
from virage.reporting.suppression import HIDDEN as H

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
    assert (report.total, report.percent, report.suppressed) == (None, None, True)
    assert [r["businesses"] for r in report.by_month] == [None, None, None]
    # running totals 2, 3, 4 would give every hidden month back (2, 3 − 2, 4 − 3), and the
    # last one is the total of 4 itself: all hidden
    assert [r["cumulative"] for r in report.by_month] == [None, None, None]
    assert {r["businesses"] for r in report.by_region} == {None}
    # every region of every month is listed (a zero is "fewer than 5" too)
    assert len(report.cells) == 3 * 4
    assert {c["businesses"] for c in report.cells} == {None}
    assert_nothing_hidden_is_derivable(report)


def test_partners_see_their_region_only(dataset, personas):
    report = capsule_reach(user=personas.paul, program=dataset)  # Montérégie (16)
    assert (report.total, report.region_code) == (None, "16")  # 1 business
    assert [(r["region_code"], r["businesses"]) for r in report.by_region] == [("16", None)]
    assert [(r["month"], r["businesses"], r["cumulative"]) for r in report.by_month] == [
        (date(2026, 1, 1), None, None)
    ]


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
    assert report.total == 44
    for row in report.by_region + report.by_month + report.cells:
        assert row["businesses"] is None or row["businesses"] >= 5
    for row in report.by_month:
        assert row["cumulative"] is None or row["cumulative"] >= 5
    shown = {(c["month"], c["region_code"]): c["businesses"] for c in report.cells}
    codes = {r["region_code"] for r in report.by_region}
    assert set(shown) == {(r["month"], code) for r in report.by_month for code in codes}
    exact = {(c["month"], c["region_code"]): c["businesses"] for c in admin_cells(dataset)}
    for key, n in shown.items():
        assert n is None or n == exact.get(key, 0)
    assert_nothing_hidden_is_derivable(report)


def admin_cells(program):
    from virage.accounts.models import User

    admin = User.objects.filter(role="admin").first()
    return capsule_reach(user=admin, program=program).cells


def test_small_running_totals_are_hidden_from_partners(program, personas):
    """Montérégie, by month: 6, 2, 5, 0, 7 businesses; running totals 6, 8, 13, 13, 20.
    Before, the partner saw 2 hidden months and every running total: 8 − 6 gave February's
    2 back. Now a running total is shown only 5 or more above the previous one shown (6, 13,
    20), and a month only between two shown totals (January): February and March are known
    together (7), April and May together (7), never one by one."""
    from virage.programs.models import Region

    region = Region.objects.get(code="16")
    for month, n in [(1, 6), (2, 2), (3, 5), (5, 7)]:
        ReachCount.objects.create(month=date(2026, month, 1), region=region, businesses=n)
    report = capsule_reach(user=personas.paul, program=program)
    assert [(r["month"].month, r["businesses"], r["cumulative"]) for r in report.by_month] == [
        (1, 6, 6),
        (2, None, None),
        (3, None, 13),
        (4, None, None),  # a month without any business is listed, hidden
        (5, None, 20),
    ]
    assert (report.total, report.by_region[0]["businesses"]) == (20, 20)
    assert [c["businesses"] for c in report.cells] == [6, None, None, None, None]
    assert_nothing_hidden_is_derivable(report)


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


# --- nothing hidden can be worked out -------------------------------------------------------
#
# Every figure the page shows is a sum of month × region cells (a cell, a month, a running
# total, a region, the overall total). A hidden figure can be worked out exactly when it is
# a linear combination of the figures shown (a difference of running totals, a month's total
# minus its visible cells…), i.e. when adding it to the shown figures does not raise their
# rank. The rank is computed modulo the prime 2⁶¹ − 1: with 0/1 coefficients and at most a
# few dozen cells no minor reaches it, so the rank is the rank over the rationals.

PRIME = 2**61 - 1


class Span:
    """The linear span of the figures shown (vectors over the cells), in echelon form."""

    def __init__(self):
        self.basis: list[tuple[int, list[int]]] = []

    def reduce(self, vector) -> list[int]:
        vector = [v % PRIME for v in vector]
        for pivot, row in self.basis:
            factor = vector[pivot]
            if factor:
                vector = [(a - factor * b) % PRIME for a, b in zip(vector, row, strict=True)]
        return vector

    def add(self, vector) -> None:
        vector = self.reduce(vector)
        pivot = next((i for i, v in enumerate(vector) if v), None)
        if pivot is not None:
            inverse = pow(vector[pivot], PRIME - 2, PRIME)
            self.basis.append((pivot, [v * inverse % PRIME for v in vector]))

    def contains(self, vector) -> bool:
        return not any(self.reduce(vector))


def figures_as_sums(rows: int, width: int) -> dict[tuple, list[int]]:
    """Each figure of the page as the 0/1 vector of the cells it adds up."""

    def vector(cells) -> list[int]:
        v = [0] * (rows * width)
        for i, j in cells:
            v[i * width + j] = 1
        return v

    every = [(i, j) for i in range(rows) for j in range(width)]
    sums = {("total",): vector(every)}
    for i in range(rows):
        sums[("new", i)] = vector((i, j) for j in range(width))
        sums[("cumulative", i)] = vector((k, j) for k in range(i + 1) for j in range(width))
        for j in range(width):
            sums[("cell", i, j)] = vector([(i, j)])
    for j in range(width):
        sums[("region", j)] = vector((i, j) for i in range(rows))
    return sums


def derivable(shown: dict[tuple, object], *, rows: int, width: int) -> list[tuple]:
    """The hidden figures (None) that the shown ones give back."""
    sums = figures_as_sums(rows, width)
    span = Span()
    for key, value in shown.items():
        if value is not None:
            span.add(sums[key])
    return [key for key, value in shown.items() if value is None and span.contains(sums[key])]


def report_figures(report) -> tuple[dict[tuple, object], int, int]:
    months = [r["month"] for r in report.by_month]
    codes = [r["region_code"] for r in report.by_region]
    shown: dict[tuple, object] = {("total",): report.total}
    for i, row in enumerate(report.by_month):
        shown[("new", i)] = row["businesses"]
        shown[("cumulative", i)] = row["cumulative"]
    for j, row in enumerate(report.by_region):
        shown[("region", j)] = row["businesses"]
    for cell in report.cells:
        i, j = months.index(cell["month"]), codes.index(cell["region_code"])
        shown[("cell", i, j)] = cell["businesses"]
    return shown, len(months), len(codes)


def assert_nothing_hidden_is_derivable(report) -> None:
    shown, rows, width = report_figures(report)
    if report.cells:
        assert len(report.cells) == rows * width  # the whole grid, zeros included
    assert derivable(shown, rows=rows, width=width) == []
    if report.total is None:
        assert report.percent is None  # percent × target would give the total back


def test_the_checker_catches_the_former_report():
    """Months 2, 1, 1 in one region: hidden months with running totals 2, 3, 4 shown (the
    former page) give every month back."""
    shown = {("new", 0): None, ("new", 1): None, ("new", 2): None}
    shown |= {("cumulative", 0): 2, ("cumulative", 1): 3, ("cumulative", 2): 4}
    assert derivable(shown, rows=3, width=1) == [("new", 0), ("new", 1), ("new", 2)]


def test_a_lone_hidden_cell_takes_its_neighbours_with_it():
    """Two regions, three months, every month and region total published. 3 is small; 13
    (the month) − 10 would give it back, so 10 is hidden; then region A's 30 − 12 − 10 would
    give 10 back, so 8 is hidden; region B likewise hides 9. The four hidden cells form a
    cycle: no sum of shown figures isolates one of them."""
    figures = reach_figures([[10, 3], [8, 9], [12, 20]], suppress=True)
    assert (figures.total, figures.cumulative, figures.new) == (62, [13, 30, 62], [13, 17, 32])
    assert figures.regions == [30, 32]
    assert figures.cells == [[H, H], [H, H], [12, 20]]


def test_the_program_admin_sees_exact_figures():
    figures = reach_figures([[1, 0], [2, 3]], suppress=False)
    assert (figures.total, figures.cumulative, figures.new) == (6, [1, 6], [1, 5])
    assert (figures.regions, figures.cells) == ([3, 3], [[1, 0], [2, 3]])


def test_no_hidden_figure_is_ever_derivable():
    """Random small tables (fixed seed): small counts, zeros, months and regions of every
    size. Whatever is hidden cannot be worked out from what is shown, what is shown is
    exact and at least 5, and every cell under 5 is hidden."""
    rng = random.Random(2026)
    pools = [
        [0, 0, 1, 2, 3, 4, 5, 6, 9, 20],
        [0, 1, 2, 3],
        [3, 5, 8, 12, 30],
        [0, 0, 0, 1, 7],
        list(range(11)),
    ]
    for _ in range(600):
        rows, width = rng.randint(1, 7), rng.randint(1, 5)
        pool = rng.choice(pools)
        grid = [[rng.choice(pool) for _ in range(width)] for _ in range(rows)]
        figures = reach_figures(grid, suppress=True)
        assert figures.cells is not None  # the table is never withheld on these
        shown: dict[tuple, object] = {("total",): figures.total}
        for i in range(rows):
            shown[("new", i)] = figures.new[i]
            shown[("cumulative", i)] = figures.cumulative[i]
            for j in range(width):
                shown[("cell", i, j)] = figures.cells[i][j]
                if grid[i][j] < 5:
                    assert figures.cells[i][j] == H
        for j in range(width):
            shown[("region", j)] = figures.regions[j]
        flat = [n for row in grid for n in row]
        sums = figures_as_sums(rows, width)
        for key, value in shown.items():
            if value != H:
                assert value == sum(a * b for a, b in zip(sums[key], flat, strict=True))
                assert value >= 5
        hidden_as_none = {k: None if v == H else v for k, v in shown.items()}
        assert derivable(hidden_as_none, rows=rows, width=width) == [], grid
        if sum(flat) >= 5:
            assert figures.total == figures.cumulative[-1] == sum(flat)


def test_the_funder_page_shows_no_running_total_of_a_hidden_month(dataset, client_for):
    content = client_for("fatou").get(reverse("capsules:reach")).content.decode()
    assert "Moins de 5 entreprises jointes, pour une cible de 8." in content
    assert "<progress" not in content
    assert '<td class="num">2</td>' not in content  # January's running total
    assert (
        '<tr><th scope="row">janvier 2026</th><td class="num">moins de 5</td>'
        '<td class="num">moins de 5</td></tr>'
    ) in content
