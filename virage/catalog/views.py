"""The public, vendor-neutral catalog page."""

from __future__ import annotations

from django.shortcuts import render

from virage.enterprises.selectors import business_for_merchant

from . import selectors
from .forms import SORT_FIT, SolutionFilterForm


def solution_browse(request):
    """Browse solutions with filters. Ordered by name; a merchant who picked a category may
    order by fit to their business (French interface, handles their locations, effort,
    price, Québec vendor): never by anything a vendor pays for."""
    categories = list(selectors.category_list())
    business = business_for_merchant(user=request.user)
    form = SolutionFilterForm(
        request.GET or None, categories=categories, can_sort_by_fit=business is not None
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    category_key = filters.get("category") or None
    solutions = list(
        selectors.solution_list(
            category=category_key,
            french_interface=filters.get("french_interface", False),
            quebec_vendor=filters.get("quebec_vendor", False),
            multi_location=filters.get("multi_location", False),
            max_price=filters.get("max_price"),
        )
    )
    others: list = []
    by_fit = bool(business and category_key and filters.get("sort") == SORT_FIT)
    if by_fit:
        solutions, others = selectors.solutions_by_fit(
            solutions, category=category_key, business=business
        )
    category = next((c for c in categories if c.key == category_key), None)
    return render(
        request,
        "catalog/solution_list.html",
        {
            "form": form,
            "solutions": solutions,
            "other_solutions": others,
            "category": category,
            "by_fit": by_fit,
            "business": business,
        },
    )
