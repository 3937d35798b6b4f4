"""`manage.py backup --output DIR`: database dump + media + manifest (see docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from virage.core.backups import backup


class Command(BaseCommand):
    help = "Back up the database and media files into a new folder under --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, output: Path, **options):
        target = backup(output)
        self.stdout.write(str(target))
