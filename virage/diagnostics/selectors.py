"""Reads of diagnostics, scoped by user. Query counts are fixed: none depends on how many
assessments the program holds."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.core.cache import cache
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    Func,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from virage.enterprises.models import Business

from . import questionnaire as qn
from . import scoring
from .models import Assessment

T0 = Assessment.TimePoint.T0
T1 = Assessment.TimePoint.T1
SUBMITTED = Assessment.Status.SUBMITTED

# Peer averages are hidden below this many businesses (DOMAIN.md 7: no cell under 5).
PEER_MIN_BUSINESSES = 5


@dataclass(frozen=True)
class SizeBand:
    key: str
    low: int
    high: int | None
    label: str


# Size bands by employees (full-time equivalents), for peer comparison.
SIZE_BANDS = (
    SizeBand("micro", 0, 4, _("fewer than 5 employees")),
    SizeBand("small", 5, 19, _("5 to 19 employees")),
    SizeBand("medium", 20, 49, _("20 to 49 employees")),
    SizeBand("large", 50, None, _("50 employees or more")),
)


def size_band_for(employees: int | None) -> SizeBand | None:
    if employees is None:
        return None
    return next(
        b for b in SIZE_BANDS if employees >= b.low and (b.high is None or employees <= b.high)
    )


# --------------------------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------------------------


def assessment_latest(*, business, time_point: str, submitted_only: bool = True):
    """The business's assessment at ``time_point`` (submitted only by default), or None.

    Not scoped by user: callers pass a business they already fetched within the user's scope.
    """
    qs = Assessment.objects.filter(business=business, time_point=time_point)
    if submitted_only:
        qs = qs.filter(status=SUBMITTED)
    return qs.order_by("-status", "-submitted_at", "-id").first()


def assessment_get(*, user, pk: int) -> Assessment | None:
    """One assessment within the user's scope, with its business (one query)."""
    return (
        Assessment.objects.visible_to(user)
        .select_related("business", "business__region", "business__subsector", "business__advisor")
        .filter(pk=pk)
        .first()
    )


def assessment_for_results(*, user, pk: int) -> Assessment | None:
    """One assessment within the user's scope with what its results page shows: business,
    region, subsector and who submitted it (one query)."""
    return (
        Assessment.objects.visible_to(user)
        .select_related("business", "business__region", "business__subsector", "submitted_by")
        .filter(pk=pk)
        .first()
    )


def assessment_other_time_point(assessment) -> Assessment | None:
    """The business's submitted assessment at the other time point than ``assessment``'s
    (T1 for a T0, T0 for a T1), for the comparison; its answers are not read (one query)."""
    return (
        Assessment.objects.filter(business_id=assessment.business_id, status=SUBMITTED)
        .exclude(time_point=assessment.time_point)
        .defer("answers")
        .order_by("-submitted_at", "-id")
        .first()
    )


def business_get(*, user, pk: int) -> Business | None:
    return (
        Business.objects.visible_to(user)
        .select_related("region", "subsector", "advisor")
        .filter(pk=pk)
        .first()
    )


def business_assessments(*, business) -> dict[str, Assessment]:
    """{time point: assessment} for a business, the submitted one winning (one query)."""
    result: dict[str, Assessment] = {}
    rows = Assessment.objects.filter(business=business).select_related("submitted_by", "opened_by")
    for assessment in rows.order_by("time_point", "status", "id"):
        # ordered draft before submitted: a submitted assessment replaces a draft
        result[assessment.time_point] = assessment
    return result


# --------------------------------------------------------------------------------------------
# Lists
# --------------------------------------------------------------------------------------------


def assessment_list(
    *,
    user,
    time_point: str = "",
    status: str = "",
    band: str = "",
    region: str = "",
    q: str = "",
):
    """Assessments in the user's scope with their business and region, newest first."""
    qs = Assessment.objects.visible_to(user).select_related("business", "business__region")
    if time_point in Assessment.TimePoint.values:
        qs = qs.filter(time_point=time_point)
    if status in Assessment.Status.values:
        qs = qs.filter(status=status)
    if band in qn.BANDS_BY_KEY:
        qs = qs.filter(status=SUBMITTED, m2_result__band=band)
    if region:
        qs = qs.filter(business__region__code=region)
    if q:
        qs = qs.filter(
            Q(business__legal_name__icontains=q) | Q(business__operating_name__icontains=q)
        )
    return qs.order_by("-updated_at", "-id")


def assessment_counts(*, user) -> dict[str, int]:
    """Drafts and submitted assessments in the user's scope, by time point (one query)."""
    counts = Assessment.objects.visible_to(user).aggregate(
        t0_draft=Count("id", filter=Q(time_point=T0, status="draft")),
        t0_submitted=Count("id", filter=Q(time_point=T0, status=SUBMITTED)),
        t1_draft=Count("id", filter=Q(time_point=T1, status="draft")),
        t1_submitted=Count("id", filter=Q(time_point=T1, status=SUBMITTED)),
    )
    return {k: v or 0 for k, v in counts.items()}


# --------------------------------------------------------------------------------------------
# Peers
# --------------------------------------------------------------------------------------------


@dataclass
class PeerGroup:
    """Averages of submitted T0 results of other businesses like this one."""

    key: str
    label: str
    description: str
    businesses: int = 0
    overall: float | None = None
    dimensions: dict[str, float | None] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        return self.businesses >= PEER_MIN_BUSINESSES


# The peer totals are the same for every business of the program: computed by one aggregate
# over every submitted T0 and kept in the cache a few minutes (shared, no personal data: sums
# and counts per subsector, size band and region). A business's own T0 is then taken out of
# its groups' totals. When the totals may predate its own T0 (submitted or re-scored less than
# PEER_OWN_MARGIN before they were computed), its groups are counted afresh instead.
PEER_CACHE_KEY = "diagnostics:peer-totals:v1"
PEER_CACHE_SECONDS = 300
PEER_OWN_MARGIN = datetime.timedelta(minutes=2)
PEER_VALUES = ("overall", *(f"dimensions.{dim}" for dim in qn.DIMENSIONS))

logger = logging.getLogger(__name__)


class _JSONNumber(Func):
    """The number at a dotted `path` of a JSON column, as a float; NULL when it is missing
    or JSON null. SQLite reads it with one JSON_EXTRACT (Django's key transform adds a
    JSON_TYPE test around each read, which doubles the cost of an aggregate over many
    rows); other databases use the key transform."""

    output_field = FloatField()

    def __init__(self, column: str, path: str):
        self.path = path
        text = KT("__".join((column, *path.split("."))))
        super().__init__(F(column), Cast(text, FloatField()))

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[1])

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"JSON_EXTRACT({sql}, %s)", (*params, f"$.{self.path}")


def _size_band_case() -> Case:
    whens = []
    for band in SIZE_BANDS:
        condition = Q(business__employees__gte=band.low)
        if band.high is not None:
            condition &= Q(business__employees__lte=band.high)
        whens.append(When(condition, then=Value(band.key)))
    return Case(*whens, default=Value(""), output_field=CharField())


@dataclass
class _Totals:
    """Submitted T0s of a group: how many, and the sum of each value. An M2 result always
    holds its overall and every dimension (`scoring.M2Result`), so each value has n terms."""

    n: int = 0
    sums: dict[str, Fraction] = field(default_factory=dict)

    def add(self, n: int, sums: dict[str, Fraction]) -> None:
        self.n += n
        for key in PEER_VALUES:
            self.sums[key] = self.sums.get(key, Fraction(0)) + sums[key]

    def without(self, m2_result: dict) -> _Totals:
        """These totals less one business's T0 result (its stored one-decimal values)."""
        sums = {
            key: self.sums[key] - Fraction(Decimal(repr(float(_path_value(m2_result, key)))))
            for key in PEER_VALUES
        }
        return _Totals(self.n - 1, sums)

    def average(self, key: str) -> float | None:
        if not self.n:
            return None
        return scoring.round_half_up(self.sums[key] / self.n, 1)


def _path_value(m2_result: dict, path: str):
    value = m2_result
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _exact(value) -> Fraction:
    """A database sum of one-decimal scores, without its float noise (exact to 1e-6)."""
    return Fraction(Decimal(repr(round(float(value), 6))))


def _peer_totals(assessments) -> dict[str, dict]:
    """{"subsector": {id: _Totals}, "size": {band key: _Totals}, "region": {id: _Totals}}
    over the submitted T0s among `assessments`: one aggregate query, grouped by subsector,
    region and size band together, then added up per group. A business has one submitted T0
    (unique constraint), so rows are businesses."""
    aggregates = {"n": Count("id")}
    for index, path in enumerate(PEER_VALUES):
        aggregates[f"s{index}"] = Sum(_JSONNumber("m2_result", path))
    cells = (
        assessments.filter(time_point=T0, status=SUBMITTED)
        .order_by()
        .values("business__subsector_id", "business__region_id", band=_size_band_case())
        .annotate(**aggregates)
    )
    totals: dict[str, dict] = {"subsector": {}, "size": {}, "region": {}}
    for cell in cells:
        sums = {path: _exact(cell[f"s{i}"] or 0) for i, path in enumerate(PEER_VALUES)}
        for kind, key in (
            ("subsector", cell["business__subsector_id"]),
            ("size", cell["band"]),
            ("region", cell["business__region_id"]),
        ):
            if key not in (None, ""):
                totals[kind].setdefault(key, _Totals()).add(cell["n"], sums)
    return totals


def _cached_peer_totals() -> tuple[datetime.datetime, dict[str, dict]] | None:
    """(when they were counted, the program's peer totals), from the cache or counted now
    and cached for PEER_CACHE_SECONDS; None when the cache cannot be read (logged): the
    caller then counts only the groups it needs."""
    try:
        cached = cache.get(PEER_CACHE_KEY)
    except Exception as exc:  # noqa: BLE001 - any cache backend error
        logger.warning("peer totals: cache unavailable: %s", exc)
        return None
    if cached is not None:
        return cached
    counted = (timezone.now(), _peer_totals(Assessment.objects.all()))
    try:
        cache.set(PEER_CACHE_KEY, counted, PEER_CACHE_SECONDS)
    except Exception as exc:  # noqa: BLE001 - any cache backend error
        logger.warning("peer totals: cache unavailable: %s", exc)
    return counted


def peer_cache_clear() -> None:
    """Forget the cached peer totals (after a re-scoring, or a change of a business's
    subsector, size or region)."""
    cache.delete(PEER_CACHE_KEY)


def _fresh_totals(*, business, groups) -> dict[str, _Totals]:
    """{kind: _Totals} of the other businesses' submitted T0s in each of `groups` (kind,
    key, condition): one aggregate, reading the JSON only for rows of a group."""
    aggregates = {}
    for kind, _key, condition in groups:
        aggregates[f"{kind}__n"] = Count("id", filter=condition)
        for index, path in enumerate(PEER_VALUES):
            aggregates[f"{kind}__s{index}"] = Sum(_JSONNumber("m2_result", path), filter=condition)
    values = (
        Assessment.objects.filter(time_point=T0, status=SUBMITTED)
        .exclude(business_id=business.pk)
        .aggregate(**aggregates)
    )
    return {
        kind: _Totals(
            values[f"{kind}__n"],
            {p: _exact(values[f"{kind}__s{i}"] or 0) for i, p in enumerate(PEER_VALUES)},
        )
        for kind, _key, _condition in groups
    }


def peer_groups(*, business, own_t0=None) -> list[PeerGroup]:
    """Same subsector, same size band, same region: averages of the other businesses'
    submitted T0 overall and dimension scores. Groups under ``PEER_MIN_BUSINESSES`` are not
    shown. ``own_t0``: the business's submitted T0 (None if it has none), left out.

    From the program's cached totals, less the business's own T0 (no query when cached, one
    aggregate when not); counted afresh without the business, for its groups only, when its
    T0 may be newer than the cached totals or the cache cannot be read (one aggregate). None
    when the business has none of the three.

    Cached totals lag new T0s by up to PEER_CACHE_SECONDS. A change of a business's
    subsector, size or region is not seen by the cached totals either: whoever changes them
    calls `peer_cache_clear`."""
    peers: list[PeerGroup] = []
    groups: list[tuple[str, object, Q]] = []
    if business.subsector_id:
        name = str(business.subsector.name) if business.subsector else ""
        peers.append(PeerGroup("subsector", str(_("Same subsector")), name))
        groups.append(
            ("subsector", business.subsector_id, Q(business__subsector_id=business.subsector_id))
        )
    band = size_band_for(business.employees)
    if band is not None:
        peers.append(PeerGroup("size", str(_("Same size")), str(band.label)))
        size_q = Q(business__employees__gte=band.low)
        if band.high is not None:
            size_q &= Q(business__employees__lte=band.high)
        groups.append(("size", band.key, size_q))
    if business.region_id:
        name = str(business.region.name) if business.region else ""
        peers.append(PeerGroup("region", str(_("Same region")), name))
        groups.append(("region", business.region_id, Q(business__region_id=business.region_id)))
    if not groups:
        return []
    own_changed = None
    if own_t0 is not None:
        own_changed = max(d for d in (own_t0.submitted_at, own_t0.updated_at) if d is not None)
    totals = None
    cached = None
    if own_changed is None or own_changed < timezone.now() - PEER_OWN_MARGIN:
        cached = _cached_peer_totals()
    if cached is not None:
        counted_at, program = cached
        if own_changed is None or own_changed < counted_at - PEER_OWN_MARGIN:
            # the cached totals include the business's T0 as it is now: take it out
            totals = {}
            for kind, key, _condition in groups:
                group = program[kind].get(key) or _Totals()
                if own_t0 is not None and group.n:
                    group = group.without(own_t0.m2_result)
                totals[kind] = group
    if totals is None:
        totals = _fresh_totals(business=business, groups=groups)
    for peer in peers:
        group = totals[peer.key]
        peer.businesses = group.n
        if peer.shown:
            peer.overall = group.average("overall")
            peer.dimensions = {d: group.average(f"dimensions.{d}") for d in qn.DIMENSIONS}
    return peers


def delta(before, after) -> float | None:
    """after − before, from the displayed (one-decimal) values, exactly."""
    if before is None or after is None:
        return None
    return scoring.round_half_up(Decimal(str(after)) - Decimal(str(before)), 1)
