"""Re-score the stored answers of every submitted assessment with a scoring version.

    python manage.py diagnostic_rescore --version dma-b1 [--dry-run]

The version decides the module (M2 or R). Each assessment's result in use becomes the new
version's; every version's result stays in ScoreRecord (history), and an audit event records
each change. ``--dry-run`` prints what would change and writes nothing. Running it twice
changes nothing the second time.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from virage.diagnostics import scoring, selectors
from virage.diagnostics.models import Assessment
from virage.diagnostics.services import ScoringVersionChanged, assessment_rescore

INVALID = 2


class Command(BaseCommand):
    help = "Re-score submitted diagnostics with a scoring version (history is kept)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # "--version" names the scoring version here, not Django's version
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument(
            "--version", dest="version", required=True, help="scoring version, e.g. dma-b1"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change, write nothing"
        )

    def handle(self, *args, version, dry_run, **options):
        if version not in scoring.SCORERS:
            raise CommandError(
                f"unknown scoring version {version!r}; known: {', '.join(sorted(scoring.SCORERS))}",
                returncode=INVALID,
            )
        module = scoring.SCORERS[version].module
        changed = unchanged = 0
        assessments = (
            Assessment.objects.submitted().select_related("business").order_by("id").iterator()
        )
        for assessment in assessments:
            try:
                outcome = assessment_rescore(
                    assessment=assessment, version=version, dry_run=dry_run
                )
            except ScoringVersionChanged as exc:
                raise CommandError(str(exc)) from None
            if not outcome.changed:
                unchanged += 1
                continue
            changed += 1
            self.stdout.write(
                f"#{assessment.pk} {assessment.business} {assessment.time_point}: "
                f"{outcome.before_version} {_overall(outcome.before)} → "
                f"{outcome.after_version} {_overall(outcome.after)}"
            )
        if changed and not dry_run:
            selectors.peer_cache_clear()  # peer averages count the new results at once
        verb = "would change" if dry_run else "changed"
        self.stdout.write(
            f"{version} (module {module}): {changed} {verb}, {unchanged} unchanged"
            + (" (dry run: nothing written)" if dry_run else "")
        )


def _overall(result) -> str:
    value = (result or {}).get("overall")
    return "n/a" if value is None else f"{value:.1f}"
