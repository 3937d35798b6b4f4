"""Recompute the pre-aggregated reach counters from the businesses reached (idempotent).

Run it after any import that writes BusinessReach rows without the quiz service
(`seed_scale`, a restored dump of that table alone, a manual fix)."""

from django.core.management.base import BaseCommand

from virage.capsules.services import rebuild_reach_counts


class Command(BaseCommand):
    help = "Recompute the capsule reach counters (by month and region) from the businesses reached."

    def handle(self, *args, **options):
        businesses = rebuild_reach_counts()
        self.stdout.write(f"reach counters rebuilt: {businesses} businesses reached")
