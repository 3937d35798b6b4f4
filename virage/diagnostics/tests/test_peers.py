"""Peer averages on the results page: the program's totals are cached a few minutes (shared,
no personal data) and the business's own T0 is taken out of them; the figures are the same
as counting the other businesses afresh, and the page's queries do not grow with the
program."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from virage.diagnostics import selectors
from virage.diagnostics.models import Assessment

from .factories import blank_answers, improved_answers, make_assessment, make_business

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.timedelta(hours=2)


@pytest.fixture(autouse=True)
def _no_cached_totals():
    cache.delete(selectors.PEER_CACHE_KEY)
    yield
    cache.delete(selectors.PEER_CACHE_KEY)


def aged(assessment, by=LONG_AGO):
    """The assessment as if submitted (and last saved) `by` ago."""
    when = timezone.now() - by
    Assessment.objects.filter(pk=assessment.pk).update(submitted_at=when, updated_at=when)
    assessment.refresh_from_db()
    return assessment


def figures(groups):
    return [(g.key, g.businesses, g.overall, g.dimensions) for g in groups]


@pytest.fixture
def program(marie_business):
    """Marie's T0 (submitted long ago) among peers: 6 of her subsector elsewhere, 5 of her
    region and size with other answers, 2 drafts, and a T1 of a peer (never counted)."""
    own = aged(make_assessment(marie_business))
    for _ in range(6):
        aged(make_assessment(make_business(subsector="458", region="05", employees=30)))
    for _ in range(5):
        business = make_business(subsector="444", region="16", employees=6)
        aged(make_assessment(business, answers=improved_answers()))
    aged(make_assessment(business, time_point="T1", answers=blank_answers()))
    for _ in range(2):
        make_assessment(make_business(), submitted=False, answers={})
    return own


def test_cached_totals_less_own_t0_equal_counting_afresh(program, marie_business):
    fresh = selectors._fresh_totals(
        business=marie_business,
        groups=[
            ("subsector", None, selectors.Q(business__subsector_id=marie_business.subsector_id)),
            ("size", None, selectors.Q(business__employees__gte=5, business__employees__lte=19)),
            ("region", None, selectors.Q(business__region_id=marie_business.region_id)),
        ],
    )
    cached = figures(selectors.peer_groups(business=marie_business, own_t0=program))
    assert cache.get(selectors.PEER_CACHE_KEY) is not None
    assert [(key, n) for key, n, _overall, _dims in cached] == [
        ("subsector", 6),
        ("size", 5),
        ("region", 5),
    ]
    assert [fresh[key].n for key in ("subsector", "size", "region")] == [6, 5, 5]
    # the example answers (28.3) for her subsector, the improved ones (43.6) for the others
    assert [overall for _key, _n, overall, _dims in cached] == [28.3, 43.6, 43.6]
    for key, _n, overall, dims in cached:
        assert overall == fresh[key].average("overall")
        assert dims == {d: fresh[key].average(f"dimensions.{d}") for d in dims}
    # a business without a T0 of its own: nothing to take out
    other = make_business(subsector="458", region="16", employees=6)
    assert [g.businesses for g in selectors.peer_groups(business=other)] == [7, 6, 6]


def test_averages_are_exact_at_half_points(marie_business):
    """Averages are counted exactly (no float drift), then rounded half up."""
    own = aged(make_assessment(marie_business))
    for answers in (None, *[improved_answers()] * 5):  # one at 28.3, five at 43.6
        aged(make_assessment(make_business(subsector="444", region="05"), answers=answers))
    groups = {g.key: g for g in selectors.peer_groups(business=marie_business, own_t0=own)}
    # size band 5-19: (28.3 + 5 × 43.6) / 6 = 41.05 → 41.1 (a float sum gives 246.2999…)
    assert groups["size"].businesses == 6
    assert groups["size"].overall == 41.1


def test_cached_totals_are_kept_then_refreshed(program, marie_business):
    before = figures(selectors.peer_groups(business=marie_business, own_t0=program))
    aged(make_assessment(make_business(subsector="458", region="05", employees=30)))
    # within the cache's lifetime the figures stay as counted …
    assert figures(selectors.peer_groups(business=marie_business, own_t0=program)) == before
    # … then include the new business
    selectors.peer_cache_clear()
    after = selectors.peer_groups(business=marie_business, own_t0=program)
    assert after[0].businesses == 7


def test_own_t0_newer_than_the_cached_totals_is_counted_afresh(marie_business):
    """Totals counted before her T0 was submitted do not hold it: they are not used."""
    for _ in range(5):
        aged(make_assessment(make_business(subsector="458", region="05", employees=30)))
    other = make_business(subsector="458", region="16", employees=6)
    selectors.peer_groups(business=other)  # counts and caches the totals (5 businesses)
    own = make_assessment(marie_business)  # submitted now
    assert selectors.peer_groups(business=marie_business, own_t0=own)[0].businesses == 5
    # a T0 changed after the totals were counted (re-scored): afresh too
    aged(own)
    Assessment.objects.filter(pk=own.pk).update(updated_at=timezone.now())
    own.refresh_from_db()
    assert selectors.peer_groups(business=marie_business, own_t0=own)[0].businesses == 5


def test_a_cache_that_fails_is_skipped(program, marie_business, monkeypatch):
    expected = figures(selectors.peer_groups(business=marie_business, own_t0=program))
    selectors.peer_cache_clear()

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(selectors.cache, "get", broken)
    monkeypatch.setattr(selectors.cache, "set", broken)
    assert figures(selectors.peer_groups(business=marie_business, own_t0=program)) == expected


@pytest.mark.parametrize("others", [1, 20])
def test_results_queries_with_cached_totals(
    client_for, personas, marie_business, assert_queries, others
):
    own = aged(make_assessment(marie_business))
    for _ in range(others):
        aged(make_assessment(make_business(subsector="458", region="16", employees=6)))
    client = client_for("marie")
    assert client.get(f"/fr/diagnostic/{own.pk}/results/").status_code == 200  # caches
    # 1 session, 2 user, 3 assessment with its business and submitter (scope join), 4 the
    # other time point, 5 the cached peer totals, 6 current program
    with assert_queries(6):
        response = client.get(f"/fr/diagnostic/{own.pk}/results/")
    shown = "20 entreprises" if others == 20 else "non affiché, moins de 5 entreprises"
    assert shown in response.content.decode()
    # counting the totals (cache miss): 1 cache read, 1 aggregate, 5 to write them (count of
    # entries, savepoint, read, insert, release)
    selectors.peer_cache_clear()
    with assert_queries(7) as ctx:
        selectors.peer_groups(business=marie_business, own_t0=own)
    assert sum("diagnostics_assessment" in q["sql"] for q in ctx.captured_queries) == 1
