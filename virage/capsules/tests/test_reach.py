"""Reach: distinct businesses with at least one completed capsule, by region and month of
their first completion, on a dataset worked out by hand."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from virage.capsules.models import BusinessReach
from virage.capsules.selectors import capsule_reach
from virage.capsules.services import quiz_submit

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
    # the grouped count (region names joined)
    with assert_queries(1):
        capsule_reach(user=personas.ada, program=dataset)


def test_reach_page_shows_the_same_numbers_as_a_table(dataset, client_for):
    content = client_for("ada").get(reverse("capsules:reach")).content.decode()
    assert "4 entreprises jointes sur une cible de 8 (50,0 %)." in content
    assert '<td class="num">2</td><td class="num">2</td>' in content
    funder = client_for("fatou").get(reverse("capsules:reach")).content.decode()
    assert "moins de 5" in funder
