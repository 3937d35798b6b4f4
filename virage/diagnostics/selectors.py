"""Reads of diagnostics, scoped by user. Query counts are fixed: none depends on how many
assessments the program holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, FloatField, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
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


def _float(path: str):
    return Cast(KT(path), FloatField())


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


def peer_groups(*, business) -> list[PeerGroup]:
    """Same subsector, same size band, same region: averages of the other businesses'
    submitted T0 overall and dimension scores, in ONE aggregate query (none when the
    business has none of the three). Groups under ``PEER_MIN_BUSINESSES`` are not shown."""
    groups: list[tuple[PeerGroup, Q]] = []
    if business.subsector_id:
        groups.append(
            (
                PeerGroup(
                    "subsector",
                    str(_("Same subsector")),
                    str(business.subsector.name) if business.subsector else "",
                ),
                Q(business__subsector_id=business.subsector_id),
            )
        )
    band = size_band_for(business.employees)
    if band is not None:
        size_q = Q(business__employees__gte=band.low)
        if band.high is not None:
            size_q &= Q(business__employees__lte=band.high)
        groups.append((PeerGroup("size", str(_("Same size")), str(band.label)), size_q))
    if business.region_id:
        groups.append(
            (
                PeerGroup(
                    "region",
                    str(_("Same region")),
                    str(business.region.name) if business.region else "",
                ),
                Q(business__region_id=business.region_id),
            )
        )
    if not groups:
        return []
    aggregates = {}
    for group, condition in groups:
        aggregates[f"{group.key}__n"] = Count("business", distinct=True, filter=condition)
        aggregates[f"{group.key}__overall"] = Avg(_float("m2_result__overall"), filter=condition)
        for dim in qn.DIMENSIONS:
            aggregates[f"{group.key}__{dim}"] = Avg(
                _float(f"m2_result__dimensions__{dim}"), filter=condition
            )
    values = (
        Assessment.objects.filter(time_point=T0, status=SUBMITTED)
        .exclude(business_id=business.pk)
        .aggregate(**aggregates)
    )
    result = []
    for group, _condition in groups:
        group.businesses = values[f"{group.key}__n"] or 0
        if group.shown:
            group.overall = _rounded(values[f"{group.key}__overall"])
            group.dimensions = {d: _rounded(values[f"{group.key}__{d}"]) for d in qn.DIMENSIONS}
        result.append(group)
    return result


def _rounded(value) -> float | None:
    return None if value is None else scoring.round_half_up(value, 1)


def delta(before, after) -> float | None:
    """after − before, from the displayed (one-decimal) values, exactly."""
    if before is None or after is None:
        return None
    return scoring.round_half_up(Decimal(str(after)) - Decimal(str(before)), 1)
