"""Reads of the catalog. The catalog is public reference data: no per-user scoping.

Orderings are vendor-neutral: by name, or by fit to a business (plans.rules.fit_solutions).
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower

from .models import Solution, SolutionCategory
from .seed_data import PRICE_RANGES


def category_list() -> QuerySet[SolutionCategory]:
    return SolutionCategory.objects.order_by("order", "key")


def price_ranges_up_to(max_price: str) -> tuple[str, ...]:
    """The price bands at or below `max_price` ("50_200" → free, under_50, 50_200)."""
    return PRICE_RANGES[: PRICE_RANGES.index(max_price) + 1]


def solution_list(
    *,
    category: str | None = None,
    french_interface: bool = False,
    quebec_vendor: bool = False,
    multi_location: bool = False,
    max_price: str | None = None,
    include_inactive: bool = False,
) -> QuerySet[Solution]:
    """Solutions of the catalog, by name (case-insensitive); two queries (the solutions,
    their extra categories).

    `category` matches the main or an extra category; the flags keep only solutions that
    have the property; `max_price` keeps the bands up to that one.
    """
    qs = Solution.objects.all() if include_inactive else Solution.objects.active()
    if category:
        qs = qs.in_category(category)
    if french_interface:
        qs = qs.filter(french_interface=True)
    if quebec_vendor:
        qs = qs.filter(quebec_vendor=True)
    if multi_location:
        qs = qs.filter(multi_location=True)
    if max_price:
        qs = qs.filter(price_range__in=price_ranges_up_to(max_price))
    return (
        qs.select_related("category")
        .prefetch_related(
            Prefetch("extra_categories", queryset=SolutionCategory.objects.order_by("order"))
        )
        .order_by(Lower("name"), "key")
    )


def solution_infos(solutions) -> list:
    """`plans.rules.SolutionInfo` for solutions whose extra categories are prefetched."""
    from virage.plans.rules import SolutionInfo

    return [
        SolutionInfo(
            key=s.key,
            name=s.name,
            category=s.category_id,
            extra_categories=tuple(c.key for c in s.extra_categories.all()),
            french_interface=s.french_interface,
            quebec_vendor=s.quebec_vendor,
            multi_location=s.multi_location,
            setup_effort=s.setup_effort,
            price_range=s.price_range,
        )
        for s in solutions
    ]


def solutions_by_fit(solutions, *, category: str, business) -> tuple[list, list]:
    """Split `solutions` (extra categories prefetched) into those that fit `business` for
    `category`, best fit first (ties by name), and the others, by name. One query (the
    business's number of locations)."""
    from virage.plans.rules import fit_solutions
    from virage.plans.selectors import business_profile

    profile = business_profile(business)
    by_key = {s.key: s for s in solutions}
    fitting = [
        by_key[info.key] for info in fit_solutions(category, profile, solution_infos(solutions))
    ]
    fitting_keys = {s.key for s in fitting}
    return fitting, [s for s in solutions if s.key not in fitting_keys]
