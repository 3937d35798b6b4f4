"""Load the starter catalog of `seed_data` into the database (idempotent).

Categories and solutions are reference data the platform cannot run without (the plan engine
maps every recommendation to a category), so a data migration loads them on every database
(production, CI, tests, a fresh `make run`); `manage.py catalog_load` runs the same loader to
add entries appended to `seed_data` later on an existing database.

Only missing rows are created, matched by key: what a program admin edited in the admin (a
description, a price band, a solution hidden) is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import seed_data

CATEGORY_FIELDS = ("name_fr", "name_en", "description_fr", "description_en")
SOLUTION_FIELDS = (
    "name",
    "vendor",
    "description_fr",
    "description_en",
    "price_range",
    "price_model",
    "french_interface",
    "quebec_vendor",
    "multi_location",
    "setup_effort",
    "url",
)


@dataclass(frozen=True)
class LoadResult:
    categories_created: int
    solutions_created: int


def load_catalog(category_model, solution_model) -> LoadResult:
    """Create the seed categories and solutions that do not exist yet.

    Takes the model classes so a migration can pass its historical models.
    """
    existing_categories = {c.key: c for c in category_model.objects.all()}
    new_categories = [
        category_model(key=c["key"], order=order, **{f: c[f] for f in CATEGORY_FIELDS})
        for order, c in enumerate(seed_data.CATEGORIES, start=1)
        if c["key"] not in existing_categories
    ]
    category_model.objects.bulk_create(new_categories)
    categories = {c.key: c for c in category_model.objects.all()}

    existing_solutions = set(solution_model.objects.values_list("key", flat=True))
    created = 0
    for data in seed_data.SOLUTIONS:
        if data["key"] in existing_solutions:
            continue
        solution = solution_model.objects.create(
            key=data["key"],
            category_id=data["category"],
            is_active=True,
            **{f: data[f] for f in SOLUTION_FIELDS},
        )
        solution.extra_categories.set([categories[k] for k in data["extra_categories"]])
        created += 1
    return LoadResult(categories_created=len(new_categories), solutions_created=created)
