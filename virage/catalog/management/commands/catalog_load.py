"""Add the starter catalog entries that are missing (idempotent; never overwrites edits)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from virage.catalog.loading import load_catalog
from virage.catalog.models import Solution, SolutionCategory


class Command(BaseCommand):
    help = "Create the seed categories and solutions that do not exist yet (edits are kept)."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = load_catalog(SolutionCategory, Solution)
        self.stdout.write(
            f"catalog: {result.categories_created} categories and "
            f"{result.solutions_created} solutions created"
        )
