"""`manage.py restore BACKUP_DIR --database-url URL [--media-root DIR]`: restore into a fresh
database and check every table's row count and integer totals against the manifest."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from virage.core.backups import MANIFEST, compare, restore


class Command(BaseCommand):
    help = "Restore a backup into a fresh database and verify it against its manifest."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument("--database-url", required=True)
        parser.add_argument("--media-root", type=Path, default=None)

    def handle(self, *args, source: Path, database_url: str, media_root, **options):
        if not (source / MANIFEST).exists():
            raise CommandError(f"{source} is not a Virage backup (no {MANIFEST}).")
        expected = json.loads((source / MANIFEST).read_text())["tables"]
        actual = restore(source, url=database_url, media_root=media_root)
        problems = compare(expected, actual)
        if problems:
            raise CommandError("restore does not match the backup:\n" + "\n".join(problems))
        rows = sum(t["rows"] for t in actual.values())
        self.stdout.write(f"restored and verified: {len(actual)} tables, {rows} rows")
