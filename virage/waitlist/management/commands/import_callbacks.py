"""Import the existing callback list from a CSV file (format: docs/callback-import.md).

manage.py import_callbacks FILE --dry-run   # report only: rows to create, duplicates,
                                            # invalid rows (line, column, why)
manage.py import_callbacks FILE             # import, all or nothing; running it again
                                            # with the same file creates nothing
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from virage.waitlist import importing
from virage.waitlist.models import CallbackImport
from virage.waitlist.services import callback_import_apply, callback_import_check


class Command(BaseCommand):
    help = "Import the existing callback list from a CSV file (see docs/callback-import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; import nothing."
        )
        parser.add_argument("--language", default="fr", choices=["fr", "en"])

    def handle(self, *args, file: Path, dry_run: bool, language: str, **options):
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from None
        with translation.override(language):
            batch = callback_import_check(filename=file.name, content=content, actor=None)
            self._report(batch)
            if dry_run:
                self.stdout.write("Dry run: nothing was imported.")
                return
            batch = callback_import_apply(batch=batch, actor=None)
            if batch.status != CallbackImport.Status.APPLIED:
                raise CommandError(batch.error or "The import failed; nothing was imported.")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported: {batch.created} created, {batch.moved_earlier} moved to an "
                    f"earlier sign-up date, {batch.duplicates} duplicates skipped, "
                    f"{batch.invalid} invalid rows skipped."
                )
            )

    def _report(self, batch: CallbackImport) -> None:
        out = self.stdout
        out.write(
            f"{batch.filename}: {batch.rows_total} rows; to create {batch.to_create}; "
            f"duplicates {batch.duplicates}; invalid {batch.invalid}; "
            f"earlier sign-up dates to keep {batch.moved_earlier}"
        )
        for kind in ("invalid", "duplicates", "notes"):
            for issue in batch.report.get(kind, []):
                why = importing.issue_message(issue["code"], issue.get("params"))
                out.write(f"  {kind}: line {issue['line']}, {issue['field'] or '-'}: {why}")
