"""Apply the retention schedule now: `manage.py retention_purge [--dry-run]` (run it daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from virage.privacy.retention import retention_run


class Command(BaseCommand):
    help = "Purge or anonymise personal data past its retention period (see docs/privacy.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be disposed of; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        results = retention_run(dry_run=dry_run)
        for result in results:
            if result.status == "manual":
                continue
            line = f"{result.rule.key:<30} {result.status:<12} {result.count}"
            if result.detail:
                line += f"  ({result.detail})"
            self.stdout.write(line)
        total = sum(r.count for r in results)
        verb = "would be disposed of" if dry_run else "disposed of"
        self.stdout.write(self.style.SUCCESS(f"{total} row(s) {verb}."))
