"""`manage.py refresh_reports`: recompute the dashboards' snapshots now (what the periodic job
"reporting.refresh_snapshots" does every 15 minutes), e.g. after a bulk import."""

from django.core.management.base import BaseCommand

from virage.reporting.snapshots import refresh_snapshots


class Command(BaseCommand):
    help = "Recompute the dashboards' pre-computed figures (report snapshots)."

    def handle(self, *args, **options):
        result = refresh_snapshots()
        self.stdout.write(
            f"{result['refreshed']} snapshot(s) computed in {result['seconds']} s, "
            f"{result['dropped']} unused dropped."
        )
